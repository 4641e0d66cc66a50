import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';

/**
 * One database per suite: a fresh SQLite folder by default, or, when TEST_DATABASE_URL points at a
 * PostgreSQL server, a freshly created database on it (dropped afterwards).
 */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  url?: string;
  drop(): Promise<void>;
}

export const onPostgres = (): boolean => !!process.env.TEST_DATABASE_URL;

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-db-'));
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    return { kind: 'sqlite', dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `kcbx_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    dataDir,
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
