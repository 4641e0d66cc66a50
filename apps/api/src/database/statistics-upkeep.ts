import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** how often the tables' change counters are looked at (one cheap catalog query) */
export const UPKEEP_EVERY_MS = 10_000;
/** any value: one API process at a time analyses (a transaction-scoped advisory lock) */
const UPKEEP_LOCK = 19_0001;

/**
 * What autovacuum's analyse pass would do, done by the API when the server runs with autovacuum off (these
 * machines do; production should not — the start-up warns). Without it a table's statistics stay those of
 * its first ANALYZE, or none, and two things go wrong as it grows: the planner keeps estimating it as small,
 * and every statement prepared on a pooled connection (database/prepared-pg.ts, the engine store's flush)
 * keeps the plan it was given while the table was small — a sequential scan that gets slower with every row.
 * ANALYZE fixes both: fresh statistics, and PostgreSQL drops the cached plans over the analysed table in every
 * session, so they are made again at their next call.
 *
 * The rule is autovacuum's own (`autovacuum_analyze_threshold` + `autovacuum_analyze_scale_factor` × rows,
 * read from the server), so a table is analysed as often as autovacuum would; as tables grow that is rarer.
 * With autovacuum on this does nothing.
 */
@Injectable()
export class StatisticsUpkeep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('database');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.ds.options.type !== 'postgres') return;
    const [{ autovacuum }] = await this.ds.query('SHOW autovacuum');
    if (autovacuum !== 'off') return;
    this.timer = setInterval(() => void this.round(), UPKEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Analyses the tables changed past autovacuum's threshold; returns their names. */
  async round(): Promise<string[]> {
    if (this.running || this.ds.options.type !== 'postgres') return [];
    this.running = true;
    try {
      return await this.ds.transaction(async (m) => {
        const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [UPKEEP_LOCK]);
        if (!locked) return [];
        const stale: { name: string }[] = await m.query(
          `SELECT format('%I.%I', s.schemaname, s.relname) AS name
             FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                    + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
            ORDER BY s.n_mod_since_analyze DESC`,
        );
        // ANALYZE runs inside a transaction; each table's own lock lets writers go on meanwhile.
        for (const { name } of stale) await m.query(`ANALYZE ${name}`);
        return stale.map((s) => s.name);
      });
    } catch (err) {
      this.log.warn({ err }, 'statistics upkeep failed');
      return [];
    } finally {
      this.running = false;
    }
  }
}
