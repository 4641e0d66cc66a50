import type { ExecutionRecord } from '../storage';
import type { Run } from './run';
import { deleteLocals } from './variables';
import { completeInstance } from './instances';
import { closeWaits } from './close-waits';

export { closeWaits };

/**
 * Cancels an execution and everything under it: child tokens, open tasks, timers, subscriptions, called
 * instances and open incidents. Used by interrupting boundary events, terminate ends and completion conditions.
 */
export async function cancelExecution(run: Run, exec: ExecutionRecord): Promise<void> {
  for (const child of await run.children(exec.id)) await cancelExecution(run, child);
  // by instance: the relational stores index a task by its instance, not by its execution (one index fewer written
  // with every task a token enters)
  for (const task of await run.tx.find('task', { instanceId: exec.instanceId, executionId: exec.id, state: 'created' })) {
    await run.tx.update('task', { ...task, state: 'cancelled', completedAt: run.now });
    run.history(exec.tenantId, exec.instanceId, 'task-cancelled', { elementId: task.activityId, taskId: task.id });
  }
  for (const called of await run.tx.find('instance', { parentExecutionId: exec.id, state: 'active' })) {
    run.rememberInstance(called);
    await cancelExecution(run, await run.mustExecution(called.id));
  }
  for (const incident of await run.tx.find('incident', { executionId: exec.id, state: 'open' })) {
    await run.tx.update('incident', { ...incident, state: 'resolved', resolvedAt: run.now });
  }
  await closeWaits(run, exec.id);
  await deleteLocals(run, exec);
  if (exec.kind === 'root') {
    await completeInstance(run, exec, 'terminated');
    return;
  }
  run.history(exec.tenantId, exec.instanceId, 'activity-cancelled', { elementId: exec.activityId });
  await run.deleteExecution(exec.id);
}
