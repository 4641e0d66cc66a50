import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import type { Principal } from '../../src/identity/principal';
import { inboxStatement } from '../../src/workflow/task-inbox.repository';

export interface InboxExplain {
  username: string;
  /** the session's plan_cache_mode (the API's: force_generic_plan) */
  planCacheMode: string;
  plan: string;
  seqScans: string[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the very statement the inbox runs for each of `usernames` (built by the API's
 * own inboxStatement: page 1 of 20 with the badges), as the API runs it: prepared, on a session with the API's
 * options (plan_cache_mode=force_generic_plan), so the plan shown is the generic plan the API executes, not one
 * made for these values. And whether any table is read by a sequential scan (acceptance 2: indexes only).
 */
export async function explainInbox(databaseUrl: string, usernames: string[]): Promise<InboxExplain[]> {
  const ds: DataSource = createDataSource(loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: 'x'.repeat(48) }));
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    const out: InboxExplain[] = [];
    for (const username of usernames) {
      const p = await principalOf(ds, username);
      const [sql, params] = inboxStatement(ds, p, 'all', {}, { page: 1, pageSize: 20, countsAt: Date.now() });
      const [{ plan_cache_mode: planCacheMode }]: { plan_cache_mode: string }[] = await runner.query('SHOW plan_cache_mode');
      await runner.query('DEALLOCATE ALL');
      await runner.query(`PREPARE bench_inbox AS ${sql}`);
      const rows: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_inbox(${params.map(literal).join(', ')})`,
      );
      await runner.query('DEALLOCATE bench_inbox');
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);
      out.push({ username, planCacheMode, plan, seqScans });
    }
    return out;
  } finally {
    await runner.release();
    await ds.destroy();
  }
}

/** a bound value as an SQL literal (EXECUTE takes its arguments in the text) */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** the caller as the API sees it, as far as the inbox query needs (id, tenant, role assignments and their units) */
async function principalOf(ds: DataSource, username: string): Promise<Principal> {
  const rows: { userId: string; tenantId: string; roleKey: string | null; orgUnitPath: string | null }[] = await ds.query(
    `SELECT u."id" AS "userId", u."tenantId", r."key" AS "roleKey", o."path" AS "orgUnitPath"
       FROM app_user u LEFT JOIN role_assignment a ON a."userId" = u."id"
       LEFT JOIN role r ON r."id" = a."roleId" LEFT JOIN org_unit o ON o."id" = a."orgUnitId"
      WHERE u."username" = $1`,
    [username],
  );
  if (!rows.length) throw new Error(`no user ${username}`);
  return {
    userId: rows[0].userId,
    username,
    displayName: username,
    phone: null,
    tenantId: rows[0].tenantId,
    tenantCode: '',
    tenantName: '',
    assignments: rows
      .filter((r) => r.roleKey)
      .map((r) => ({ roleKey: r.roleKey!, orgUnitPath: r.orgUnitPath! }) as Principal['assignments'][number]),
  };
}
