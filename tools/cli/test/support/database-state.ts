import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';

/** A plain connection to a test database (no app, no migrations): what a restore left is read as it is. */
export async function openDatabase(db: { url?: string; dataDir: string }): Promise<DataSource> {
  const ds = new DataSource(
    db.url ? { type: 'postgres', url: db.url } : { type: 'better-sqlite3', database: path.join(db.dataDir, 'kcbx.sqlite') },
  );
  return ds.initialize();
}

/** table → sha256 over its rows (each row as JSON, sorted): equal digests, equal rows */
export async function tableDigests(ds: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] =
    ds.options.type === 'postgres'
      ? await ds.query('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1')
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM "${name}"`);
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      )
      .sort();
    out[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return out;
}

/** path under DATA_DIR/files → sha256 of its bytes */
export function fileDigests(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return {};
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }).map(String).sort()) {
    const full = path.join(root, rel);
    if (fs.statSync(full).isFile()) out[rel] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}
