import { InvalidArgumentError } from '../errors';
import type { TaskRecord } from '../storage';
import { runAgenda } from './agenda';
import { closeWaits } from './cancel';
import type { Run } from './run';
import { deleteLocals } from './variables';

export interface ReturnInput {
  reason: string;
  /** the earlier user task to go back to; default: the most recently completed step other than this one */
  targetActivityId?: string | null;
  /** 撤回: the previous step's submitter takes the case back (recorded as task-withdrawn, not task-returned) */
  withdrawn?: boolean;
}

/**
 * Sends a case back to an earlier step (退回): the open task is cancelled, its token moves to the earlier
 * user task, and the task created there goes straight to whoever completed that step last (they know the
 * case; a candidate pool would not). Variables are untouched, so the earlier form opens with what was
 * submitted. Only a plain token in the same scope can go back: a multi-instance item or a step inside
 * another sub-process has no single "earlier step" to return to, so those are refused.
 */
export async function returnTask(run: Run, task: TaskRecord, input: ReturnInput): Promise<TaskRecord> {
  if (!input.reason.trim()) throw new InvalidArgumentError('return-reason-required', {}, 'a return needs a reason');
  const exec = await run.mustExecution(task.executionId);
  const model = await run.modelOf(task.instanceId);
  const here = model.elements.get(task.activityId)!;
  if (exec.kind !== 'token') {
    throw new InvalidArgumentError(
      'return-multi-instance',
      { step: task.activityId },
      `step ${task.activityId} runs as multi-instance and cannot be returned`,
    );
  }
  const completed = (await run.tx.find('task', { instanceId: task.instanceId, state: 'completed' })).sort(
    (a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0) || (a.id < b.id ? 1 : -1),
  );
  const earlier = input.targetActivityId
    ? completed.find((t) => t.activityId === input.targetActivityId)
    : completed.find((t) => t.activityId !== task.activityId);
  if (!earlier) {
    throw input.targetActivityId
      ? new InvalidArgumentError(
          'return-step-not-done',
          { step: input.targetActivityId },
          `step ${input.targetActivityId} has not been done in this case`,
        )
      : new InvalidArgumentError('return-no-earlier-step', {}, 'there is no earlier step to return to');
  }
  const target = model.elements.get(earlier.activityId);
  if (!target || target.type !== 'userTask' || target.scopeId !== here.scopeId) {
    throw new InvalidArgumentError(
      'return-other-scope',
      { step: earlier.activityId },
      `step ${earlier.activityId} is not in the same part of the procedure`,
    );
  }
  const cancelled = await run.tx.update('task', { ...task, state: 'cancelled', completedAt: run.now, completedBy: run.userId });
  run.history(task.tenantId, task.instanceId, input.withdrawn ? 'task-withdrawn' : 'task-returned', {
    elementId: task.activityId,
    elementType: 'userTask',
    taskId: task.id,
    data: { reason: input.reason, toActivityId: earlier.activityId, toTaskId: earlier.id, assignee: earlier.completedBy },
  });
  await closeWaits(run, exec.id);
  await deleteLocals(run, exec);
  const moved = await run.saveExecution(exec, {
    activityId: earlier.activityId,
    state: 'active',
    data: JSON.stringify({ returnedFrom: task.activityId, assignTo: earlier.completedBy }),
  });
  run.agenda.push({ op: 'enter', execId: moved.id });
  await runAgenda(run);
  return cancelled;
}
