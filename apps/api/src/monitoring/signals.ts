/**
 * What other parts of the process report to monitoring without depending on it: the job worker's rounds and
 * notification channels that failed. Plain module state (per process), written by one line at each source
 * (workflow/job-worker.ts, notifications/task-notifier.ts); read by readiness, /api/metrics and the admin's view.
 */
const RECENT_FAILURES = 100;

export interface NotificationFailure {
  at: string;
  tenantId: string;
  channel: string;
  kind: string;
  taskId: string | null;
  userId: string;
  error: string;
}

const state = {
  workerLastRound: 0,
  failuresByChannel: new Map<string, number>(),
  recentFailures: [] as NotificationFailure[],
};

export const monitoringSignals = {
  jobWorkerRound(): void {
    state.workerLastRound = Date.now();
  },
  workerLastRound: (): number => state.workerLastRound,

  notificationFailed(f: Omit<NotificationFailure, 'at' | 'error'>, error: unknown): void {
    state.failuresByChannel.set(f.channel, (state.failuresByChannel.get(f.channel) ?? 0) + 1);
    const message = error instanceof Error ? error.message : String(error);
    state.recentFailures.push({ ...f, at: new Date().toISOString(), error: message.slice(0, 500) });
    if (state.recentFailures.length > RECENT_FAILURES) state.recentFailures.shift();
  },
  failuresByChannel: (): ReadonlyMap<string, number> => state.failuresByChannel,
  recentFailures: (tenantId: string): NotificationFailure[] => state.recentFailures.filter((f) => f.tenantId === tenantId).reverse(),
};
