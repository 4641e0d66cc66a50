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
 *   its reads, and lose to another connection's commit in between (SQLITE_BUSY without waiting). A command of its
 *   own therefore begins with BEGIN IMMEDIATE; one nested in a request's transaction takes the lock with its
 *   first statement. Either waits as busy_timeout says.
 * - A transaction the store opens on the connection itself is one TypeORM's runner counts as its own when it is
 *   told so (`isTransactionActive`, and the protected `transactionDepth` = 1): its manager then nests savepoints
 *   and opens no transaction of its own, exactly as inside `startTransaction()`.
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

/** A command's transaction on the connection: commit or roll back exactly once. */
export interface WriteTransaction {
  db: BetterSqliteDb;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** what TypeORM's runner keeps about its transaction (`transactionDepth` is protected in its types) */
type RunnerState = { isTransactionActive: boolean; transactionDepth: number };

/**
 * Opens a transaction on the runner's connection and takes SQLite's write lock at once.
 * - None open yet (a command of its own): `BEGIN IMMEDIATE` and `COMMIT` run as the store's prepared statements,
 *   and the runner is told a transaction is open (`isTransactionActive`, depth 1), so its manager's `save()` opens
 *   none of its own and its `transaction()` takes a savepoint, as inside TypeORM's own. TypeORM's
 *   `startTransaction`/`commitTransaction` went through its query path (logger, broadcaster, two async steps a
 *   statement) and cost about three times the statements themselves (~35 µs a command in CPU); its transaction
 *   events (`BeforeTransactionStart` …) are therefore not broadcast for the engine's own transactions.
 * - One open already (a request's own transaction): TypeORM's savepoint, then a write statement that changes
 *   nothing, which still starts a write transaction if the outer one was deferred.
 */
export async function beginWriteTransaction(qr: QueryRunner): Promise<WriteTransaction> {
  const db = await sqliteConnection(qr);
  const own = statementsOf(db);
  if (qr.isTransactionActive || db.inTransaction) {
    await qr.startTransaction();
    own.lock.run();
    return { db, commit: () => qr.commitTransaction(), rollback: () => qr.rollbackTransaction() };
  }
  own.begin.run();
  const runner = qr as unknown as RunnerState;
  runner.isTransactionActive = true;
  runner.transactionDepth = 1;
  let ended = false;
  const end = async (statement: Statement) => {
    if (ended) return;
    try {
      if (db.inTransaction) statement.run();
      ended = true;
    } finally {
      // a failed COMMIT leaves the transaction open for the rollback that follows
      if (!db.inTransaction) {
        runner.isTransactionActive = false;
        runner.transactionDepth = 0;
      }
    }
  };
  return { db, commit: () => end(own.commit), rollback: () => end(own.rollback) };
}

type Statement = ReturnType<BetterSqliteDb['prepare']>;
const statements = new WeakMap<BetterSqliteDb, { begin: Statement; commit: Statement; rollback: Statement; lock: Statement }>();
function statementsOf(db: BetterSqliteDb) {
  let s = statements.get(db);
  if (!s) {
    s = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      lock: db.prepare('DELETE FROM bpmn_job WHERE 0'),
    };
    statements.set(db, s);
  }
  return s;
}
