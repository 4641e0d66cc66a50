import { Injectable } from '@nestjs/common';
import type { DefinitionRecord, InstanceRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS, TABLE_OF } from '@kcbx/engine-store-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../database/columns';
import { DbGate } from '../database/db-gate';
import { RetentionRun, Tenant } from '../database/entities';

/**
 * History types the student file (case-file/student-file.service.ts) and the case timelines read; every other
 * history row of a finished case (activity starts and ends, variable changes, gateway passes) may go.
 */
const KEPT_HISTORY =
  "(h.type LIKE 'task-%' OR h.type LIKE 'instance-%' OR h.type LIKE 'incident-%' OR h.type IN ('message-correlated', 'timer-fired'))";

/** The engine tables the cleanup removes from, in the order they are counted in a run's record. */
export const RETENTION_TABLES = ['variable', 'execution', 'job', 'subscription', 'incident', 'history'] as const;
export type RemovedCounts = Record<string, number>;
export interface FinishedInstance {
  id: string;
  endedAt: number;
}

/** What the history-retention cleanup reads and removes (engine tables through the engine store's schemas). */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly gate: DbGate,
  ) {}

  tenants(): Promise<Tenant[]> {
    return this.gate.run(() => this.ds.getRepository(Tenant).find({ order: { code: 'ASC' } }));
  }

  /** The county's newest deployed county-parameters model (its XML is where the parameter is written). */
  async parametersXml(tenantId: string): Promise<string | null> {
    const row = await this.gate.run(() =>
      this.ds
        .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
        .createQueryBuilder('d')
        .where('d.tenantId = :tenantId AND d.key = :key', { tenantId, key: 'county-parameters' })
        .orderBy('d.version', 'DESC')
        .getOne(),
    );
    return row?.xml ?? null;
  }

  /** Stores the day's claim; false when another process already has it. */
  async claim(run: Omit<RetentionRun, 'id'>): Promise<RetentionRun | null> {
    const id = newId();
    return this.gate.run(async () => {
      await this.ds
        .createQueryBuilder()
        .insert()
        .into(RetentionRun)
        .values({ ...run, id })
        .orIgnore()
        .execute();
      return this.ds.getRepository(RetentionRun).findOneBy({ id });
    });
  }

  /**
   * Up to `limit` of the county's finished instances that ended in [from, cutoff) after the cursor (end time, then
   * id) and still have runtime rows, in that order: a run walks the window once, however many instances it holds.
   */
  async finishedBefore(
    tenantId: string,
    window: { from: number | null; cutoff: number },
    after: FinishedInstance | null,
    limit: number,
  ): Promise<FinishedInstance[]> {
    const rows = await this.gate.run(() => {
      const qb = this.ds
        .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
        .createQueryBuilder('i')
        .select('i.id', 'id')
        .addSelect('i.endedAt', 'endedAt')
        .where("i.tenantId = :tenantId AND i.state IN ('completed', 'terminated') AND i.endedAt < :cutoff", {
          tenantId,
          cutoff: window.cutoff,
        });
      if (window.from !== null) qb.andWhere('i.endedAt >= :from', { from: window.from });
      if (after)
        qb.andWhere('(i.endedAt > :afterAt OR (i.endedAt = :afterAt AND i.id > :afterId))', { afterAt: after.endedAt, afterId: after.id });
      const leftovers = RETENTION_TABLES.map((kind) => {
        const extra =
          kind === 'incident' ? " AND x.state = 'resolved'" : kind === 'history' ? ` AND NOT ${KEPT_HISTORY.replace(/h\./g, 'x.')}` : '';
        return `EXISTS (SELECT 1 FROM ${TABLE_OF[kind]} x WHERE x."instanceId" = i.id${extra})`;
      });
      return qb
        .andWhere(`(${leftovers.join(' OR ')})`)
        .orderBy('i.endedAt', 'ASC')
        .addOrderBy('i.id', 'ASC')
        .limit(limit)
        .getRawMany<{ id: string; endedAt: string | number }>();
    });
    return rows.map((r) => ({ id: r.id, endedAt: Number(r.endedAt) }));
  }

  /** The cutoff of the county's newest completed run: cases that ended before it were cleaned then. */
  async lastCutoff(tenantId: string): Promise<number | null> {
    const run = await this.gate.run(() =>
      this.ds.getRepository(RetentionRun).findOne({ where: { tenantId, status: 'done' }, order: { cutoff: 'DESC' } }),
    );
    return run ? Date.parse(run.cutoff) : null;
  }

  /**
   * One batch in one transaction: removes the instances' runtime rows and adds the counts to the run's record, so
   * the record says what was removed even when a process stops between batches.
   */
  async removeBatch(runId: string, ids: string[]): Promise<RemovedCounts> {
    return this.gate.run(() =>
      this.ds.transaction(async (m) => {
        const removed: RemovedCounts = {};
        for (const kind of RETENTION_TABLES) removed[TABLE_OF[kind]] = await this.remove(m, kind, ids);
        const run = await m.getRepository(RetentionRun).findOneByOrFail({ id: runId });
        const total = JSON.parse(run.removed) as RemovedCounts;
        for (const [table, n] of Object.entries(removed)) total[table] = (total[table] ?? 0) + n;
        await m
          .getRepository(RetentionRun)
          .update({ id: runId }, { instances: run.instances + ids.length, removed: JSON.stringify(total) });
        return removed;
      }),
    );
  }

  private async remove(m: EntityManager, kind: (typeof RETENTION_TABLES)[number], ids: string[]): Promise<number> {
    const qb = m.getRepository(ENGINE_SCHEMAS[kind]).createQueryBuilder('h').delete().where('"instanceId" IN (:...ids)', { ids });
    if (kind === 'incident') qb.andWhere("state = 'resolved'");
    if (kind === 'history') qb.andWhere(`NOT ${KEPT_HISTORY.replace(/h\./g, '')}`);
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  async finish(runId: string, status: 'done' | 'failed', at: string): Promise<void> {
    await this.gate.run(() => this.ds.getRepository(RetentionRun).update({ id: runId }, { status, finishedAt: at }));
  }

  /** The county's runs, newest first. */
  runs(tenantId: string, limit: number): Promise<RetentionRun[]> {
    return this.gate.run(() =>
      this.ds.getRepository(RetentionRun).find({ where: { tenantId }, order: { startedAt: 'DESC' }, take: limit }),
    );
  }
}
