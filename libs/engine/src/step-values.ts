import type { ElementDef } from './model/model';
import type { HistoryRecord, StorageTx, TaskRecord } from './storage';

/**
 * The engine's part of what a step's form opens with (the host adds its form's defaults). Both are the step's
 * own: never another step's values that happen to share a name — which is what reading the process variables
 * gave (a township review opening with the school's decision).
 */
export interface StepValues {
  /** what the step's input mappings (zeebe:ioMapping input) gave this task when it was created; {} without any */
  inputs: Record<string, unknown>;
  /**
   * What this step (the same element of the same instance) submitted the last time it was completed before this
   * task was created — after a return (退回) or a loop back, the step opens with its own earlier answers. Null when
   * it was never completed before, and always for a multi-instance step or one inside a multi-instance sub-process
   * (a level of the persuasion ladder): its earlier passes were other people's.
   */
  previousSubmission: Record<string, unknown> | null;
}

/** The element or a sub-process around it runs once per item: each pass is someone else's work. */
function inMultiInstance(element: ElementDef | undefined, elements: ReadonlyMap<string, ElementDef>): boolean {
  for (let e = element; e; e = e.scopeId ? elements.get(e.scopeId) : undefined) if (e.multiInstance) return true;
  return false;
}

export async function stepValues(
  tx: StorageTx,
  task: TaskRecord,
  element: ElementDef | undefined,
  elements: ReadonlyMap<string, ElementDef> = new Map(),
): Promise<StepValues> {
  const events = await tx.find('history', { instanceId: task.instanceId, elementId: task.activityId });
  const created = events.find((h) => h.type === 'task-created' && h.taskId === task.id);
  const inputs = (created && data<{ inputs?: Record<string, unknown> }>(created).inputs) || {};
  if (inMultiInstance(element, elements)) return { inputs, previousSubmission: null };
  // history comes in id order, and ids are time-ordered: the last one found is the latest
  const completions = events.filter((h) => h.type === 'task-completed' && h.taskId !== task.id && h.at <= task.createdAt);
  const last = completions[completions.length - 1];
  return { inputs, previousSubmission: last ? (data<{ variables?: Record<string, unknown> }>(last).variables ?? {}) : null };
}

function data<T>(event: HistoryRecord): T {
  return JSON.parse(event.data) as T;
}
