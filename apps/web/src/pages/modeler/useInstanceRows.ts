import type { InstanceSummary } from '@kcbx/api-contract';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { definitionInfo } from './activityNames';
import { modelerApi } from './modelerApi';

export interface InstanceRow extends InstanceSummary {
  stepNames: string;
  incidentCount: number;
}

export interface InstanceQuery {
  /** '' for every procedure */
  key: string;
  version?: number;
  /** 'all' or one state */
  state: string;
  page: number;
  pageSize: number;
}

const NO_ROWS = { rows: [] as InstanceRow[], total: 0 };

/** One row with the names of the steps it stands at (the list carries ids; a running instance's detail the steps). */
async function withSteps(i: InstanceSummary): Promise<InstanceRow> {
  const names = await definitionInfo(i.definitionId).then(
    (d) => d.names,
    () => new Map<string, string>(),
  );
  const ids =
    i.activeActivityIds ??
    (i.state === 'active'
      ? await modelerApi.instance(i.id).then(
          (d) => d.activeActivityIds,
          () => [],
        )
      : []);
  const incidentCount = Array.isArray(i.incidents) ? i.incidents.length : (i.incidents ?? 0);
  return { ...i, stepNames: ids.map((id) => names.get(id) ?? id).join('、'), incidentCount };
}

/** One page of instances; no procedure picked lists every procedure's instances, newest first. */
export function useInstanceRows({ key, version, state, page, pageSize }: InstanceQuery) {
  const showError = useShowError();
  const {
    data = NO_ROWS,
    loading,
    reload,
  } = useLoad(
    async () => {
      const r = await modelerApi.instances({
        definitionKey: key || undefined,
        version: key ? version : undefined,
        state: state === 'all' ? undefined : state,
        page,
        pageSize,
      });
      return { rows: await Promise.all(r.items.map(withSteps)), total: r.total };
    },
    [key, version, state, page, pageSize],
    showError,
  );
  return { ...data, loading, reload };
}
