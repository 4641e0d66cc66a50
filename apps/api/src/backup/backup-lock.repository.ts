import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

const LOCK_KEY = 640422_2020; // arbitrary, not the migration lock's
const STALE_MS = 6 * 3600_000;

/**
 * One scheduled backup at a time across the API processes: on PostgreSQL a session advisory lock (processes may
 * run on several machines), on SQLite (processes share one folder) a lock file created exclusively, taken over
 * when a crashed process left it for hours. Returns false, without running `work`, when another holds it.
 */
export async function withBackupLock(config: AppConfig, dir: string, work: () => Promise<void>): Promise<boolean> {
  if (config.database.kind === 'postgres') {
    const c = new Client({ connectionString: config.database.url });
    await c.connect();
    try {
      const got = (await c.query('SELECT pg_try_advisory_lock($1) AS got', [LOCK_KEY])).rows[0].got as boolean;
      if (!got) return false;
      try {
        await work();
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
      return true;
    } finally {
      await c.end();
    }
  }
  const lock = path.join(dir, '.kcbx-backup.lock');
  try {
    if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > STALE_MS) fs.rmSync(lock, { force: true });
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    return false;
  }
  try {
    await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
  return true;
}
