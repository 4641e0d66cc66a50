import type { JobRecord, StoragePort, StorageTx } from '@kcbx/engine';
import { AsyncLocalStorage } from 'async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import { BufferedPgTx } from './buffered-tx';
import { ReadOnlyTx, runnerFor, sqliteHandle, sqliteRunner, SqlTx } from './sql-tx';

/** Runs a unit of work alone where the database needs it (the API passes its SQLite gate). */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The host's own writes that belong to an engine command (a step's form submission, a new case's link): run inside
 * the command's database transaction, after the engine's writes and before commit, with that transaction's
 * EntityManager and the command's result. See TypeOrmStore.withSideWrites.
 */
export type SideWrites<R> = (m: EntityManager, result: R) => Promise<void>;

interface PendingSideWrites {
  run: SideWrites<unknown>;
  /** set by the first transaction of the command, which alone runs them */
  taken: boolean;
}

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
  private readonly sideWrites = new AsyncLocalStorage<PendingSideWrites>();

  constructor(
    private readonly ds: DataSource,
    exclusive?: Exclusive,
  ) {
    this.exclusive = exclusive ?? defaultExclusive(ds);
  }

  /**
   * Runs `command` — ONE engine command, e.g. `() => engine.completeTask(…)` — with `sideWrites` done inside that
   * command's own database transaction: after the engine's writes (on PostgreSQL, after its buffered rows are
   * flushed with their version checks) and before commit, with the transaction's EntityManager and the result
   * the command's transaction returned (for Engine commands, what the command returns). All or nothing: if the
   * side writes throw, the engine's work rolls back with them and the error is the command's; if the engine's
   * work fails (a ConcurrencyError at the flush included), the side writes never run. No extra statement or
   * round trip beyond the side writes' own. Only the first transaction the command opens takes them (an
   * engine command opens exactly one); a command that opened none is an error, after the fact.
   * On SQLite the manager is the data source's own (one shared connection, inside the open transaction);
   * TypeORM is told a transaction is open, so `save()` opens none and `manager.transaction()` takes a savepoint.
   */
  async withSideWrites<T>(command: () => Promise<T>, sideWrites: SideWrites<T>): Promise<T> {
    const pending: PendingSideWrites = { run: sideWrites as SideWrites<unknown>, taken: false };
    const result = await this.sideWrites.run(pending, command);
    if (!pending.taken) throw new Error('engine store: the command opened no transaction, so its side writes did not run');
    return result;
  }

  /** the side writes this transaction must run, if it is the first of a command given some */
  private takeSideWrites(): SideWrites<unknown> | undefined {
    const pending = this.sideWrites.getStore();
    if (!pending || pending.taken) return undefined;
    pending.taken = true;
    return pending.run;
  }

  transaction<T>(work: (tx: StorageTx) => Promise<T>): Promise<T> {
    const side = this.takeSideWrites();
    if (this.ds.options.type === 'postgres') {
      return this.ds.transaction(async (m) => {
        const tx = new BufferedPgTx(runnerFor(m));
        const result = await work(tx);
        await tx.flush();
        if (side) await side(m, result);
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
        if (side) await this.sqliteSideWrites(side, result);
        db.exec(nested ? 'RELEASE engine_cmd' : 'COMMIT');
        return result;
      } catch (error) {
        db.exec(nested ? 'ROLLBACK TO engine_cmd; RELEASE engine_cmd' : 'ROLLBACK');
        throw error;
      }
    });
  }

  /**
   * Side writes on SQLite, inside the BEGIN (or savepoint) opened above on the one shared connection. TypeORM's
   * query runner (one per better-sqlite3 data source) does not know of that transaction; while the side writes
   * run it is told one is open, so it neither BEGINs again (save()) nor commits; nested transactions become
   * savepoints. Inside a request's own TypeORM transaction it already knows and is left alone.
   */
  private async sqliteSideWrites(side: SideWrites<unknown>, result: unknown): Promise<void> {
    const qr = this.ds.createQueryRunner() as unknown as { isTransactionActive: boolean; transactionDepth: number };
    if (qr.isTransactionActive) return side(this.ds.manager, result);
    qr.isTransactionActive = true;
    qr.transactionDepth = 1;
    try {
      await side(this.ds.manager, result);
    } finally {
      qr.isTransactionActive = false;
      qr.transactionDepth = 0;
    }
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
