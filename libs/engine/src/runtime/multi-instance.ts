import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { cancelExecution } from './cancel';
import { ExpressionBudgetError } from './expression-error';
import { ExpressionError, evalCondition, evalFeel } from './feel';
import { execData, type Run } from './run';
import { deleteLocals, propagate, setLocal, visibleVariables } from './variables';
import { openBoundaries } from './waits';

/** One command creates every item of a parallel body: a count from data must not make it unbounded. */
export const MAX_MULTI_INSTANCE_ITEMS = 10_000;

interface BodyData {
  total: number;
  completed: number;
  next: number;
  items: unknown[];
  outputs: unknown[];
}

/**
 * The token becomes the multi-instance body (a scope holding the boundary events); one child per
 * collection item, all at once (parallel) or one after another (sequential). Each item sees its element
 * as a local variable and `loopCounter` (1-based).
 */
export async function enterMultiInstance(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const mi = el.multiInstance!;
  const vars = await visibleVariables(run, exec);
  let items: unknown[];
  if (mi.inputCollection) {
    const value = evalFeel(mi.inputCollection, vars);
    if (!Array.isArray(value))
      throw new ExpressionError(`inputCollection "${mi.inputCollection}" gave ${JSON.stringify(value)}, not a list`);
    items = value;
  } else {
    const n = Number(evalFeel(mi.cardinality!.startsWith('=') ? mi.cardinality! : `=${mi.cardinality}`, vars));
    if (!Number.isInteger(n) || n < 0) throw new ExpressionError(`loopCardinality "${mi.cardinality}" is not a whole number`);
    tooMany(n, mi.cardinality!);
    items = Array.from({ length: n }, () => null);
  }
  if (mi.inputCollection) tooMany(items.length, mi.inputCollection);
  const data: BodyData = { total: items.length, completed: 0, next: 0, items, outputs: items.map(() => null) };
  const body = await run.saveExecution(exec, { kind: 'mi-body', state: 'scope', data: JSON.stringify(data) });
  if (el.boundaries.length > 0) await openBoundaries(run, body, el);
  if (items.length === 0) return finishBody(run, body, el, data);
  const startCount = mi.sequential ? 1 : items.length;
  for (let i = 0; i < startCount; i++) await startItem(run, body, el, data);
  await run.saveExecution(await run.mustExecution(body.id), { data: JSON.stringify(data) });
}

async function startItem(run: Run, body: ExecutionRecord, el: ElementDef, data: BodyData): Promise<void> {
  const index = data.next++;
  const item = await run.createExecution(body.instanceId, body.tenantId, body.id, 'mi-item', el.id, { index });
  if (el.multiInstance!.inputElement) await setLocal(run, item, el.multiInstance!.inputElement, data.items[index]);
  await setLocal(run, item, 'loopCounter', index + 1);
  run.agenda.push({ op: 'enter', execId: item.id });
}

/**
 * An item finished. Its output element is collected; the completion condition (e.g. 或签 any-of:
 * "=nrOfCompletedInstances >= 1", or a share of approvals for 会签) may end the body early, cancelling the
 * items still open. Everything that can fail is evaluated before anything changes.
 */
export async function miItemCompleted(run: Run, item: ExecutionRecord, el: ElementDef): Promise<void> {
  const mi = el.multiInstance!;
  const body = await run.mustExecution(item.parentId!);
  const data = execData<BodyData>(body);
  const vars = await visibleVariables(run, item);
  const index = execData<{ index: number }>(item).index;
  const output = mi.outputElement ? evalFeel(mi.outputElement, vars) : null;
  const siblings = (await run.children(body.id)).filter((e) => e.id !== item.id);
  const completed = data.completed + 1;
  data.outputs[index] = output;
  // the condition sees the counters and the output collection gathered so far (as Zeebe does)
  const counters = { nrOfInstances: data.total, nrOfCompletedInstances: completed, nrOfActiveInstances: siblings.length };
  const collected = mi.outputCollection ? { [mi.outputCollection]: data.outputs } : {};
  const done =
    completed >= data.total ||
    (mi.completionCondition !== null && evalCondition(mi.completionCondition, { ...vars, ...collected, ...counters }));

  data.completed = completed;
  await deleteLocals(run, item);
  await run.deleteExecution(item.id);
  if (done) {
    for (const sibling of siblings) await cancelExecution(run, sibling);
    return finishBody(run, await run.mustExecution(body.id), el, data);
  }
  if (mi.sequential && data.next < data.total) await startItem(run, body, el, data);
  await run.saveExecution(await run.mustExecution(body.id), { data: JSON.stringify(data) });
}

async function finishBody(run: Run, body: ExecutionRecord, el: ElementDef, data: BodyData): Promise<void> {
  const saved = await run.saveExecution(body, { data: JSON.stringify(data) });
  if (el.multiInstance!.outputCollection && saved.parentId) {
    await propagate(run, await run.mustExecution(saved.parentId), { [el.multiInstance!.outputCollection]: data.outputs });
  }
  // the body leaves from the agenda, as a completed sub-process scope does (scopeMayComplete)
  run.agenda.push({ op: 'leave', execId: saved.id });
}

function tooMany(count: number, source: string): void {
  if (count > MAX_MULTI_INSTANCE_ITEMS) {
    throw new ExpressionBudgetError(`multi-instance "${source}" gave ${count} items; at most ${MAX_MULTI_INSTANCE_ITEMS} may run`);
  }
}
