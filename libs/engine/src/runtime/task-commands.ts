import { ConcurrencyError, NotFoundError, TaskAssignmentError, TaskNotActiveError } from '../errors';
import type { StorageTx, TaskRecord } from '../storage';
import { runAgenda } from './agenda';
import type { Run } from './run';
import { instanceLevelValues } from './variables';

/** A completed task's output: the values, or how to make them from the instance's current variables. */
export type TaskOutput = Record<string, unknown> | ((current: Record<string, unknown>) => Record<string, unknown>);

/** Who acts on which task; `expectedVersion` refuses the command when the task changed since it was read. */
export interface TaskAction {
  tenantId: string;
  taskId: string;
  userId: string;
  expectedVersion?: number;
}

/** the open task of this county, as the caller last saw it */
export async function activeTask(tx: StorageTx, tenantId: string, taskId: string, expectedVersion?: number): Promise<TaskRecord> {
  const task = await tx.get('task', taskId);
  if (!task || task.tenantId !== tenantId) throw new NotFoundError('task', taskId);
  if (task.state !== 'created') throw new TaskNotActiveError(task.id, task.state);
  if (expectedVersion !== undefined && expectedVersion !== task.version) throw new ConcurrencyError('task', task.id);
  return task;
}

/** the open task, held by the caller or by nobody */
export async function ownTask(run: Run, input: TaskAction): Promise<TaskRecord> {
  const task = await activeTask(run.tx, input.tenantId, input.taskId, input.expectedVersion);
  if (task.assignee && task.assignee !== input.userId) throw new TaskAssignmentError(task.id, task.assignee);
  return task;
}

/**
 * `variables` may be a function of the instance's current variables (what a form's read-only fields are checked
 * against): it runs inside the command, on the values this completion will change, and whatever it throws aborts
 * the completion with nothing written.
 */
export async function completeTask(run: Run, input: TaskAction & { variables?: TaskOutput }): Promise<TaskRecord> {
  if (run.tx.prefetchTaskScope) await run.tx.prefetchTaskScope(input.taskId);
  const task = await ownTask(run, input);
  const values =
    typeof input.variables === 'function' ? input.variables(await instanceLevelValues(run, task.instanceId)) : (input.variables ?? {});
  const done = await run.tx.update('task', { ...task, state: 'completed', completedAt: run.now, completedBy: input.userId });
  run.history(task.tenantId, task.instanceId, 'task-completed', {
    elementId: task.activityId,
    elementType: 'userTask',
    taskId: task.id,
    data: { variables: values },
  });
  run.agenda.push({ op: 'leave', execId: task.executionId, values });
  await runAgenda(run);
  return done;
}

export async function claimTask(run: Run, input: TaskAction): Promise<TaskRecord> {
  const task = await activeTask(run.tx, input.tenantId, input.taskId, input.expectedVersion);
  if (task.assignee === input.userId) return task;
  if (task.assignee) throw new TaskAssignmentError(task.id, task.assignee);
  run.history(task.tenantId, task.instanceId, 'task-claimed', { elementId: task.activityId, taskId: task.id });
  return run.tx.update('task', { ...task, assignee: input.userId, claimedAt: run.now });
}

export async function unclaimTask(run: Run, input: TaskAction): Promise<TaskRecord> {
  const task = await activeTask(run.tx, input.tenantId, input.taskId, input.expectedVersion);
  run.history(task.tenantId, task.instanceId, 'task-unclaimed', { elementId: task.activityId, taskId: task.id });
  return run.tx.update('task', { ...task, assignee: null, claimedAt: null });
}

/** hands an open task to another user (the caller must hold it, or it must be unassigned) */
export async function delegateTask(run: Run, input: TaskAction & { assignee: string }): Promise<TaskRecord> {
  const task = await ownTask(run, input);
  run.history(task.tenantId, task.instanceId, 'task-delegated', {
    elementId: task.activityId,
    taskId: task.id,
    data: { from: task.assignee, to: input.assignee },
  });
  return run.tx.update('task', { ...task, assignee: input.assignee, claimedAt: run.now });
}
