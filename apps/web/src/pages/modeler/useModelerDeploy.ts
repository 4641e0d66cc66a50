import type { DeployProblem, DeployResult } from '@kcbx/api-contract';
import { useCallback, useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { checkSteps } from './modelChecks';
import { modelerApi } from './modelerApi';
import type { ShownProblem } from './ProblemsList';
import type { BpmnModelerHandle } from './useBpmnModeler';

/** Validate and deploy the drawn procedure; the problems found by the last validation (null before the first). */
export function useModelerDeploy(
  m: BpmnModelerHandle,
  catalog: { forms: { key: string }[]; roles: { key: string }[] },
  onDeployed: (deployed: DeployResult['processDefinitions'][number] | undefined) => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [problems, setProblems] = useState<ShownProblem[] | null>(null);
  const [busy, setBusy] = useState<'validate' | 'deploy' | null>(null);

  /** Our own checks first (no form, unknown role), then the server's dry run: the engine's own rules. */
  const validate = useCallback(async (): Promise<ShownProblem[]> => {
    const local = checkSteps(m.steps(), new Set(catalog.forms.map((f) => f.key)), new Set(catalog.roles.map((r) => r.key)));
    const found: ShownProblem[] = local.map((p) => ({ elementId: p.elementId, text: t(p.message, p.params) }));
    try {
      await modelerApi.deploy(`${m.info.key}.bpmn`, await m.xml(), true);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      const details = Array.isArray(e.details) ? (e.details as DeployProblem[]) : [];
      if (details.length === 0) found.push({ text: e.message });
      for (const d of details) found.push({ elementId: d.elementId, line: d.line, text: d.message });
    }
    setProblems(found);
    return found;
  }, [catalog, m, t]);

  const runValidate = async () => {
    setBusy('validate');
    await validate().catch(showError);
    setBusy(null);
  };

  const deploy = async () => {
    setBusy('deploy');
    try {
      if ((await validate()).length > 0) return;
      const result = await modelerApi.deploy(`${m.info.key}.bpmn`, await m.xml(), false);
      const deployed = result.processDefinitions.find((d) => d.key === m.info.key) ?? result.processDefinitions[0];
      void message.success(t('modeler.deployed', { name: m.info.name || m.info.key, version: deployed?.version ?? '' }));
      m.markSaved();
      onDeployed(deployed);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return { problems, busy, validate: runValidate, deploy };
}
