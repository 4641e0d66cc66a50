import type { InstanceDetail } from '@kcbx/api-contract';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { definitionInfo } from './activityNames';
import { modelerApi } from './modelerApi';

export interface InstanceDiagram {
  xml: string;
  /** element id → name */
  names: Map<string, string>;
}

/** One instance's detail and its definition's diagram; nothing of another instance shows while this one loads. */
export function useInstanceDetail(instanceId: string | null) {
  const showError = useShowError();
  const loaded = useLoad(() => (instanceId ? modelerApi.instance(instanceId) : Promise.resolve(null)), [instanceId], showError);
  const detail: InstanceDetail | null = loaded.data?.id === instanceId ? loaded.data : null;
  const definitionId = detail?.definitionId;
  const info = useLoad(
    async () => (definitionId ? { definitionId, ...(await definitionInfo(definitionId)) } : null),
    [definitionId],
    showError,
  );
  const diagram: InstanceDiagram | null = definitionId && info.data?.definitionId === definitionId ? info.data : null;
  return { detail, diagram, reload: loaded.reload };
}
