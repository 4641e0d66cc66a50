import type { JobRecord, Now, StoragePort, StorageTx } from '@kcbx/engine';
import { DataSource, EntityManager } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import { BufferedPgTx } from './buffered-tx';
import { beginWriteTransaction, sqliteConnection } from './sqlite-connection';
import { ReadOnlyTx, runnerFor, sqliteRunner, SqlTx } from './sql-tx';

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
 *
 * The host's handle on a command's transaction (`StorageTx.host()`: what service handlers get as `ctx.tx` and
 * side writes as their first argument) is an EntityManager bound to that transaction, on both databases: with it
 * `save()` opens no transaction of its own and `manager.transaction()` takes a savepoint.
 */
export class TypeOrmStore implements StoragePort<EntityManager> {
  private readonly exclusive: Exclusive;

  constructor(
    private readonly ds: DataSource,
    exclusive?: Exclusive,
  ) {
    this.exclusive = exclusive ?? defaultExclusive(ds);
  }

  transaction<T>(work: (tx: StorageTx<EntityManager>) => Now<T>): Promise<T> {
    if (this.ds.options.type === 'postgres') {
      return this.ds.transaction(async (m) => {
        const tx = new BufferedPgTx(await runnerFor(m), m);
        const result = await work(tx);
        await tx.flush();
        return result;
      });
    }
    // SQLite: a transaction on TypeORM's one query runner's connection (a savepoint inside one already open, e.g.
    // an engine call within a request's own transaction), which the runner counts as its own, so its EntityManager
    // is bound to it; the engine's statements run on the same connection, prepared once (sqlite-connection.ts).
    return this.exclusive(async () => {
      const qr = this.ds.createQueryRunner();
      try {
        const tx = await beginWriteTransaction(qr);
        try {
          const result = await work(new SqlTx(sqliteRunner(tx.db), qr.manager));
          await tx.commit();
          return result;
        } catch (error) {
          await tx.rollback();
          throw error;
        }
      } finally {
        await qr.release();
      }
    });
  }

  /** Reads on a pooled connection with no BEGIN/COMMIT around them (PostgreSQL); SQLite reads in place. */
  read<T>(work: (tx: StorageTx<EntityManager>) => Now<T>): Promise<T> {
    if (this.ds.options.type === 'postgres') {
      return (async () => {
        const qr = this.ds.createQueryRunner();
        try {
          return await work(new ReadOnlyTx(await runnerFor(qr.manager), qr.manager));
        } finally {
          await qr.release();
        }
      })();
    }
    return this.exclusive(async () => {
      const qr = this.ds.createQueryRunner();
      return work(new ReadOnlyTx(sqliteRunner(await sqliteConnection(qr)), qr.manager));
    });
  }

  acquireJobs(now: number, limit: number, lockOwner: string, lockMs: number): Promise<JobRecord[]> {
    return this.exclusive(() =>
      this.ds.transaction(async (m) => {
        const qb = m
          .getRepository<JobRecord>(ENGINE_SCHEMAS.job)
          .createQueryBuilder('j')
          .where("j.dueAt <= :now AND j.retries > 0 AND j.kind <> 'external'", { now })
          .andWhere('(j.lockOwner IS NULL OR j.lockExpiresAt < :now)', { now })
          .orderBy('j.dueAt', 'ASC')
          .limit(limit);
        if (this.ds.options.type === 'postgres') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const due = await qb.getMany();
        const tx = new SqlTx(await runnerFor(m), m);
        const locked: JobRecord[] = [];
        for (const job of due) locked.push(await tx.update('job', { ...job, lockOwner, lockExpiresAt: now + lockMs }));
        return locked;
      }),
    );
  }

  acquireExternalJobs(
    tenantId: string,
    topics: ReadonlyMap<string, number>,
    now: number,
    limit: number,
    workerId: string,
  ): Promise<JobRecord[]> {
    if (!topics.size) return Promise.resolve([]);
    return this.exclusive(() =>
      this.ds.transaction(async (m) => {
        const qb = m
          .getRepository<JobRecord>(ENGINE_SCHEMAS.job)
          .createQueryBuilder('j')
          .where("j.tenantId = :tenantId AND j.kind = 'external' AND j.topic IN (:...topics)", { tenantId, topics: [...topics.keys()] })
          .andWhere('j.dueAt <= :now AND j.retries > 0', { now })
          .andWhere('(j.lockOwner IS NULL OR j.lockExpiresAt < :now)', { now })
          .orderBy('j.dueAt', 'ASC')
          .limit(limit);
        if (this.ds.options.type === 'postgres') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const due = await qb.getMany();
        const tx = new SqlTx(await runnerFor(m), m);
        const locked: JobRecord[] = [];
        for (const job of due)
          locked.push(await tx.update('job', { ...job, lockOwner: workerId, lockExpiresAt: now + topics.get(job.topic!)! }));
        return locked;
      }),
    );
  }
}
