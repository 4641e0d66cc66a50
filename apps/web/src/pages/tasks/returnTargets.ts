import type { ProcessInstance, TaskDetail } from '@kcbx/api-contract';

export interface ReturnTarget {
  id: string;
  name: string;
}

/**
 * Where a 退回 can send the task: the steps done before in this case (formless ones too, from the instance's
 * history when it is known, else the earlier forms), newest first, never the task's own step.
 */
export function returnTargets(task: TaskDetail, instance: ProcessInstance | null, stepNames: Record<string, string>): ReturnTarget[] {
  const done = instance
    ? instance.history
        .filter((h) => h.type === 'task-completed' && h.elementId)
        .map((h) => h.elementId as string)
        .reverse()
    : [...task.earlierSteps].reverse().map((s) => s.activityId);
  const ids = [...new Set(done)].filter((a) => a !== task.activityId);
  return ids.map((a) => ({ id: a, name: stepNames[a] ?? a }));
}
