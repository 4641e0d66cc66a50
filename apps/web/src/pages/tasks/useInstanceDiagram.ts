import type { ProcessInstance } from '@kcbx/api-contract';
import { workflowApi } from '../../api/workflow';
import { useLoad } from '../../util/useLoad';
import { bpmnNames, type BpmnNames } from './bpmnNames';

export interface InstanceDiagram {
  instance: ProcessInstance | null;
  xml: string | null;
  names: BpmnNames;
  /** Elements the instance has left: drawn as done. */
  completedIds: string[];
}

const EMPTY: InstanceDiagram = { instance: null, xml: null, names: { process: null, steps: {} }, completedIds: [] };

async function loadDiagram(instanceId: string): Promise<InstanceDiagram> {
  const instance = await workflowApi.instance(instanceId);
  const { xml } = await workflowApi.definitionXml(instance.definitionId);
  const completedIds = [
    ...new Set(instance.history.filter((h) => h.type === 'activity-left' && h.elementId).map((h) => h.elementId as string)),
  ];
  return { instance, xml, names: bpmnNames(xml), completedIds };
}

/**
 * The instance behind a task, its definition's XML and the step names in it. A failure is not shown: the diagram
 * is a help, not the task, and the page works without it (the last diagram stays).
 */
export function useInstanceDiagram(instanceId: string | undefined): InstanceDiagram & { reload(): void } {
  const { data, reload } = useLoad(() => (instanceId ? loadDiagram(instanceId) : Promise.resolve(undefined)), [instanceId]);
  return { ...(data ?? EMPTY), reload };
}
