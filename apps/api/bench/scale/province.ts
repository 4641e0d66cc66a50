import { digits, columnsOf, placeholder, q, type SqlRunner } from './sql';

/**
 * A province in one database: the county replicated as tenant `n`, every table's rows of the county copied in
 * SQL with the new tenant and an id suffix (ids and the columns that point at ids). Usernames are the one value
 * unique across tenants, so they get the suffix too. task_candidate is not copied: bpmn_task's triggers fill it.
 */
const FILLED_BY_TRIGGER = new Set(['task_candidate']);

export async function replicateTenant(db: SqlRunner, sourceTenantId: string, n: number): Promise<string> {
  const p = (i: number) => placeholder(db.dialect, i);
  const newTenant = tenantCopy(sourceTenantId, n);
  await db.query(
    `INSERT INTO tenant ("id", "code", "name", "createdAt")
     SELECT ${p(1)}, "code" || '-' || ${n}, "name" || ' ${n}', "createdAt" FROM tenant WHERE "id" = ${p(2)}`,
    [newTenant, sourceTenantId],
  );
  for (const table of await tenantTables(db)) {
    if (FILLED_BY_TRIGGER.has(table) || table.startsWith('scale_')) continue;
    const cols = (await columnsOf(db, table)).filter((c) => !(c.name === 'id' && c.type.includes('int')));
    const exprs = cols.map(({ name }) => {
      const x = `x.${q(name)}`;
      if (name === 'tenantId') return p(1);
      if (name === 'id' || name === 'assignee' || (name.endsWith('Id') && name !== 'tenantId')) return idOfTenant(db, x, n);
      if (table === 'app_user' && name === 'username') return `${x} || '@${n}'`;
      return x;
    });
    await db.query(
      `INSERT INTO ${table} (${cols.map((c) => q(c.name)).join(', ')}) SELECT ${exprs.join(', ')} FROM ${table} x WHERE x."tenantId" = ${p(2)}`,
      [newTenant, sourceTenantId],
    );
  }
  return newTenant;
}

/**
 * An id of tenant `n`'s copy, as long as the original (VARCHAR(36) columns): a UUID-long id, case copies' ones
 * included, has its fourth group replaced by `t` and the tenant's number; a shorter engine id gets a suffix.
 */
function idOfTenant(db: SqlRunner, id: string, n: number): string {
  return `CASE WHEN length(${id}) = 36 THEN substr(${id}, 1, 19) || 't' || ${digits(db.dialect, String(n), 3)} || substr(${id}, 24) ELSE ${id} || '-t${n}' END`;
}

/** the tenant id of copy `n` (the same rule as idOfTenant, in JS) */
export function tenantCopy(id: string, n: number): string {
  return id.length === 36 ? `${id.slice(0, 19)}t${String(n).padStart(3, '0')}${id.slice(23)}` : `${id}-t${n}`;
}

async function tenantTables(db: SqlRunner): Promise<string[]> {
  if (db.dialect === 'postgres') {
    const rows = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'tenantId' ORDER BY 1`,
    );
    return rows.map((r) => r.t);
  }
  const tables = await db.query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const out: string[] = [];
  for (const { name } of tables) if ((await columnsOf(db, name)).some((c) => c.name === 'tenantId')) out.push(name);
  return out;
}
