import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { hostname } from 'os';
import { nowIso } from '../database/columns';
import { cutoffOf, DEFAULT_RETENTION, retentionOf } from '@kcbx/county-package';
import { FinishedInstance, RemovedCounts, RETENTION_TABLES, RetentionRepository } from './retention.repository';
import { TABLE_OF } from '@kcbx/engine-store-typeorm';

/** Each process looks once an hour (of the `now` it is given); the (county, day) claim makes it once a day. */
const EVERY_MS = 3_600_000;
/** instances per batch (one transaction each) */
export const RETENTION_BATCH = 50;

export interface RetentionOutcome {
  county: string;
  ran: boolean;
  retention: string;
  instances: number;
  removed: RemovedCounts;
}

/**
 * History retention (#18): a finished case's engine runtime rows — variables, leftover executions, jobs,
 * subscriptions, resolved incidents, and the history rows the student file does not read — are removed once the
 * county parameter `historyRetention` (county-parameters.bpmn; P3Y when absent) has passed since the case ended.
 * The student file keeps everything: the instance, its steps (bpmn_task) and the history it shows, and the
 * form submissions, case actions, comments, attachments, ledger events and status history, which live in their
 * own tables and are never touched. Open cases are never touched.
 *
 * Runs in every API process from the job worker; the county's (county, day) record row is the claim, so when two
 * processes run at once only one removes, and the record says what it removed. Bounded batches, one transaction
 * each, the record's counts updated in the same transaction. A run looks only at cases that ended between the
 * county's last completed run's cutoff and its own; a run that failed or whose process stopped is not completed,
 * so the next day's run covers its window again. An invalid parameter stops the county's cleanup (logged, and
 * shown at GET /api/admin/retention) rather than falling back to a default that might remove too early.
 */
@Injectable()
export class RetentionCleanup {
  private readonly log = new Logger('retention');
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private lastRun: number | null = null;

  constructor(private readonly repo: RetentionRepository) {}

  /** The job worker's call: looks at most once an hour of `now`. */
  async whenDue(now: number): Promise<RetentionOutcome[]> {
    if (this.lastRun !== null && now >= this.lastRun && now - this.lastRun < EVERY_MS) return [];
    this.lastRun = now;
    return this.run(now);
  }

  /** One round over every county; a county already cleaned today (by this or another process) is skipped. */
  async run(now: number, batch = RETENTION_BATCH): Promise<RetentionOutcome[]> {
    const outcomes: RetentionOutcome[] = [];
    for (const tenant of await this.repo.tenants()) {
      try {
        outcomes.push(await this.county(tenant.id, tenant.code, now, batch));
      } catch (err) {
        this.log.error({ err, county: tenant.code }, 'history retention failed');
      }
    }
    return outcomes;
  }

  private async county(tenantId: string, code: string, now: number, batch: number): Promise<RetentionOutcome> {
    const retention = retentionOf(await this.repo.parametersXml(tenantId)) ?? DEFAULT_RETENTION;
    const cutoff = cutoffOf(now, retention);
    const removed: RemovedCounts = Object.fromEntries(RETENTION_TABLES.map((k) => [TABLE_OF[k], 0]));
    const run = await this.repo.claim({
      tenantId,
      day: new Date(now).toISOString().slice(0, 10),
      retention,
      cutoff: new Date(cutoff).toISOString(),
      status: 'running',
      instances: 0,
      removed: JSON.stringify(removed),
      runBy: this.owner,
      startedAt: nowIso(),
      finishedAt: null,
    });
    if (!run) return { county: code, ran: false, retention, instances: 0, removed };
    let instances = 0;
    try {
      // the window starts where the last completed run's ended: what ended before that was cleaned then
      const window = { from: await this.repo.lastCutoff(tenantId), cutoff };
      let after: FinishedInstance | null = null;
      for (;;) {
        const found = await this.repo.finishedBefore(tenantId, window, after, batch);
        if (!found.length) break;
        after = found[found.length - 1];
        const counts = await this.repo.removeBatch(
          run.id,
          found.map((f) => f.id),
        );
        instances += found.length;
        for (const [table, n] of Object.entries(counts)) removed[table] += n;
      }
      await this.repo.finish(run.id, 'done', nowIso());
    } catch (err) {
      await this.repo.finish(run.id, 'failed', nowIso());
      throw err;
    }
    if (instances) this.log.log(`history retention ${code}: ${instances} cases ended before ${run.cutoff} (${retention}) cleaned`);
    return { county: code, ran: true, retention, instances, removed };
  }
}
