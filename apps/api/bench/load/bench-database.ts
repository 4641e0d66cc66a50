import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';

// On one machine the API reaches PostgreSQL by its Unix socket when there is one, as a county server would.
const SOCKET_DIR = '/var/run/postgresql';
const ADMIN_URL =
  process.env.BENCH_PG_URL ?? `postgres://postgres@127.0.0.1:5432/postgres${fs.existsSync(SOCKET_DIR) ? `?host=${SOCKET_DIR}` : ''}`;

/** The checkout's root (where nx.json is), from the compiled bench's folder. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) dir = path.dirname(dir);
  return dir;
}

/** The address of the bench's own database `name` on the server BENCH_PG_URL names. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates the bench's database `name`; `prepare` may set per-database options before the admin leaves. */
export async function freshBenchDatabase(name: string, prepare?: (admin: Client) => Promise<void>): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await prepare?.(admin);
  await admin.end();
}
