import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * INSERT of entity rows with SQL written once per entity, column set and row count, values bound as TypeORM would
 * store them (simple-json as JSON text, booleans as 0/1 on SQLite). TypeORM's `insert()` builds its statement,
 * escapes every name and maps every value through its metadata on each call; on the completion path (the form
 * submission, the audit entry, the notice) that building cost more API CPU than the database's work. A column every
 * row leaves undefined is left out, so its default applies as with `insert()`; one that only some rows set is NULL
 * in the others. At most 100 rows a statement, under both dialects' limits on bound values.
 *
 * `onConflict: 'ignore'` (PostgreSQL) adds `ON CONFLICT DO NOTHING RETURNING "id"`: the rows that were added.
 */
export async function insertRows<T extends ObjectLiteral>(
  on: DataSource | EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
  onConflict?: 'ignore',
): Promise<{ id: string }[]> {
  if (rows.length > CHUNK) {
    const added: { id: string }[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) added.push(...(await insertRows(on, entity, rows.slice(i, i + CHUNK), onConflict)));
    return added;
  }
  if (!rows.length) return [];
  const pg = dataSourceOf(on).options.type === 'postgres';
  const { sql, values } = insertStatement(on, { entity, rows }, 0, onConflict);
  const added: unknown = await on.query(sql, values);
  return onConflict === 'ignore' && pg ? (added as { id: string }[]) : [];
}

/** Rows for one table, as a repository hands them to another's write (`insertTogether`). */
export interface PendingRows<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: T[];
}

/**
 * Rows of several tables written together: on PostgreSQL in ONE statement (a data-modifying CTE per table, each
 * run exactly once whether or not anything reads it), on SQLite one INSERT per table, in the order given. A
 * completion's form submission and audit entry were two round trips in its transaction; each round trip costs
 * both processes more CPU than the insert itself does.
 */
export async function insertTogether(on: DataSource | EntityManager, parts: PendingRows[]): Promise<void> {
  const present = parts.filter((p) => p.rows.length);
  if (present.length < 2 || dataSourceOf(on).options.type !== 'postgres' || present.some((p) => p.rows.length > CHUNK)) {
    for (const p of present) await insertRows(on, p.entity, p.rows);
    return;
  }
  const texts: string[] = [];
  const values: unknown[] = [];
  for (const p of present) {
    const s = insertStatement(on, p, values.length);
    texts.push(`w${texts.length} AS (${s.sql})`);
    values.push(...s.values);
  }
  await on.query(`WITH ${texts.join(', ')} SELECT 1`, values);
}

function dataSourceOf(on: DataSource | EntityManager): DataSource {
  return 'manager' in on ? on : on.connection;
}

/** the INSERT of `part` (at most CHUNK rows), its placeholders numbered after `offset` (PostgreSQL) */
function insertStatement(on: DataSource | EntityManager, part: PendingRows, offset: number, onConflict?: 'ignore') {
  const { entity, rows } = part;
  const ds = dataSourceOf(on);
  const pg = ds.options.type === 'postgres';
  const table = ds.getMetadata(entity);
  const columns = table.columns.filter((c) => rows.some((row) => row[c.propertyName] !== undefined));
  const key = `${table.tableName}|${columns.map((c) => c.propertyName).join(',')}|${rows.length}|${onConflict ?? ''}|${pg}|${offset}`;
  let sql = statements.get(key);
  if (!sql) {
    let n = offset;
    const tuple = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    sql =
      `INSERT INTO "${table.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${rows.map(tuple).join(', ')}` +
      (onConflict === 'ignore' && pg ? ' ON CONFLICT DO NOTHING RETURNING "id"' : '');
    statements.set(key, sql);
  }
  const values = rows.flatMap((row) =>
    columns.map((c) => {
      const v: unknown = row[c.propertyName];
      if (v === null || v === undefined) return null;
      if (c.type === 'simple-json') return JSON.stringify(v);
      return typeof v === 'boolean' && !pg ? Number(v) : v;
    }),
  );
  return { sql, values };
}

const CHUNK = 100;
const statements = new Map<string, string>();
