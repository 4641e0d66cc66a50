import { ConcurrencyError, EngineFault } from './errors';
import { runAgenda } from './runtime/agenda';
import { throwError } from './runtime/errors-flow';
import { BpmnError } from './runtime/handlers';
import { startInstance } from './runtime/instances';
import { Run, type RunDeps } from './runtime/run';
import { addDuration } from './runtime/timers';
import { triggerWait } from './runtime/triggers';
import { takeFlows } from './runtime/leave';
import { visibleVariables } from './runtime/variables';
import type { TimerPayload } from './runtime/waits';
import type { JobRecord, StoragePort } from './storage';
import { raiseJobIncident } from './runtime/job-incident';

export type JobOutcome = 'done' | 'failed' | 'skipped';

/**
 * Runs one acquired job in its own transaction. A failure rolls the step back and is then recorded in a
 * second transaction: fewer retries, a later due time (exponential back-off), an incident at zero.
 */
export async function executeJob(store: StoragePort, deps: RunDeps, job: JobRecord, lockOwner: string, now: number): Promise<JobOutcome> {
  try {
    return await store.transaction(async (tx) => {
      const current = await tx.get('job', job.id);
      if (!current || current.lockOwner !== lockOwner || current.version !== job.version) return 'skipped';
      const run = new Run(tx, now, deps);
      if (current.kind === 'timer') await fireTimer(run, current);
      else if (current.kind === 'async') await continueAfterAsync(run, current);
      else await runService(run, current);
      await runAgenda(run);
      await run.flush();
      return 'done';
    });
  } catch (error) {
    if (error instanceof ConcurrencyError) return 'skipped';
    await recordFailure(store, deps, job, lockOwner, now, error);
    return 'failed';
  }
}

async function fireTimer(run: Run, job: JobRecord): Promise<void> {
  const timer = JSON.parse(job.payload) as TimerPayload;
  if (timer.interval && timer.remaining !== 0) {
    const next: TimerPayload = {
      dueAt: addDuration(job.dueAt, timer.interval),
      remaining: timer.remaining < 0 ? -1 : timer.remaining - 1,
      interval: timer.interval,
    };
    await run.tx.update('job', { ...job, dueAt: next.dueAt, payload: JSON.stringify(next), lockOwner: null, lockExpiresAt: null });
  } else {
    await run.tx.delete('job', job.id);
  }
  run.history(job.tenantId, job.instanceId, 'timer-fired', { elementId: job.activityId, data: { dueAt: job.dueAt } });
  if (!job.instanceId) {
    await startInstance(run, await run.definition(job.definitionId), { startEventId: job.activityId });
    return;
  }
  const exec = job.executionId ? await run.execution(job.executionId) : undefined;
  if (exec) await triggerWait(run, exec, job.activityId, {});
}

/** an async continuation's job: enter the element (asyncBefore) or take its outgoing flows (asyncAfter) */
async function continueAfterAsync(run: Run, job: JobRecord): Promise<void> {
  await run.tx.delete('job', job.id);
  const exec = job.executionId ? await run.execution(job.executionId) : undefined;
  if (!exec) return;
  const { after = false } = JSON.parse(job.payload) as { after?: boolean };
  if (after) {
    const { asyncAfter: flows = [] } = JSON.parse(exec.data) as { asyncAfter?: string[] };
    await takeFlows(run, await run.saveExecution(exec, { state: 'active', data: '{}' }), flows);
    return;
  }
  const resumed = await run.saveExecution(exec, { state: 'active', data: JSON.stringify({ ...JSON.parse(exec.data), asyncDone: true }) });
  run.agenda.push({ op: 'enter', execId: resumed.id });
}

async function runService(run: Run, job: JobRecord): Promise<void> {
  await run.tx.delete('job', job.id);
  const exec = await run.execution(job.executionId!);
  if (!exec) return;
  const { handler: name } = JSON.parse(job.payload) as { handler: string };
  const handler = run.deps.handlers.get(name);
  if (!handler) throw new EngineFault('HANDLER_NOT_REGISTERED', `no service handler registered as "${name}"`);
  const instance = await run.instance(exec.instanceId);
  try {
    const result = await handler({
      tenantId: exec.tenantId,
      instanceId: exec.instanceId,
      businessKey: instance.businessKey,
      activityId: exec.activityId,
      variables: await visibleVariables(run, exec),
      tx: await run.tx.host(),
    });
    run.agenda.push({ op: 'leave', execId: exec.id, values: result ?? {} });
  } catch (error) {
    if (!(error instanceof BpmnError)) throw error;
    await throwError(run, exec, error.errorCode);
  }
}

async function recordFailure(store: StoragePort, deps: RunDeps, job: JobRecord, lockOwner: string, now: number, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  await store.transaction(async (tx) => {
    const current = await tx.get('job', job.id);
    if (!current || current.lockOwner !== lockOwner) return;
    const retries = current.retries - 1;
    const payload = JSON.parse(current.payload) as { attempts?: number };
    const attempts = (payload.attempts ?? 0) + 1;
    await tx.update('job', {
      ...current,
      retries,
      lastError: message,
      lockOwner: null,
      lockExpiresAt: null,
      payload: JSON.stringify({ ...payload, attempts }),
      dueAt: retries > 0 ? now + deps.retryBackoffMs * 2 ** (attempts - 1) : current.dueAt,
    });
    if (retries > 0) return;
    const run = new Run(tx, now, deps);
    await raiseJobIncident(run, current, message);
    await run.flush();
  });
}
