import type { ExecutionRecord } from '../storage';
import type { ElementDef, TimerSpec } from '../model/model';
import { ExpressionError, evalFeel, evalValue } from './feel';
import type { Run } from './run';
import { parseCycle, parseDate } from './timers';
import { addDurationCounting, resolveDayCount, type WorkingDayCalendar } from './day-count';
import { visibleVariables } from './variables';

/** a timer's next due time and, for cycles, the repetitions left after it */
export interface TimerPayload {
  dueAt: number;
  remaining: number;
  interval: string | null;
}

export function computeTimer(
  spec: TimerSpec,
  vars: Record<string, unknown>,
  now: number,
  tenantId: string,
  calendar: WorkingDayCalendar,
): TimerPayload {
  const text = String(evalValue(spec.expression, vars) ?? '').trim();
  if (spec.type === 'date') return { dueAt: parseDate(text), remaining: 0, interval: null };
  if (spec.type === 'duration')
    return {
      dueAt: addDurationCounting(now, text, resolveDayCount(spec.dayCount, vars), tenantId, calendar),
      remaining: 0,
      interval: null,
    };
  const cycle = parseCycle(text, now);
  return { dueAt: cycle.firstDue, remaining: cycle.remaining, interval: cycle.interval };
}

/**
 * Opens the wait for one catching element on behalf of `exec`: a message subscription (key evaluated now), a
 * signal or conditional subscription, or a timer job. Event sub-processes' start events wait on their scope. Used by catch events and receive tasks (exec = their token), event-based gateways
 * (exec = the gateway token, one wait per target) and boundary events (exec = the activity's token).
 */
export async function openCatch(run: Run, exec: ExecutionRecord, catcher: ElementDef): Promise<void> {
  const vars = await visibleVariables(run, exec);
  const definitionId = (await run.instance(exec.instanceId)).definitionId;
  if (catcher.event === 'timer') {
    const timer = computeTimer(catcher.timer!, vars, run.now, exec.tenantId, run.deps.calendar);
    await run.tx.insert('job', {
      id: run.deps.newId(),
      tenantId: exec.tenantId,
      instanceId: exec.instanceId,
      executionId: exec.id,
      definitionId,
      activityId: catcher.id,
      kind: 'timer',
      payload: JSON.stringify(timer),
      dueAt: timer.dueAt,
      retries: 3,
      lockOwner: null,
      lockExpiresAt: null,
      lastError: null,
      createdAt: run.now,
      version: 1,
    });
    return;
  }
  if (catcher.event === 'message' || catcher.type === 'receiveTask') {
    const key = evalFeel(catcher.correlationKey!.startsWith('=') ? catcher.correlationKey! : JSON.stringify(catcher.correlationKey), vars);
    if (key === null || key === undefined)
      throw new ExpressionError(`correlation key "${catcher.correlationKey}" of ${catcher.id} is empty`);
    await run.tx.insert('subscription', {
      id: run.deps.newId(),
      tenantId: exec.tenantId,
      instanceId: exec.instanceId,
      executionId: exec.id,
      definitionId,
      activityId: catcher.id,
      kind: 'message',
      messageName: catcher.messageName!,
      correlationKey: String(key),
      createdAt: run.now,
    });
    return;
  }
  if (catcher.event === 'signal' || catcher.event === 'conditional') {
    const id = run.deps.newId();
    if (catcher.event === 'conditional') {
      const opened = run.openedConditionals.get(exec.instanceId) ?? new Set<string>();
      run.openedConditionals.set(exec.instanceId, opened.add(id));
    }
    await run.tx.insert('subscription', {
      id,
      tenantId: exec.tenantId,
      instanceId: exec.instanceId,
      executionId: exec.id,
      definitionId,
      activityId: catcher.id,
      kind: catcher.event,
      messageName: catcher.signalName ?? '',
      correlationKey: null,
      createdAt: run.now,
    });
  }
}

export async function openBoundaries(run: Run, host: ExecutionRecord, el: ElementDef): Promise<void> {
  const model = await run.modelOf(host.instanceId);
  for (const id of el.boundaries) {
    const boundary = model.elements.get(id)!;
    // error and escalation boundaries are found by the thrower walking outwards; they hold no wait
    if (boundary.event !== 'error' && boundary.event !== 'escalation') await openCatch(run, host, boundary);
  }
}

/** a scope begins (process, sub-process): its event sub-processes' start events begin waiting on it */
export async function openEventSubProcesses(run: Run, scope: ExecutionRecord, eventSubProcesses: string[]): Promise<void> {
  if (eventSubProcesses.length === 0) return;
  const model = await run.modelOf(scope.instanceId);
  for (const id of eventSubProcesses) {
    const start = model.elements.get(model.elements.get(id)!.startEvents[0])!;
    if (start.event !== 'error' && start.event !== 'escalation') await openCatch(run, scope, start);
  }
}

export async function openEventGateway(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const model = await run.modelOf(exec.instanceId);
  for (const flowId of el.outgoing) await openCatch(run, exec, model.elements.get(model.flows.get(flowId)!.targetId)!);
}
