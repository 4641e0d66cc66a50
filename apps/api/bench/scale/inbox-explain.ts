import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import type { Principal } from '../../src/identity/principal';
import { inboxStatement } from '../../src/workflow/task-inbox.repository';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the very statement the inbox runs for `username` (built by the API's own
 * inboxStatement), and whether any big table is read by a sequential scan (acceptance 2: indexes only).
 */
export async function explainInbox(databaseUrl: string, username: string): Promise<{ plan: string; seqScans: string[] }> {
  const ds: DataSource = createDataSource(loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: 'x'.repeat(48) }));
  await ds.initialize();
  try {
    const p = await principalOf(ds, username);
    const [sql, params] = inboxStatement(ds, p, 'all', {}, 1, 20, Date.now());
    const rows: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]);
    return { plan, seqScans };
  } finally {
    await ds.destroy();
  }
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
