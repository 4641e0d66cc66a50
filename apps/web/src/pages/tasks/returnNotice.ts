export interface ReturnNotice {
  reason: string;
  by: string | null;
  at: string;
}

/**
 * Why this step is open again: the latest return whose target is this step and that happened before the
 * task was created (a return further back in the case's life does not concern this task).
 */
export function returnInto(history: HistoryEvent[], activityId: string, taskCreatedAt: string): ReturnNotice | null {
  const returns = history.filter(
    (h) => h.type === 'task-returned' && h.data?.toActivityId === activityId && h.at <= taskCreatedAt && typeof h.data?.reason === 'string',
  );
  const last = returns[returns.length - 1];
  if (!last) return null;
  // A second return after the step was done and redone would be newer; only the one that opened this task counts.
  const reopened = history.some(
    (h) => h.type === 'task-completed' && h.elementId === activityId && h.at > last.at && h.at <= taskCreatedAt,
  );
  return reopened ? null : { reason: String(last.data?.reason), by: last.userName, at: last.at };
}
import type { HistoryEvent } from '@kcbx/api-contract';
