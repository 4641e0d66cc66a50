/**
 * Named parameters (`:name`, and `:...name` for a list) turned into the driver's positional ones: `$1…` on
 * PostgreSQL (a name used twice is bound once), `?` on SQLite (bound once per use). Our own few lines instead of
 * TypeORM's driver internals, for SQL written by hand or built once by a query builder and kept (`getQuery()`
 * leaves the names in). Only names present in `params` are replaced, so `::json` casts and literals are left alone.
 */
export function positional(dialect: 'postgres' | 'sqlite', sql: string, params: Record<string, unknown>): [string, unknown[]] {
  const values: unknown[] = [];
  const pgIndex = new Map<string, number>();
  const bind = (name: string, value: unknown): string => {
    if (dialect === 'sqlite') {
      values.push(typeof value === 'boolean' ? Number(value) : value);
      return '?';
    }
    let at = pgIndex.get(name);
    if (at === undefined) pgIndex.set(name, (at = values.push(value)));
    return `$${at}`;
  };
  const text = sql.replace(/(?<![:\w]):(\.\.\.)?([A-Za-z_]\w*)/g, (whole, spread: string | undefined, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (!spread) return bind(name, value);
    const list = value as unknown[];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`named parameter :...${name} needs a non-empty list`);
    return list.map((item, i) => bind(`${name}#${i}`, item)).join(', ');
  });
  return [text, values];
}
