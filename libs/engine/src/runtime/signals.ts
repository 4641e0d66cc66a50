import { startInstance } from './instances';
import type { Run } from './run';
import { triggerWait } from './triggers';

export interface SignalOutcome {
  /** waiting instances the signal reached (catch events, boundaries, event sub-processes) */
  reached: string[];
  /** instances started by signal start events */
  started: string[];
}

/**
 * A signal reaches every subscription of that name in the county (tenant) — every waiting instance and every
 * process whose latest version starts on it — and no other county's. All of it happens in the command that sends
 * it: a signal is delivered to each catcher once or not at all.
 */
export async function broadcastSignal(run: Run, tenantId: string, name: string, values: Record<string, unknown>): Promise<SignalOutcome> {
  const outcome: SignalOutcome = { reached: [], started: [] };
  const subscriptions = await run.tx.find('subscription', { tenantId, kind: 'signal', messageName: name });
  for (const sub of subscriptions) {
    // an earlier catcher of this same signal may have interrupted the scope that held this wait
    if (!(await run.tx.get('subscription', sub.id))) continue;
    if (sub.instanceId === null) {
      const instance = await startInstance(run, await run.definition(sub.definitionId), {
        variables: values,
        startEventId: sub.activityId,
      });
      run.history(tenantId, instance.id, 'signal-received', { elementId: sub.activityId, data: { name } });
      outcome.started.push(instance.id);
      continue;
    }
    const exec = sub.executionId ? await run.execution(sub.executionId) : undefined;
    if (!exec) continue;
    run.history(tenantId, sub.instanceId, 'signal-received', { elementId: sub.activityId, data: { name, variables: values } });
    await triggerWait(run, exec, sub.activityId, values);
    if (!outcome.reached.includes(sub.instanceId)) outcome.reached.push(sub.instanceId);
  }
  return outcome;
}
