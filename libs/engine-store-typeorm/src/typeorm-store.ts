import {
  ConcurrencyError, type Filter, type JobRecord, type RecordKind, type RecordKinds, type StoragePort, type StorageTx,
  VERSIONED_KINDS,
} from '@kcbx/engine';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, LessThanOrEqual } from 'typeorm';
import { ENGINE_SCHEMAS, TABLE_OF } from './engine-tables';

/** Runs a unit of work alone where the database needs it (the API passes its SQLite gate). */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * TypeORM shares one better-sqlite3 connection, so transactions must not interleave; on PostgreSQL they may.
 * Used when the host gives no gate of its own.
 */
function defaultExclusive(ds: DataSource): Exclusive {
  if (ds.options.type === 'postgres') return (work) => work();
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * The engine's StoragePort over TypeORM, for SQLite and PostgreSQL alike. One engine command = one database
 * transaction; optimistic locking is `UPDATE … WHERE id = ? AND version = ?`, and job acquisition uses
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL so several API processes never run the same job.
 */
export class TypeOrmStore implements StoragePort {
  private readonly exclusive: Exclusive;

  constructor(
    private readonly ds: DataSource,
    exclusive?: Exclusive,
  ) {
    this.exclusive = exclusive ?? defaultExclusive(ds);
  }

  transaction<T>(work: (tx: StorageTx) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.ds.transaction((m) => work(new TypeOrmTx(m))));
  }

  acquireJobs(now: number, limit: number, lockOwner: string, lockMs: number): Promise<JobRecord[]> {
    return this.exclusive(() =>
      this.ds.transaction(async (m) => {
        const qb = m
          .getRepository<JobRecord>(ENGINE_SCHEMAS.job)
          .createQueryBuilder('j')
          .where('j.dueAt <= :now AND j.retries > 0', { now })
          .andWhere('(j.lockOwner IS NULL OR j.lockExpiresAt < :now)', { now })
          .orderBy('j.dueAt', 'ASC')
          .limit(limit);
        if (this.ds.options.type === 'postgres') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const due = await qb.getMany();
        const tx = new TypeOrmTx(m);
        const locked: JobRecord[] = [];
        for (const job of due) locked.push(await tx.update('job', { ...job, lockOwner, lockExpiresAt: now + lockMs }));
        return locked;
      }),
    );
  }
}

/** `null` in a filter means IS NULL (TypeORM would otherwise ignore the condition). */
function where<T>(filter: Filter<T>): FindOptionsWhere<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined) continue;
    out[k] = v === null ? IsNull() : v;
  }
  return out as FindOptionsWhere<T>;
}

class TypeOrmTx implements StorageTx {
  constructor(private readonly m: EntityManager) {}

  private repo<K extends RecordKind>(kind: K) {
    return this.m.getRepository<RecordKinds[K]>(ENGINE_SCHEMAS[kind]);
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordKinds[K] | undefined> {
    return (await this.repo(kind).findOneBy(where<RecordKinds[K]>({ id } as Filter<RecordKinds[K]>))) ?? undefined;
  }

  async find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Promise<RecordKinds[K][]> {
    // Engine ids sort by creation time, so id order is insertion order.
    return this.repo(kind).find({ where: where(filter), order: { id: 'ASC' } as never });
  }

  async insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    await this.repo(kind).insert(record as never);
  }

  async insertMany<K extends RecordKind>(kind: K, records: RecordKinds[K][]): Promise<void> {
    // Chunked so a statement stays under SQLite's and PostgreSQL's bound-parameter limits.
    for (let i = 0; i < records.length; i += 200) await this.repo(kind).insert(records.slice(i, i + 200) as never);
  }

  async update<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<RecordKinds[K]> {
    const { id, ...rest } = record as RecordKinds[K] & { version?: number };
    if (!VERSIONED_KINDS.has(kind)) {
      const r = await this.repo(kind).update({ id } as never, rest as never);
      if (!r.affected) throw new ConcurrencyError(kind, id);
      return record;
    }
    const expected = rest.version ?? 0;
    const next = { ...rest, version: expected + 1 };
    const r = await this.repo(kind).update({ id, version: expected } as never, next as never);
    if (!r.affected) throw new ConcurrencyError(kind, id);
    return { ...record, version: expected + 1 } as RecordKinds[K];
  }

  async delete(kind: RecordKind, id: string): Promise<void> {
    await this.m.query(...this.m.connection.driver.escapeQueryWithParameters(`DELETE FROM ${TABLE_OF[kind]} WHERE id = :id`, { id }, {}));
  }

  async findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]> {
    return this.repo('job').find({
      where: { dueAt: LessThanOrEqual(now), ...(tenantId === null ? {} : { tenantId }) } as never,
      order: { dueAt: 'ASC' } as never,
      take: limit,
    }).then((jobs) => jobs.filter((j) => j.retries > 0));
  }
}
