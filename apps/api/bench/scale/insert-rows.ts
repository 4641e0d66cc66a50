import { placeholder, type SqlRunner } from './sql';

/** Multi-row INSERT of plain values, in chunks the drivers accept (SQLite binds at most 32,766 values). */
export async function insertRows(db: SqlRunner, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const chunk = Math.max(1, Math.floor(30000 / cols.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    let n = 0;
    const values = part.map((r) => `(${r.map(() => placeholder(db.dialect, ++n)).join(', ')})`).join(', ');
    await db.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values}`, part.flat());
  }
}
