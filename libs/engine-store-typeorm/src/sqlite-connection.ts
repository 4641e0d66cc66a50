import { EngineFault } from '@kcbx/engine';
import type { QueryRunner } from 'typeorm';

/**
 * Everything the store relies on in TypeORM's SQLite driver beyond its typed API, in one place, pinned by
 * sqlite-connection.spec.ts (run it after upgrading TypeORM or better-sqlite3):
 * - `QueryRunner.connect()` (public, typed `any`) gives better-sqlite3's Database, and on better-sqlite3 every
 *   query runner is the one runner over that one connection: statements prepared on it run inside the
 *   transaction TypeORM's runner opened. The engine prepares its statements there once (TypeORM's per-query
 *   bookkeeping cost more than the engine's tiny statements).
 * - TypeORM's BEGIN on SQLite is deferred: a command would take the write lock only at its first write, after
 *   its reads, and lose to another connection's commit in between (SQLITE_BUSY without waiting). Its first
 *   statement therefore takes the write lock (the effect of BEGIN IMMEDIATE), waiting as busy_timeout says.
 */
export interface BetterSqliteDb {
  inTransaction: boolean;
  prepare(sql: string): { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): { changes: number } };
}

export async function sqliteConnection(qr: QueryRunner): Promise<BetterSqliteDb> {
  const db: unknown = await qr.connect();
  if (!db || typeof (db as BetterSqliteDb).prepare !== 'function' || typeof (db as BetterSqliteDb).inTransaction !== 'boolean') {
    throw new EngineFault(
      'STORE_MISUSE',
      'engine store: the SQLite query runner did not give a better-sqlite3 Database (see sqlite-connection.ts)',
    );
  }
  return db as BetterSqliteDb;
}

/**
 * Opens the runner's transaction (a savepoint when one is open already) and takes SQLite's write lock at once:
 * a write statement that changes nothing still starts a write transaction.
 */
export async function beginWriteTransaction(qr: QueryRunner): Promise<BetterSqliteDb> {
  await qr.startTransaction();
  const db = await sqliteConnection(qr);
  let lock = writeLocks.get(db);
  if (!lock) writeLocks.set(db, (lock = db.prepare('DELETE FROM bpmn_job WHERE 0')));
  lock.run();
  return db;
}

const writeLocks = new WeakMap<BetterSqliteDb, ReturnType<BetterSqliteDb['prepare']>>();
