import { ConcurrencyError, NotFoundError, TaskAssignmentError, TaskNotActiveError } from '../errors';
import type { StorageTx, TaskRecord } from '../storage';
import { runAgenda } from './agenda';
import type { Run } from './run';
import { instanceLevelValues } from './variables';
import { then } from '../now';
import type { Now } from '../storage';

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
export function activeTask(tx: StorageTx, tenantId: string, taskId: string, expectedVersion?: number): Now<TaskRecord> {
  return then(tx.get('task', taskId), (task) => {
    if (!task || task.tenantId !== tenantId) throw new NotFoundError('task', taskId);
    if (task.state !== 'created') throw new TaskNotActiveError(task.id, task.state);
    if (expectedVersion !== undefined && expectedVersion !== task.version) throw new ConcurrencyError('task', task.id);
    return task;
  });
}

/** the open task, held by the caller or by nobody */
export function ownTask(run: Run, input: TaskAction): Now<TaskRecord> {
  return then(activeTask(run.tx, input.tenantId, input.taskId, input.expectedVersion), (task) => {
    if (task.assignee && task.assignee !== input.userId) throw new TaskAssignmentError(task.id, task.assignee);
    return task;
  });
}

/**
 * `variables` may be a function of the instance's current variables (what a form's read-only fields are checked
 * against): it runs inside the command, on the values this completion will change, and whatever it throws aborts
 * the completion with nothing written.
 */
export function completeTask(run: Run, input: TaskAction & { variables?: TaskOutput }): Now<TaskRecord> {
  const prefetched = run.tx.prefetchTaskScope ? run.tx.prefetchTaskScope(input.taskId) : undefined;
  return then(prefetched, () =>
    then(ownTask(run, input), (task) => {
      const output = input.variables;
      const values = typeof output === 'function' ? then(instanceLevelValues(run, task.instanceId), output) : (output ?? {});
      return then(values, (given) => completeWith(run, task, input.userId, given));
    }),
  );
}

function completeWith(run: Run, task: TaskRecord, userId: string, values: Record<string, unknown>): Now<TaskRecord> {
  return then(run.tx.update('task', { ...task, state: 'completed', completedAt: run.now, completedBy: userId }), (done) => {
    run.history(task.tenantId, task.instanceId, 'task-completed', {
      elementId: task.activityId,
      elementType: 'userTask',
      taskId: task.id,
      data: { variables: values },
    });
    run.agenda.push({ op: 'leave', execId: task.executionId, values });
    return then(runAgenda(run), () => done);
  });
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
