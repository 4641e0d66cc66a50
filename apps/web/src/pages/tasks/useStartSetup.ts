import type { ProcessDefinition, StartForm } from '@kcbx/api-contract';
import type { FormDefinition } from '@kcbx/forms';
import { ApiError } from '../../api/errors';
import { workflowApi } from '../../api/workflow';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

export interface StartSetup {
  definition: ProcessDefinition | null;
  startForm: FormDefinition | null;
}

/** The start-form endpoint answers with the form itself or wrapped; no start form at all is not an error. */
function startFormOf(r: StartForm | FormDefinition | null): FormDefinition | null {
  if (!r) return null;
  if ('schema' in r) return r;
  return r.form ?? null;
}

/** Older servers have no "startable" list: every deployed procedure is offered, the start call checks. */
export const startableProcedures = () =>
  workflowApi.startable().catch((e) => (e instanceof ApiError && e.status === 404 ? workflowApi.definitions() : Promise.reject(e)));

/** The procedure to start and its start form; `missing` when the user may not start it (or it does not exist). */
export function useStartSetup(processKey: string): { setup: StartSetup | null; missing: boolean } {
  const showError = useShowError();
  const { data } = useLoad(
    async () => {
      const [defs, sf] = await Promise.all([
        startableProcedures(),
        workflowApi.startForm(processKey).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
      ]);
      const definition = defs.find((d) => d.key === processKey) ?? null;
      return definition ? { definition, startForm: startFormOf(sf) } : null;
    },
    [processKey],
    showError,
  );
  return { setup: data ?? null, missing: data === null };
}
