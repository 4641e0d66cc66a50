import { ExternalTaskLockError, NotFoundError } from '../errors';
import type { JobRecord } from '../storage';
import { throwError } from './errors-flow';
import { raiseJobIncident } from './job-incident';
import type { Run } from './run';
import { visibleVariables } from './variables';

/**
 * External tasks (Camunda 7's `camunda:type="external"`): a service task whose work a program outside the engine
 * does. The engine parks a job with the task's topic; a worker fetches and locks jobs by topic (the store's
 * `acquireExternalJobs`), then completes, fails or throws a BPMN error — each a command that holds only while the
 * worker still holds the lock, so a job whose lock expired and went to another worker is done once.
 */
export interface ExternalTask {
  id: string;
  topicName: string;
  workerId: string;
  /** epoch ms */
  lockExpirationTime: number;
  activityId: string;
  processInstanceId: string;
  processDefinitionId: string;
  businessKey: string | null;
  retries: number;
  errorMessage: string | null;
  /** the variables visible at the task, after its input mappings */
  variables: Record<string, unknown>;
}

export interface ExternalFailure {
  errorMessage: string;
  /** retries left after this failure; 0 raises an incident */
  retries: number;
  /** when the job may be fetched again */
  retryTimeoutMs: number;
}

/** The worker's view of jobs it has just locked. */
export async function describeExternalJobs(run: Run, jobs: JobRecord[]): Promise<ExternalTask[]> {
  const out: ExternalTask[] = [];
  for (const job of jobs) {
    const exec = job.executionId ? await run.execution(job.executionId) : undefined;
    if (!exec || !job.instanceId) continue;
    const instance = await run.instance(job.instanceId);
    out.push({
      id: job.id,
      topicName: job.topic ?? '',
      workerId: job.lockOwner ?? '',
      lockExpirationTime: job.lockExpiresAt ?? 0,
      activityId: job.activityId,
      processInstanceId: job.instanceId,
      processDefinitionId: job.definitionId,
      businessKey: instance.businessKey,
      retries: job.retries,
      errorMessage: job.lastError,
      variables: await visibleVariables(run, exec),
    });
  }
  return out;
}

/** The county's external job `jobId`, provided `workerId` holds its lock now. */
async function heldJob(run: Run, tenantId: string, jobId: string, workerId: string): Promise<JobRecord> {
  const job = await run.tx.get('job', jobId);
  if (!job || job.tenantId !== tenantId || job.kind !== 'external') throw new NotFoundError('externalTask', jobId);
  if (job.lockOwner !== workerId || (job.lockExpiresAt ?? 0) < run.now) throw new ExternalTaskLockError(jobId, workerId);
  return job;
}

/** The work is done: the task leaves with the worker's variables (through its output mappings). */
export async function completeExternal(
  run: Run,
  input: { tenantId: string; jobId: string; workerId: string; variables?: Record<string, unknown> },
): Promise<void> {
  const job = await heldJob(run, input.tenantId, input.jobId, input.workerId);
  await run.tx.delete('job', job.id);
  const exec = job.executionId ? await run.execution(job.executionId) : undefined;
  if (exec) run.agenda.push({ op: 'leave', execId: exec.id, values: input.variables ?? {} });
}

/** The work failed: fetchable again after the timeout while retries remain; at zero an incident. */
export async function failExternal(
  run: Run,
  input: { tenantId: string; jobId: string; workerId: string } & ExternalFailure,
): Promise<void> {
  const job = await heldJob(run, input.tenantId, input.jobId, input.workerId);
  const retries = Math.max(0, Math.floor(input.retries));
  const updated = await run.tx.update('job', {
    ...job,
    retries,
    lastError: input.errorMessage,
    lockOwner: null,
    lockExpiresAt: null,
    dueAt: run.now + Math.max(0, input.retryTimeoutMs),
  });
  if (retries === 0) await raiseJobIncident(run, updated, input.errorMessage);
}

/** A business error the model handles (an error boundary event or event sub-process with the code). */
export async function bpmnErrorExternal(
  run: Run,
  input: { tenantId: string; jobId: string; workerId: string; errorCode: string },
): Promise<void> {
  const job = await heldJob(run, input.tenantId, input.jobId, input.workerId);
  await run.tx.delete('job', job.id);
  const exec = job.executionId ? await run.execution(job.executionId) : undefined;
  if (exec) await throwError(run, exec, input.errorCode);
}

/** More time for long work, from now. */
export async function extendExternalLock(
  run: Run,
  input: { tenantId: string; jobId: string; workerId: string; newDurationMs: number },
): Promise<void> {
  const job = await heldJob(run, input.tenantId, input.jobId, input.workerId);
  await run.tx.update('job', { ...job, lockExpiresAt: run.now + Math.max(1, input.newDurationMs) });
}
