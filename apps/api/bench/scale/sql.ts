/**
 * The generator's one way to talk to a database: a query function and its dialect. The bench passes a pg client
 * or a better-sqlite3 handle, the equivalence test the app's own DataSource, so one generator serves all three.
 */
export type Dialect = 'postgres' | 'sqlite';

export interface SqlRunner {
  dialect: Dialect;
  /** `$1`-style placeholders on PostgreSQL, `?` on SQLite */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** `"name"`: the schema's columns are camelCase, so every reference is quoted. */
export const q = (name: string): string => `"${name}"`;

/** An ISO-8601 text timestamp column moved `shiftMs` milliseconds into the past, in the same format the API writes. */
export function isoMinus(d: Dialect, column: string, shiftMs: string): string {
  return d === 'postgres'
    ? `to_char(((${column})::timestamptz - (${shiftMs}) * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '-' || ((${shiftMs}) / 1000) || ' seconds')`;
}

/** A number as `width` digits with leading zeros (both databases; PostgreSQL has lpad, SQLite has not). */
export function digits(d: Dialect, n: string, width: number): string {
  return d === 'postgres' ? `lpad((${n})::text, ${width}, '0')` : `substr('${'0'.repeat(width)}' || (${n}), -${width}, ${width})`;
}

/**
 * Copy `n` of an id, as long as the id: the schema's id columns are VARCHAR(36), exactly a UUID. A UUID keeps
 * its first 24 characters and ends in `tag` and the copy number (the tag is no hex digit, so no copy equals an
 * original); the engine's shorter ids get a `-tag` suffix.
 */
export function idCopy(d: Dialect, id: string, tag: string, n: string): string {
  return `CASE WHEN length(${id}) >= 30 THEN substr(${id}, 1, 24) || '${tag}' || ${digits(d, n, 11)} ELSE ${id} || '-${tag}' || (${n}) END`;
}

/** The columns of a table in their order (the copy statements name every one, so a new column is copied too). */
export async function columnsOf(db: SqlRunner, table: string): Promise<{ name: string; type: string }[]> {
  if (db.dialect === 'postgres') {
    return db.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
  }
  const rows = await db.query<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info(?)`, [table]);
  return rows.map((r) => ({ name: r.name, type: r.type.toLowerCase() }));
}

/** Binds parameters in the runner's placeholder style: `p(1)` is `$1` on PostgreSQL, `?` on SQLite. */
export const placeholder = (d: Dialect, i: number): string => (d === 'postgres' ? `$${i}` : '?');
