import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { execData, type Run } from './run';
import { instanceVariables } from './variables';

interface CompensationData {
  /** compensation subscriptions still to run, next first (reverse order of completion) */
  pending: string[];
}

/**
 * An activity with a compensation handler completed: its scope remembers it (a `compensation` subscription held by
 * the scope execution, ids in completion order) until the scope ends or a compensation throw event runs the handler.
 */
export async function rememberCompensation(run: Run, token: ExecutionRecord, el: ElementDef): Promise<void> {
  const id = run.deps.newId();
  await keepLocals(run, token, id);
  await run.tx.insert('subscription', {
    id,
    tenantId: token.tenantId,
    instanceId: token.instanceId,
    executionId: token.parentId,
    definitionId: (await run.instance(token.instanceId)).definitionId,
    activityId: el.id,
    kind: 'compensation',
    messageName: el.compensationHandler!,
    correlationKey: null,
    createdAt: run.now,
  });
}

/**
 * A sub-process completed: the compensations of its own completed activities pass to the enclosing scope (same
 * rows, same ids, so they keep their place in completion order) — a compensation thrown there undoes them too.
 */
export async function handCompensationsUp(run: Run, scope: ExecutionRecord): Promise<void> {
  for (const sub of await run.tx.find('subscription', { executionId: scope.id, kind: 'compensation' })) {
    await keepLocals(run, scope, sub.id);
    await run.tx.delete('subscription', sub.id);
    await run.tx.insert('subscription', { ...sub, executionId: scope.parentId });
  }
}

/**
 * A compensation throw (intermediate or end event): the handlers of the scope's completed activities (or of the
 * one named by activityRef) run one after another, last completed first; each runs once. The thrower waits as the
 * scope of the running handler and goes on when the last one ends. Returns false when there is nothing to undo.
 */
export async function startCompensation(run: Run, thrower: ExecutionRecord, el: ElementDef): Promise<boolean> {
  const subs = (await run.tx.find('subscription', { executionId: thrower.parentId, kind: 'compensation' }))
    .filter((s) => !el.compensateActivity || s.activityId === el.compensateActivity)
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  if (subs.length === 0) return false;
  run.history(thrower.tenantId, thrower.instanceId, 'compensation-started', {
    elementId: el.id,
    data: { activities: subs.map((s) => s.activityId) },
  });
  const data: CompensationData = { pending: subs.map((s) => s.id) };
  const scope = await run.saveExecution(thrower, { kind: 'compensation', state: 'scope', data: JSON.stringify(data) });
  await nextCompensation(run, scope);
  return true;
}

/** the previous handler ended (or none ran yet): start the next one, or let the thrower go on */
export async function nextCompensation(run: Run, thrower: ExecutionRecord): Promise<void> {
  const data = execData<CompensationData>(thrower);
  while (data.pending.length > 0) {
    const sub = await run.tx.get('subscription', data.pending.shift()!);
    if (!sub) continue;
    await run.tx.delete('subscription', sub.id);
    await run.saveExecution(thrower, { data: JSON.stringify(data) });
    const handler = await run.createExecution(thrower.instanceId, thrower.tenantId, thrower.id, 'token', sub.messageName, {
      compensates: sub.activityId,
    });
    // the values kept for this compensation become the handler's own
    const rows = await instanceVariables(run, thrower.instanceId);
    for (const row of rows.of(sub.id)) {
      rows.remove(row);
      rows.add(await run.tx.update('variable', { ...row, scopeId: handler.id }));
    }
    run.agenda.push({ op: 'enter', execId: handler.id });
    return;
  }
  run.agenda.push({ op: 'leave', execId: thrower.id });
}

/**
 * The local variables of a scope that ends (a multi-instance item's element and loopCounter, an activity's inputs)
 * are kept for a compensation that may still run, as variable rows owned by the compensation's id: no execution
 * has that id, so no one else sees them; the handler gets them as its own; they go with the instance's other rows
 * when it ends. A value kept from an inner scope wins over the same name from an outer one.
 */
async function keepLocals(run: Run, scope: ExecutionRecord, compensationId: string): Promise<void> {
  const rows = await instanceVariables(run, scope.instanceId);
  for (const row of rows.of(scope.id).filter((r) => !rows.get(compensationId, r.name))) {
    const copy = { ...row, id: run.deps.newId(), scopeId: compensationId, version: 1 };
    await run.tx.insert('variable', copy);
    rows.add(copy);
  }
}
