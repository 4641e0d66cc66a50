import type { ProcessInstance } from '@kcbx/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { workflowApi } from '../../api/workflow';
import { bpmnNames, type BpmnNames } from './bpmnNames';

export interface InstanceDiagram {
  instance: ProcessInstance | null;
  xml: string | null;
  names: BpmnNames;
  /** Elements the instance has left: drawn as done. */
  completedIds: string[];
}

const EMPTY: InstanceDiagram = { instance: null, xml: null, names: { process: null, steps: {} }, completedIds: [] };

/** The instance behind a task, its definition's XML and the step names in it. */
export function useInstanceDiagram(instanceId: string | undefined): InstanceDiagram & { reload(): void } {
  const [state, setState] = useState<InstanceDiagram>(EMPTY);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!instanceId) return;
    let alive = true;
    (async () => {
      const instance = await workflowApi.instance(instanceId);
      const { xml } = await workflowApi.definitionXml(instance.definitionId);
      const completedIds = [
        ...new Set(instance.history.filter((h) => h.type === 'activity-left' && h.elementId).map((h) => h.elementId as string)),
      ];
      if (alive) setState({ instance, xml, names: bpmnNames(xml), completedIds });
    })().catch(() => undefined); // the diagram is a help, not the task: the page works without it
    return () => {
      alive = false;
    };
  }, [instanceId, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
