import type { ExecutionRecord } from '../storage';
import { evalFeel } from './feel';
import { completeInstance } from './instances';
import { miItemCompleted } from './multi-instance';
import { execData, type Run } from './run';
import { deleteLocals, propagate, setLocal, visibleVariables } from './variables';
import { cancelExecution, closeWaits } from './cancel';
import { handCompensationsUp, nextCompensation, rememberCompensation } from './compensation';
import type { ElementDef } from '../model/model';

/**
 * A token finishes its element: apply output mappings, close its boundary subscriptions and timers, and
 * take the given flows (default: all outgoing). With no outgoing flow the token is consumed.
 */
export async function leave(run: Run, exec: ExecutionRecord, flows?: string[], values: Record<string, unknown> = {}): Promise<void> {
  const known = run.element(exec);
  const el = known instanceof Promise ? await known : known;
  const held = run.mustExecution(exec.id);
  const current = held instanceof Promise ? await held : held;
  // a called child's end offers all its variables; without propagateAllChildVariables only the outputs count
  if (el.type === 'callActivity' && !el.propagation.allChildVariables && el.outputs.length === 0) values = {};
  if (el.outputs.length > 0 || (current.kind === 'mi-item' && el.multiInstance?.outputElement)) {
    for (const [name, value] of Object.entries(values)) await setLocal(run, current, name, value);
    if (el.outputs.length > 0) {
      const vars = await visibleVariables(run, current);
      const mapped = Object.fromEntries(el.outputs.map((m) => [m.target, evalFeel(m.source, vars)]));
      if (current.parentId) await propagate(run, await run.mustExecution(current.parentId), mapped);
    }
  } else if (Object.keys(values).length > 0) {
    await propagate(run, current, values);
  }
  run.history(exec.tenantId, exec.instanceId, 'activity-left', { elementId: el.id, elementType: el.type });
  const parsed = run.modelOf(exec.instanceId);
  const model = parsed instanceof Promise ? await parsed : parsed;
  // a scope that completes hands its completed activities' compensations to the scope around it (through a
  // multi-instance item and body too), so a compensation thrown there undoes them and none is left behind
  if (model.hasCompensation && (current.kind === 'subprocess' || current.kind === 'mi-item' || current.kind === 'mi-body'))
    await handCompensationsUp(run, current);
  // only these hold subscriptions or timers under the token's id (service jobs are removed by their executor)
  if (el.boundaries.length > 0 || el.eventSubProcesses.length > 0 || el.type === 'intermediateCatchEvent' || el.type === 'receiveTask')
    await closeWaits(run, current.id);
  if (current.kind === 'mi-item') return miItemCompleted(run, current, el);
  if (el.compensationHandler) await rememberCompensation(run, current, el);
  await deleteLocals(run, current);
  const taken = flows ?? el.outgoing;
  if (el.asyncAfter) return continueAfterAsync(run, current, el, taken);
  return takeFlows(run, current, taken);
}

/**
 * camunda:asyncAfter: the element is done and that is committed; a job takes its outgoing flows later (in its own
 * transaction, with retries), so a failure after it does not undo it.
 */
async function continueAfterAsync(run: Run, exec: ExecutionRecord, el: ElementDef, flows: string[]): Promise<void> {
  const waiting = await run.saveExecution(exec, { state: 'waiting', data: JSON.stringify({ asyncAfter: flows }) });
  await run.tx.insert('job', {
    id: run.deps.newId(),
    tenantId: waiting.tenantId,
    instanceId: waiting.instanceId,
    executionId: waiting.id,
    definitionId: (await run.instance(waiting.instanceId)).definitionId,
    activityId: el.id,
    kind: 'async',
    payload: JSON.stringify({ after: true }),
    dueAt: run.now,
    retries: el.retries,
    lockOwner: null,
    lockExpiresAt: null,
    lastError: null,
    createdAt: run.now,
    version: 1,
  });
}

/** the token moves along `taken` (one token per flow); with none it ends */
export async function takeFlows(run: Run, current: ExecutionRecord, taken: string[]): Promise<void> {
  if (taken.length === 0) return consume(run, current);
  const parsed = run.modelOf(current.instanceId);
  const model = parsed instanceof Promise ? await parsed : parsed;
  const [first, ...rest] = taken;
  for (const flowId of rest) {
    const token = await run.createExecution(
      current.instanceId,
      current.tenantId,
      current.parentId,
      'token',
      model.flows.get(flowId)!.targetId,
      { via: flowId },
    );
    run.agenda.push({ op: 'enter', execId: token.id });
  }
  const moved = await run.saveExecution(current, {
    kind: 'token',
    state: 'active',
    activityId: model.flows.get(first)!.targetId,
    data: JSON.stringify({ via: first }),
  });
  run.agenda.push({ op: 'enter', execId: moved.id });
}

/** the token ends here; its scope completes when it was the last one */
export async function consume(run: Run, exec: ExecutionRecord): Promise<void> {
  await deleteLocals(run, exec);
  await run.deleteExecution(exec.id);
  if (exec.parentId) await scopeMayComplete(run, exec.parentId);
}

export async function scopeMayComplete(run: Run, scopeId: string): Promise<void> {
  if ((await run.children(scopeId)).length > 0) return;
  const held = run.mustExecution(scopeId);
  const scope = held instanceof Promise ? await held : held;
  if (scope.kind === 'root') return completeInstance(run, scope, 'completed');
  if (scope.kind === 'subprocess' || scope.kind === 'mi-item') run.agenda.push({ op: 'leave', execId: scope.id });
  if (scope.kind === 'compensation') await nextCompensation(run, scope);
}

/** terminate end event: every token of the enclosing scope ends; the scope itself completes */
export async function terminateScope(run: Run, exec: ExecutionRecord): Promise<void> {
  const scopeId = exec.parentId!;
  for (const child of await run.children(scopeId)) await cancelExecution(run, child);
  const scope = await run.mustExecution(scopeId);
  if (scope.kind === 'root') return completeInstance(run, scope, 'completed', { terminatedBy: exec.activityId });
  run.agenda.push({ op: 'leave', execId: scope.id });
}

export function arrivalFlow(exec: ExecutionRecord): string | undefined {
  return execData<{ via?: string }>(exec).via;
}
