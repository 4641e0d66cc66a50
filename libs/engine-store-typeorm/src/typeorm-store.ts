import type { JobRecord, StoragePort, StorageTx } from '@kcbx/engine';
import { DataSource } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import { BufferedPgTx } from './buffered-tx';
import { ReadOnlyTx, runnerFor, sqliteHandle, sqliteRunner, SqlTx } from './sql-tx';

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
    if (this.ds.options.type === 'postgres') {
      return this.ds.transaction(async (m) => {
        const tx = new BufferedPgTx(runnerFor(m));
        const result = await work(tx);
        await tx.flush();
        return result;
      });
    }
    // SQLite: BEGIN/COMMIT straight on the connection (the gate already keeps units of work apart); TypeORM's
    // transaction bookkeeping cost more than the engine's statements. Inside an open transaction (an engine
    // call made within a request's own transaction), a savepoint keeps the same all-or-nothing promise.
    return this.exclusive(async () => {
      const db = sqliteHandle(this.ds);
      const nested = db.inTransaction;
      db.exec(nested ? 'SAVEPOINT engine_cmd' : 'BEGIN IMMEDIATE');
      try {
        const result = await work(new SqlTx(sqliteRunner(db)));
        db.exec(nested ? 'RELEASE engine_cmd' : 'COMMIT');
        return result;
      } catch (error) {
        db.exec(nested ? 'ROLLBACK TO engine_cmd; RELEASE engine_cmd' : 'ROLLBACK');
        throw error;
      }
    });
  }

  /** Reads on a pooled connection with no BEGIN/COMMIT around them (PostgreSQL); SQLite reads in place. */
  read<T>(work: (tx: StorageTx) => Promise<T>): Promise<T> {
    if (this.ds.options.type === 'postgres') {
      return (async () => {
        const qr = this.ds.createQueryRunner();
        try {
          return await work(new ReadOnlyTx(runnerFor(qr.manager)));
        } finally {
          await qr.release();
        }
      })();
    }
    return this.exclusive(() => work(new ReadOnlyTx(sqliteRunner(sqliteHandle(this.ds)))));
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
        const tx = new SqlTx(runnerFor(m));
        const locked: JobRecord[] = [];
        for (const job of due) locked.push(await tx.update('job', { ...job, lockOwner, lockExpiresAt: now + lockMs }));
        return locked;
      }),
    );
  }
}
