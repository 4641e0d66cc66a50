import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { cancelExecution, closeWaits } from './cancel';
import type { Run } from './run';
import { propagate } from './variables';
import { openEventSubProcesses } from './waits';

/**
 * A timer fired, a message or signal arrived, or a condition came true for the wait `catcherId` held by `exec`: a
 * boundary event, the token's own catch event / receive task, one branch of the event-based gateway the token waits
 * at, or the start event of an event sub-process of the scope `exec`.
 */
export async function triggerWait(run: Run, exec: ExecutionRecord, catcherId: string, values: Record<string, unknown>): Promise<void> {
  const model = await run.modelOf(exec.instanceId);
  const catcher = model.elements.get(catcherId)!;
  if (catcher.type === 'boundaryEvent') return fireBoundary(run, exec, catcher, values);
  if (catcher.type === 'startEvent') return startEventSubProcess(run, exec, model.elements.get(catcher.scopeId!)!, catcher, values);
  if (exec.activityId !== catcherId) {
    await closeWaits(run, exec.id);
    run.history(exec.tenantId, exec.instanceId, 'activity-left', { elementId: exec.activityId, elementType: 'eventBasedGateway' });
    const moved = await run.saveExecution(exec, { activityId: catcherId, state: 'active', data: '{}' });
    run.history(exec.tenantId, exec.instanceId, 'activity-entered', { elementId: catcherId, elementType: catcher.type });
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

/**
 * An event sub-process starts in `scope` (the process root or a sub-process). An interrupting one first cancels
 * everything running in the scope — once: the scope's event sub-process waits close with it, so no second
 * interrupting event can follow — while a non-interrupting one runs beside the scope's steps and keeps waiting.
 */
export async function startEventSubProcess(
  run: Run,
  scope: ExecutionRecord,
  esp: ElementDef,
  start: ElementDef,
  values: Record<string, unknown>,
): Promise<void> {
  if (start.cancelActivity) {
    for (const child of await run.children(scope.id)) await cancelExecution(run, child);
    const model = await run.modelOf(scope.instanceId);
    const siblings = scope.kind === 'root' ? model.eventSubProcesses : model.elements.get(scope.activityId)!.eventSubProcesses;
    const starts = new Set(siblings.map((id) => model.elements.get(id)!.startEvents[0]));
    for (const sub of await run.tx.find('subscription', { executionId: scope.id }))
      if (starts.has(sub.activityId)) await run.tx.delete('subscription', sub.id);
    for (const job of await run.tx.find('job', { executionId: scope.id }))
      if (starts.has(job.activityId)) await run.tx.delete('job', job.id);
  }
  const inner = await run.createExecution(scope.instanceId, scope.tenantId, scope.id, 'subprocess', esp.id, {}, undefined, 'scope');
  run.history(scope.tenantId, scope.instanceId, 'activity-entered', {
    elementId: esp.id,
    elementType: 'subProcess',
    data: { interrupting: start.cancelActivity, trigger: start.event },
  });
  await propagate(run, inner, values);
  await openEventSubProcesses(run, inner, esp.eventSubProcesses);
  const token = await run.createExecution(scope.instanceId, scope.tenantId, inner.id, 'token', start.id);
  run.agenda.push({ op: 'enter', execId: token.id });
}
