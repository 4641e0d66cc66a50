import type { Run } from './run';

/**
 * Removes the subscriptions and jobs held by an execution (its boundary events, catch events, service job; a
 * scope's event sub-process starts and the compensations of its completed activities).
 */
export async function closeWaits(run: Run, execId: string): Promise<void> {
  for (const sub of await run.tx.find('subscription', { executionId: execId })) await run.tx.delete('subscription', sub.id);
  for (const job of await run.tx.find('job', { executionId: execId })) await run.tx.delete('job', job.id);
}
