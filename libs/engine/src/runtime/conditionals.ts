import { ExpressionError, evalFeel } from './feel';
import type { Run } from './run';
import { triggerWait } from './triggers';
import { visibleVariables } from './variables';

/**
 * A conditional event's condition holds only when it gives `true`. Anything else — false, null because a variable
 * is not there yet, an expression error — means "not yet": the condition is looked at again when variables change.
 */
export function conditionHolds(condition: string, vars: Record<string, unknown>): boolean {
  try {
    return evalFeel(condition.startsWith('=') ? condition : `=${condition}`, vars) === true;
  } catch (error) {
    if (error instanceof ExpressionError) return false;
    throw error;
  }
}

/**
 * After a command's tokens stop moving, conditional waits (intermediate catch, boundary, event sub-process start)
 * whose condition now holds fire: those the command opened (a boundary as its activity starts, an event
 * sub-process as its scope starts — Camunda's rule), and those of instances whose variables it changed — when the
 * wait names variables (`zeebe:conditionalFilter variableNames`, Camunda 8), only if one of those changed. Each wait fires at most
 * once per command, so a non-interrupting one whose path changes variables again cannot loop. Returns whether any
 * fired (the agenda then has work again).
 */
export async function fireConditionals(run: Run): Promise<boolean> {
  if (run.variablesChanged.size === 0 && run.openedConditionals.size === 0) return false;
  const changed = new Map(run.variablesChanged);
  const opened = new Map(run.openedConditionals);
  run.variablesChanged.clear();
  run.openedConditionals.clear();
  let fired = false;
  for (const instanceId of new Set([...changed.keys(), ...opened.keys()])) {
    if (!(await run.modelOf(instanceId)).hasConditional) continue;
    const names = changed.get(instanceId) ?? new Set<string>();
    const justOpened = opened.get(instanceId) ?? new Set<string>();
    for (const sub of await run.tx.find('subscription', { instanceId, kind: 'conditional' })) {
      if (run.firedConditionals.has(sub.id) || !sub.executionId) continue;
      const catcher = (await run.modelOf(instanceId)).elements.get(sub.activityId)!;
      const relevant = justOpened.has(sub.id) || (catcher.conditionVariables ?? [...names]).some((n) => names.has(n));
      if (!relevant) continue;
      const exec = await run.execution(sub.executionId);
      if (!exec || !(await run.tx.get('subscription', sub.id))) continue;
      if (!conditionHolds(catcher.condition!, await visibleVariables(run, exec))) continue;
      run.firedConditionals.add(sub.id);
      await triggerWait(run, exec, sub.activityId, {});
      fired = true;
    }
  }
  return fired;
}
