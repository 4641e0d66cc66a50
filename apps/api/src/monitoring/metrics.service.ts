import { Inject, Injectable, Optional } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { BackupScheduler } from '../backup/backup-scheduler';
import { HttpMetrics } from './http-metrics';
import { MONITORING_CONFIG, MonitoringConfig } from './monitoring-config';
import { OperationsRepository } from './operations.repository';
import { monitoringSignals } from './signals';

/**
 * The Prometheus registry of this process: its requests and latencies (per process — scrape every API process),
 * the database's work counts (the same from every process), notification failures of this process, the last
 * scheduled backup, and Node's own process metrics. Database gauges are read when scraped.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly http = new HttpMetrics(this.registry);

  constructor(
    private readonly repo: OperationsRepository,
    @Inject(MONITORING_CONFIG) private readonly config: MonitoringConfig,
    @Optional() private readonly backups?: BackupScheduler,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'kcbx_' });
    const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge<string>) => Promise<void> | void) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          await collect(this);
        },
      });
    gauge('kcbx_open_tasks', 'Open user tasks, by county', ['county'], async (g) => {
      const { open } = await this.repo.openTasks(Date.now());
      for (const c of open) g.set({ county: c.county }, c.n);
    });
    gauge('kcbx_overdue_tasks', 'Open user tasks past their due time, by county', ['county'], async (g) => {
      const { overdue } = await this.repo.openTasks(Date.now());
      for (const c of overdue) g.set({ county: c.county }, c.n);
    });
    gauge('kcbx_job_backlog', 'Timer and async jobs due and not yet run', [], async (g) => {
      g.set((await this.repo.jobs(Date.now(), this.config.jobOverdueAfterMs)).due);
    });
    gauge('kcbx_jobs_overdue', 'Jobs still waiting JOB_OVERDUE_AFTER_SECONDS after their due time', [], async (g) => {
      g.set((await this.repo.jobs(Date.now(), this.config.jobOverdueAfterMs)).overdue);
    });
    gauge('kcbx_jobs_failed', 'Jobs out of retries (each has an open incident until retried)', [], async (g) => {
      g.set((await this.repo.jobs(Date.now(), this.config.jobOverdueAfterMs)).failed);
    });
    gauge('kcbx_incidents_open', 'Open incidents, by county', ['county'], async (g) => {
      for (const c of await this.repo.openIncidents()) g.set({ county: c.county }, c.n);
    });
    gauge('kcbx_notification_failures_total', 'Notifications a channel failed to deliver (this process, since start)', ['channel'], (g) => {
      for (const [channel, n] of monitoringSignals.failuresByChannel()) g.set({ channel }, n);
    });
    gauge('kcbx_backup_last_success_timestamp_seconds', 'When the newest scheduled backup in BACKUP_DIR was written', [], (g) => {
      const at = this.backups?.status()?.lastAt;
      if (at) g.set(Date.parse(at) / 1000);
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
