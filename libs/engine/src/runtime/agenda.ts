import { enter } from './enter';
import { ExpressionError } from './feel';
import { fireConditionals } from './conditionals';
import { fireReadyInclusiveJoins } from './gateways';
import { leave } from './leave';
import type { Run } from './run';

/** whether any of these instances' models may have the feature (an instance whose model is not at hand may) */
function may(run: Run, instanceIds: Iterable<string>, feature: 'hasInclusiveJoin' | 'hasConditional'): boolean {
  for (const instanceId of instanceIds) if (run.knownModel(instanceId)?.[feature] !== false) return true;
  return false;
}

/**
 * Moves tokens until none can move: every enter/leave queued by behaviours runs here, within the
 * command's transaction, then conditional events whose condition the command's variable changes made true. A FEEL failure stops only the token concerned (incident, retryable).
 */
export async function runAgenda(run: Run): Promise<void> {
  for (;;) {
    while (run.agenda.length > 0) {
      const item = run.agenda.shift()!;
      const known = run.execution(item.execId);
      const exec = known instanceof Promise ? await known : known;
      if (!exec) continue;
      try {
        if (item.op === 'enter') await enter(run, exec);
        else await leave(run, exec, item.flows, item.values);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        const current = await run.execution(exec.id);
        if (current) await run.raiseIncident(current, error.code, error.message, null, item.op);
      }
    }
    // most processes have neither: no look (nor an async call) for what their models cannot hold
    if (may(run, run.touchedInstances, 'hasInclusiveJoin') && (await fireReadyInclusiveJoins(run))) continue;
    if (!may(run, run.variablesChanged.keys(), 'hasConditional') && !may(run, run.openedConditionals.keys(), 'hasConditional')) {
      run.variablesChanged.clear();
      run.openedConditionals.clear();
      return;
    }
    if (!(await fireConditionals(run))) return;
  }
}
