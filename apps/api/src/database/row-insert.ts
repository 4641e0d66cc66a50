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
  const ds = 'manager' in on ? on : on.connection;
  const pg = ds.options.type === 'postgres';
  const table = ds.getMetadata(entity);
  const columns = table.columns.filter((c) => rows.some((row) => row[c.propertyName] !== undefined));
  const key = `${table.tableName}|${columns.map((c) => c.propertyName).join(',')}|${rows.length}|${onConflict ?? ''}|${pg}`;
  let sql = statements.get(key);
  if (!sql) {
    let n = 0;
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
  const added: unknown = await on.query(sql, values);
  return onConflict === 'ignore' && pg ? (added as { id: string }[]) : [];
}

const CHUNK = 100;
const statements = new Map<string, string>();
