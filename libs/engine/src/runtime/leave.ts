import type { ExecutionRecord } from '../storage';
import { evalFeel } from './feel';
import { completeInstance } from './instances';
import { miItemCompleted } from './multi-instance';
import { execData, type Run } from './run';
import { deleteLocals, propagate, setLocal, visibleVariables } from './variables';
import { cancelExecution, closeWaits } from './cancel';

/**
 * A token finishes its element: apply output mappings, close its boundary subscriptions and timers, and
 * take the given flows (default: all outgoing). With no outgoing flow the token is consumed.
 */
export async function leave(run: Run, exec: ExecutionRecord, flows?: string[], values: Record<string, unknown> = {}): Promise<void> {
  const el = await run.element(exec);
  const current = await run.mustExecution(exec.id);
  if (el.outputs.length > 0 || (current.kind === 'mi-item' && el.multiInstance?.outputElement)) {
    for (const [name, value] of Object.entries(values)) await setLocal(run, current, name, value);
    if (el.outputs.length > 0) {
      const vars = await visibleVariables(run, current);
      const mapped = Object.fromEntries(el.outputs.map((m) => [m.target, evalFeel(m.source, vars)]));
      if (current.parentId) await propagate(run, await run.mustExecution(current.parentId), mapped);
    }
  } else {
    await propagate(run, current, values);
  }
  await run.history(exec.tenantId, exec.instanceId, 'activity-left', { elementId: el.id, elementType: el.type });
  // only these hold subscriptions or timers under the token's id (service jobs are removed by their executor)
  if (el.boundaries.length > 0 || el.type === 'intermediateCatchEvent' || el.type === 'receiveTask') await closeWaits(run, current.id);
  if (current.kind === 'mi-item') return miItemCompleted(run, current, el);
  await deleteLocals(run, current);
  const taken = flows ?? el.outgoing;
  if (taken.length === 0) return consume(run, current);
  const model = await run.modelOf(exec.instanceId);
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
  const scope = await run.mustExecution(scopeId);
  if (scope.kind === 'root') return completeInstance(run, scope, 'completed');
  if (scope.kind === 'subprocess' || scope.kind === 'mi-item') run.agenda.push({ op: 'leave', execId: scope.id });
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
