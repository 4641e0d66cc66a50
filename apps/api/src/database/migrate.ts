import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';

/** Arbitrary constant: every API process takes the same PostgreSQL advisory lock around migrations. */
const MIGRATION_LOCK_KEY = 640422_2026;

/**
 * Runs pending migrations (and whatever `thenUnderLock` does, e.g. the demo seed) while holding a lock,
 * so several processes starting at once migrate exactly once and the others wait, then see the result.
 */
export async function migrateUnderLock(ds: DataSource, thenUnderLock?: () => Promise<void>): Promise<void> {
  const work = async () => {
    await ds.runMigrations({ transaction: 'each' });
    if (thenUnderLock) await thenUnderLock();
  };
  if (ds.options.type === 'postgres') return withAdvisoryLock(ds, work);
  return withSqliteLock(String(ds.options.database), work);
}

async function withAdvisoryLock(ds: DataSource, work: () => Promise<void>) {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * SQLite has no advisory locks: an exclusive transaction on a small side file does the same job between
 * processes sharing one data folder (the second waits up to a minute, then finds nothing left to do).
 */
async function withSqliteLock(databaseFile: string, work: () => Promise<void>) {
  const lock = new Database(`${databaseFile}.migrate-lock`);
  try {
    lock.pragma('busy_timeout = 60000');
    lock.exec('BEGIN EXCLUSIVE');
    await work();
  } finally {
    if (lock.inTransaction) lock.exec('COMMIT');
    lock.close();
  }
}
