import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { newId, nowIso } from '../database/columns';
import { DbGate } from '../database/db-gate';
import { LedgerEntry, LedgerEvent } from '../database/entities';
import type { Tx } from '../database/transaction';
import { DropoutPromotionRepository } from './dropout-promotion.repository';

const DAY_MS = 86_400_000;
/** A promotion is a matter of days: each process looks once a minute (of the `now` it is given), not every poll. */
const EVERY_MS = 60_000;

/**
 * 疑似辍学 → 辍学: a suspected-dropout entry still not signed off `LEDGER_DROPOUT_AFTER_DAYS` after it was entered
 * is put on the dropout ledger too — same child, same unit (so the same scope), same status and case link, the
 * reason saying why — with a history line on both entries. Runs in every API process from the job worker; the
 * unique index on a child's not-signed-off dropout entry (migration DropoutPromotion1733400000000) lets only one
 * of two processes promoting the same child at once store an entry, and the history is written in the same
 * transaction as the entry, so a lost race leaves nothing behind. A suspected entry is promoted once: a dropout
 * entry for the child made since it was entered (even one signed off since) stops it from being promoted again.
 */
@Injectable()
export class DropoutPromotion {
  private readonly log = new Logger('ledgers');
  private lastRun: number | null = null;

  constructor(
    private readonly rows: DropoutPromotionRepository,
    private readonly gate: DbGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The job worker's call: promotes at most once a minute of `now` (a `now` earlier than the last run runs at once). */
  async whenDue(now: number): Promise<number> {
    if (this.lastRun !== null && now >= this.lastRun && now - this.lastRun < EVERY_MS) return 0;
    this.lastRun = now;
    return this.run(now);
  }

  /** Promotes every suspected entry entered more than N days before `now`; returns how many dropout entries it made. */
  async run(now: number): Promise<number> {
    const days = this.config.ledgerDropoutAfterDays;
    const cutoff = new Date(now - days * DAY_MS).toISOString();
    const due = await this.gate.run(() => this.rows.due(cutoff));
    let made = 0;
    for (const source of due) {
      try {
        if (await this.gate.run(() => this.rows.transaction((m) => this.promote(m, source, days)))) made += 1;
      } catch (err) {
        if (err instanceof Rollback) continue;
        this.log.error({ err, entryId: source.id }, 'dropout promotion failed');
      }
    }
    if (made) this.log.log(`dropout ledger: ${made} suspected entries older than ${days} days promoted`);
    return made;
  }

  /** One child, one transaction: the entry (ignored when another process was first), then both history lines. */
  private async promote(m: Tx, source: LedgerEntry, days: number): Promise<boolean> {
    const at = nowIso();
    const poor = source.reason.endsWith('（脱贫户）') ? '（脱贫户）' : '';
    const entry: LedgerEntry = {
      id: newId(),
      tenantId: source.tenantId,
      kind: 'dropout',
      idNumber: source.idNumber,
      studentName: source.studentName,
      studentId: source.studentId,
      orgUnitPath: source.orgUnitPath,
      status: source.status,
      reason: `疑似辍学超过${days}天未复学${poor}`,
      caseId: source.caseId,
      comparisonId: source.comparisonId,
      createdAt: at,
      updatedAt: at,
    };
    if (!(await this.rows.addUnlessPresent(m, entry))) return false;
    // The suspected entry as it is now, held until commit on PostgreSQL: a case started or ended meanwhile is
    // either seen here or waits and then sees this dropout entry among the child's entries.
    const current = await this.rows.lockedEntry(m, source.id);
    if (!current || current.status === 'signed-off') throw new Rollback();
    if (current.status !== entry.status || current.caseId !== entry.caseId) {
      await this.rows.setStatusAndCase(m, entry.id, current.status, current.caseId);
    }
    const entered = source.createdAt.slice(0, 10);
    const events: LedgerEvent[] = [
      {
        id: newId(),
        tenantId: entry.tenantId,
        entryId: entry.id,
        action: 'created',
        fromStatus: null,
        toStatus: current.status,
        note: `疑似辍学超过${days}天未复学（${entered} 列入疑似辍学台账），转入辍学台账`,
        by: null,
        at,
      },
      {
        id: newId(),
        tenantId: entry.tenantId,
        entryId: source.id,
        action: 'promoted',
        fromStatus: current.status,
        toStatus: current.status,
        note: `列入疑似辍学台账已超过${days}天仍未销号，已同时列入辍学台账`,
        by: null,
        at,
      },
    ];
    await this.rows.addEvents(m, events);
    return true;
  }
}

/** Signed off while we were promoting: nothing is kept. */
class Rollback extends Error {}
