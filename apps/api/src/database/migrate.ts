import { DataSource } from 'typeorm';

/** Arbitrary constant: every API process takes the same PostgreSQL advisory lock around migrations. */
const MIGRATION_LOCK_KEY = 640422_2026;

/**
 * Runs pending migrations (and whatever `thenUnderLock` does, e.g. the demo seed) while holding a lock,
 * so several processes starting at once migrate exactly once and the others wait, then see the result.
 */
export async function migrateUnderLock(ds: DataSource, thenUnderLock?: () => Promise<void>): Promise<void> {
  if (ds.options.type !== 'postgres') {
    await ds.runMigrations({ transaction: 'each' });
    if (thenUnderLock) await thenUnderLock();
    return;
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await ds.runMigrations({ transaction: 'each' });
    if (thenUnderLock) await thenUnderLock();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
