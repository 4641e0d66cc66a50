import * as os from 'os';
import { Client } from 'pg';

/** The PostgreSQL settings a completion's cost depends on: durability, planning, JIT, memory, statistics upkeep. */
const SETTINGS = [
  'server_version',
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'commit_delay',
  'full_page_writes',
  'jit',
  'jit_above_cost',
  'plan_cache_mode',
  'random_page_cost',
  'autovacuum',
  'max_connections',
];

/** The tables a completion reads and writes, and the ones the history reads go through. */
const TABLES = [
  'bpmn_task',
  'bpmn_execution',
  'bpmn_instance',
  'bpmn_variable',
  'bpmn_history',
  'bpmn_job',
  'form_submission',
  'audit_entry',
  // the reads the scale bench measures (issue #19)
  'task_candidate',
  'process_instance_link',
  'ledger_entry',
  'student',
  'notification',
];

export interface BenchEnvironment {
  node: string;
  cpu: string;
  cores: number;
  loadAverage1m: number;
  connection: 'unix socket' | 'tcp';
  settings: Record<string, string>;
  /** per table: live rows, rows changed since the last ANALYZE, and when it was last analysed (never = planner guesses) */
  tables: { table: string; liveRows: number; modifiedSinceAnalyze: number; lastAnalyzed: string }[];
}

export async function describeEnvironment(databaseUrl: string): Promise<BenchEnvironment> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const settings = Object.fromEntries(
      (
        await db.query<{ name: string; setting: string; unit: string | null }>(
          `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
          [SETTINGS],
        )
      ).rows.map((r) => [r.name, r.unit && r.unit !== 'ms' && r.unit !== 's' ? `${r.setting} × ${r.unit}` : `${r.setting}${r.unit ?? ''}`]),
    );
    const tables = (
      await db.query<{ relname: string; n_live_tup: string; n_mod_since_analyze: string; analyzed: Date | null }>(
        `SELECT relname, n_live_tup, n_mod_since_analyze, greatest(last_analyze, last_autoanalyze) AS analyzed
           FROM pg_stat_user_tables WHERE relname = ANY($1) ORDER BY relname`,
        [TABLES],
      )
    ).rows.map((r) => ({
      table: r.relname,
      liveRows: Number(r.n_live_tup),
      modifiedSinceAnalyze: Number(r.n_mod_since_analyze),
      lastAnalyzed: r.analyzed ? r.analyzed.toISOString() : 'never',
    }));
    return {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
      connection: databaseUrl.includes('host=/') ? 'unix socket' : 'tcp',
      settings,
      tables,
    };
  } finally {
    await db.end();
  }
}
