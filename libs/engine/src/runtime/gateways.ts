import type { ExecutionRecord } from '../storage';
import type { ElementDef, ProcessModel } from '../model/model';
import { ExpressionError, evalCondition } from './feel';
import { arrivalFlow, leave } from './leave';
import type { Run } from './run';
import { visibleVariables } from './variables';

/**
 * Exclusive: the first flow whose condition holds; inclusive: every such flow. Otherwise the default flow.
 * No match and no default is an error (incident), never a silent stop.
 */
export async function chooseForkFlows(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<string[]> {
  const model = await run.modelOf(exec.instanceId);
  const vars = await visibleVariables(run, exec);
  const chosen: string[] = [];
  for (const flowId of el.outgoing) {
    const condition = model.flows.get(flowId)!.condition;
    if (flowId === el.defaultFlow) continue;
    if (condition === null || evalCondition(condition, vars)) {
      chosen.push(flowId);
      if (el.type === 'exclusiveGateway') break;
    }
  }
  if (chosen.length > 0) return chosen;
  if (el.defaultFlow) return [el.defaultFlow];
  throw new ExpressionError(`no outgoing flow of ${el.id} matched and there is no default flow`);
}

/** the join fires once a token has arrived on every incoming flow (one token per flow is consumed) */
export async function arriveAtParallelJoin(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  await run.saveExecution(exec, { state: 'waiting' });
  const waiting = (await run.children(exec.parentId!)).filter((e) => e.activityId === el.id && e.state === 'waiting');
  const byFlow = new Map<string, ExecutionRecord>();
  for (const e of waiting) {
    const via = arrivalFlow(e);
    if (via && !byFlow.has(via)) byFlow.set(via, e);
  }
  if (!el.incoming.every((flowId) => byFlow.has(flowId))) return;
  const [keep, ...merged] = [...byFlow.values()];
  for (const e of merged) await run.deleteExecution(e.id);
  await leave(run, keep, el.outgoing);
}

/**
 * Inclusive joins wait for every token that can still reach them. Called when the agenda is empty: a
 * waiting join fires when no other token in its scope has a path to the gateway.
 */
export async function fireReadyInclusiveJoins(run: Run): Promise<boolean> {
  for (const instanceId of run.touchedInstances) {
    const parsed = run.modelOf(instanceId);
    const model = parsed instanceof Promise ? await parsed : parsed;
    if (!model.hasInclusiveJoin) continue;
    const instance = await run.instance(instanceId);
    if (instance.state !== 'active') continue;
    const executions = await run.tx.find('execution', { instanceId });
    const joins = executions.filter(
      (e) =>
        e.state === 'waiting' &&
        model.elements.get(e.activityId)?.type === 'inclusiveGateway' &&
        model.elements.get(e.activityId)!.incoming.length > 1,
    );
    for (const join of joins) {
      const others = executions.filter((e) => e.parentId === join.parentId && e.activityId !== join.activityId);
      if (others.some((e) => canReach(model, e.activityId, join.activityId))) continue;
      const arrived = joins.filter((j) => j.parentId === join.parentId && j.activityId === join.activityId);
      for (const extra of arrived.slice(1)) await run.deleteExecution(extra.id);
      const el = model.elements.get(join.activityId)!;
      const keep = await run.mustExecution(arrived[0].id);
      await leave(run, keep, el.outgoing.length > 1 ? await chooseForkFlows(run, keep, el) : el.outgoing);
      return true;
    }
  }
  return false;
}

/** is there a path of sequence flows (or via boundary events) from one element to another? */
export function canReach(model: ProcessModel, fromId: string, toId: string): boolean {
  const seen = new Set<string>();
  const stack = [fromId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const el = model.elements.get(id);
    if (!el) continue;
    for (const flowId of el.outgoing) {
      const target = model.flows.get(flowId)!.targetId;
      if (target === toId) return true;
      stack.push(target);
    }
    stack.push(...el.boundaries);
  }
  return false;
}
