import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { MIGRATIONS } from '../database/migrations';
import { knownMigrations } from '../backup/app-version';
import { OperationsRepository } from './operations.repository';
import { monitoringSignals } from './signals';

export interface Readiness {
  ready: boolean;
  checks: {
    database: { ok: boolean; error?: string };
    migrations: { ok: boolean; pending: string[] };
    jobWorker: { ok: boolean; polling: boolean; lastRoundAgoMs: number | null };
  };
}

/**
 * Ready = this process can do its work: the database answers, every migration this code has is applied, and its
 * job worker has polled lately (timers, escalations and notifications depend on it). A load balancer sends
 * traffic only to ready processes; /api/health stays the plain "the database answers".
 */
@Injectable()
export class ReadinessService {
  private readonly startedAt = Date.now();
  private readonly known = knownMigrations(MIGRATIONS);

  constructor(
    private readonly repo: OperationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(now = Date.now()): Promise<Readiness> {
    let database: Readiness['checks']['database'] = { ok: true };
    let pending: string[] = this.known;
    try {
      await this.repo.ping();
      const applied = new Set(await this.repo.appliedMigrations());
      pending = this.known.filter((m) => !applied.has(m));
    } catch (e) {
      database = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    const polling = this.config.jobPollMs > 0;
    const last = monitoringSignals.workerLastRound();
    // a round may take a while under load; three intervals (at least 30 s) without one means the worker is stuck
    const limit = Math.max(3 * this.config.jobPollMs, 30_000);
    const workerOk = !polling || now - Math.max(last, this.startedAt) < limit;
    const checks = {
      database,
      migrations: { ok: database.ok && pending.length === 0, pending },
      jobWorker: { ok: workerOk, polling, lastRoundAgoMs: last ? now - last : null },
    };
    return { ready: checks.database.ok && checks.migrations.ok && checks.jobWorker.ok, checks };
  }
}
