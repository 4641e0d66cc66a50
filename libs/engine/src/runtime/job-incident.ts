import type { JobRecord } from '../storage';
import type { Run } from './run';

/** A job out of retries: an open incident (JOB_FAILED) on its activity, for someone to retry by hand. */
export async function raiseJobIncident(run: Run, job: JobRecord, message: string): Promise<void> {
  const incidentId = run.deps.newId();
  await run.tx.insert('incident', {
    id: incidentId,
    tenantId: job.tenantId,
    instanceId: job.instanceId,
    executionId: job.executionId,
    jobId: job.id,
    activityId: job.activityId,
    type: 'JOB_FAILED',
    message,
    state: 'open',
    createdAt: run.now,
    resolvedAt: null,
    version: 1,
  });
  run.history(job.tenantId, job.instanceId, 'incident-raised', {
    elementId: job.activityId,
    data: { incidentId, type: 'JOB_FAILED', message },
  });
}
