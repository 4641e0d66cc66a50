import { spawn } from 'child_process';
import { Client } from 'pg';
import { AppError } from '../common/app-error';

/**
 * libpq's environment for pg_dump/pg_restore, from DATABASE_URL: the password travels in PGPASSWORD, never on a
 * command line other users of the server can list; `?host=/var/run/postgresql` (a socket folder) is kept.
 */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: u.searchParams.get('host') ?? u.hostname,
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The PostgreSQL side of backup and restore: a pg client for the snapshot and counts, pg_dump/pg_restore for the data. */
export class PostgresBackupRepository {
  constructor(private readonly url: string) {}

  /**
   * pg_dump inside a snapshot this connection exported: the counts and migrations read here are of exactly the
   * state the dump holds, however many clerks commit meanwhile.
   */
  async snapshot(dest: string): Promise<{ migrations: string[]; rows: Record<string, number> }> {
    return this.withClient(async (c) => {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const [{ snapshot }] = (await c.query('SELECT pg_export_snapshot() AS snapshot')).rows;
        const described = await this.describeWith(c);
        await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, '--file', dest], this.url);
        return described;
      } finally {
        await c.query('COMMIT');
      }
    });
  }

  describe(): Promise<{ migrations: string[]; rows: Record<string, number> }> {
    return this.withClient((c) => this.describeWith(c));
  }

  /** other sessions on this database: a running API server would write into a database being replaced */
  async otherSessions(): Promise<number> {
    return this.withClient(async (c) => {
      const r = await c.query(
        'SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return r.rows[0].n as number;
    });
  }

  async hasData(): Promise<boolean> {
    const { rows } = await this.describe();
    return Object.entries(rows).some(([t, n]) => t !== 'migrations' && n > 0);
  }

  /**
   * every table of the schema goes (a newer migration's tables too), and the functions migrations made (the
   * task_candidate triggers'), so the restored schema is exactly the backup's
   */
  async dropAllTables(): Promise<void> {
    await this.withClient(async (c) => {
      const tables = (await c.query('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map(
        (r: { tablename: string }) => `"${r.tablename}"`,
      );
      if (tables.length) await c.query(`DROP TABLE ${tables.join(', ')} CASCADE`);
      const functions = (
        await c.query(
          `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind = 'f'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
        )
      ).rows.map((r: { signature: string }) => r.signature);
      for (const f of functions) await c.query(`DROP FUNCTION ${f} CASCADE`);
    });
  }

  async load(dump: string): Promise<void> {
    await run(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', libpqEnv(this.url).PGDATABASE, dump],
      this.url,
    );
  }

  private async describeWith(c: Client) {
    const tables = (await c.query('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')).rows.map(
      (r: { tablename: string }) => r.tablename,
    );
    const rows: Record<string, number> = {};
    for (const t of tables) rows[t] = Number((await c.query(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
    const migrations = tables.includes('migrations')
      ? (await c.query('SELECT name FROM migrations ORDER BY id')).rows.map((m: { name: string }) => m.name)
      : [];
    return { migrations, rows };
  }

  private async withClient<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  }
}

/** pg_dump / pg_restore with libpq's environment; their own message when they fail (e.g. a version older than the server) */
function run(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...libpqEnv(url) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new AppError('BACKUP_TOOL_MISSING', { tool }) : err));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new AppError('BACKUP_TOOL_FAILED', { tool, code: String(code), output: stderr.trim() })),
    );
  });
}
