import { enter } from './enter';
import { ExpressionError } from './feel';
import { fireConditionals } from './conditionals';
import { fireReadyInclusiveJoins } from './gateways';
import { leave } from './leave';
import type { AgendaItem, Now, Run } from './run';
import { then } from '../now';

/** whether any of these instances' models may have the feature (an instance whose model is not at hand may) */
function may(run: Run, instanceIds: Iterable<string>, feature: 'hasInclusiveJoin' | 'hasConditional'): boolean {
  for (const instanceId of instanceIds) if (run.knownModel(instanceId)?.[feature] !== false) return true;
  return false;
}

/**
 * Moves tokens until none can move: every enter/leave queued by behaviours runs here, within the
 * command's transaction, then conditional events whose condition the command's variable changes made true. A FEEL failure stops only the token concerned (incident, retryable).
 * Moves whose rows are at hand run one after the other without an async step (see now.ts).
 */
export function runAgenda(run: Run): Now<void> {
  while (run.agenda.length > 0) {
    const moved = move(run, run.agenda.shift()!);
    if (moved instanceof Promise) return moved.then(() => runAgenda(run));
  }
  // most processes have neither: no look (nor an async call) for what their models cannot hold
  if (may(run, run.touchedInstances, 'hasInclusiveJoin'))
    return fireReadyInclusiveJoins(run).then((fired) => (fired ? runAgenda(run) : settleConditionals(run)));
  return settleConditionals(run);
}

/** conditional events whose condition this command's variable changes made true; each may move tokens again */
function settleConditionals(run: Run): Now<void> {
  if (!may(run, run.variablesChanged.keys(), 'hasConditional') && !may(run, run.openedConditionals.keys(), 'hasConditional')) {
    run.variablesChanged.clear();
    run.openedConditionals.clear();
    return;
  }
  return fireConditionals(run).then((fired) => (fired ? runAgenda(run) : undefined));
}

function move(run: Run, item: AgendaItem): Now<void> {
  return then(run.execution(item.execId), (exec) => {
    if (!exec) return;
    let moved: Now<void>;
    try {
      moved = item.op === 'enter' ? enter(run, exec) : leave(run, exec, item.flows, item.values);
    } catch (error) {
      return stopToken(run, exec.id, item.op, error);
    }
    return moved instanceof Promise ? moved.catch((error: unknown) => stopToken(run, exec.id, item.op, error)) : moved;
  });
}

/** a FEEL failure stops the token with an incident (retrying it re-runs the move); anything else fails the command */
async function stopToken(run: Run, execId: string, op: AgendaItem['op'], error: unknown): Promise<void> {
  if (!(error instanceof ExpressionError)) throw error;
  const current = await run.execution(execId);
  if (current) await run.raiseIncident(current, error.code, error.message, null, op);
}
