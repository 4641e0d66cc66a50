import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { cancelExecution, closeWaits } from './cancel';
import type { Run } from './run';
import { propagate } from './variables';

/**
 * A timer fired or a message arrived for the wait `catcherId` held by `exec`: a boundary event, the
 * token's own catch event / receive task, or one branch of the event-based gateway the token waits at.
 */
export async function triggerWait(run: Run, exec: ExecutionRecord, catcherId: string, values: Record<string, unknown>): Promise<void> {
  const model = await run.modelOf(exec.instanceId);
  const catcher = model.elements.get(catcherId)!;
  if (catcher.type === 'boundaryEvent') return fireBoundary(run, exec, catcher, values);
  if (exec.activityId !== catcherId) {
    await closeWaits(run, exec.id);
    await run.history(exec.tenantId, exec.instanceId, 'activity-left', { elementId: exec.activityId, elementType: 'eventBasedGateway' });
    const moved = await run.saveExecution(exec, { activityId: catcherId, state: 'active', data: '{}' });
    await run.history(exec.tenantId, exec.instanceId, 'activity-entered', { elementId: catcherId, elementType: catcher.type });
    run.agenda.push({ op: 'leave', execId: moved.id, values });
    return;
  }
  run.agenda.push({ op: 'leave', execId: exec.id, values });
}

/** the boundary token starts beside the host; an interrupting boundary cancels the host first */
export async function fireBoundary(run: Run, host: ExecutionRecord, boundary: ElementDef, values: Record<string, unknown>): Promise<void> {
  const token = await run.createExecution(host.instanceId, host.tenantId, host.parentId, 'token', boundary.id);
  await propagate(run, token, values);
  if (boundary.cancelActivity) await cancelExecution(run, host);
  run.agenda.push({ op: 'enter', execId: token.id });
}
