import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';

export interface TableShape {
  name: string;
  columns: string[];
  /** primary key columns: rows are read in this order, a page at a time */
  key: string[];
}

export type Row = Record<string, unknown>;

/**
 * The export's reads, all inside ONE read snapshot of the server's database (PostgreSQL: a REPEATABLE READ, READ
 * ONLY transaction; SQLite: a read transaction on its own connection, which WAL keeps at one moment while the server
 * goes on writing) — so an export taken while clerks work has no half-written case, and does not hold them up.
 */
export interface CountyExportReader {
  kind: 'sqlite' | 'postgres';
  tables(): Promise<TableShape[]>;
  migrations(): Promise<string[]>;
  /** rows of `table` where `column` = `value`, in key order, `limit` from `offset` */
  page(table: TableShape, column: string, value: unknown, limit: number, offset: number): Promise<Row[]>;
  count(table: string, column: string, value: unknown): Promise<number>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function openExportReader(config: AppConfig): Promise<CountyExportReader> {
  return config.database.kind === 'postgres' ? openPostgres(config.database.url) : openSqlite(config.database.file);
}

function openSqlite(file: string): CountyExportReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.exec('BEGIN');
  // a deferred transaction takes its snapshot at the first read: this one
  db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  return {
    kind: 'sqlite',
    async tables() {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
      }[];
      return names.map(({ name }) => {
        const info = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; pk: number }[];
        const key = info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        return { name, columns: info.map((c) => c.name), key: key.length ? key : ['rowid'] };
      });
    },
    async migrations() {
      return (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((m) => m.name);
    },
    async page(table, column, value, limit, offset) {
      const order = table.key.map(quote).join(', ');
      return db
        .prepare(`SELECT * FROM ${quote(table.name)} WHERE ${quote(column)} = ? ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(value, limit, offset) as Row[];
    },
    async count(table, column, value) {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)} WHERE ${quote(column)} = ?`).get(value) as { n: number }).n;
    },
    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<CountyExportReader> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    kind: 'postgres',
    async tables() {
      const cols = await c.query(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
      );
      const keys = await c.query(
        `SELECT tc.table_name AS t, kcu.column_name AS c FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu
             ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
          WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
          ORDER BY tc.table_name, kcu.ordinal_position`,
      );
      const byTable = new Map<string, TableShape>();
      for (const r of cols.rows as { t: string; c: string }[]) {
        const shape = byTable.get(r.t) ?? { name: r.t, columns: [], key: [] };
        shape.columns.push(r.c);
        byTable.set(r.t, shape);
      }
      for (const r of keys.rows as { t: string; c: string }[]) byTable.get(r.t)?.key.push(r.c);
      return [...byTable.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    async migrations() {
      return (await c.query('SELECT name FROM migrations ORDER BY id')).rows.map((m: { name: string }) => m.name);
    },
    async page(table, column, value, limit, offset) {
      const order = (table.key.length ? table.key : table.columns).map(quote).join(', ');
      const r = await c.query(`SELECT * FROM ${quote(table.name)} WHERE ${quote(column)} = $1 ORDER BY ${order} LIMIT $2 OFFSET $3`, [
        value,
        limit,
        offset,
      ]);
      return r.rows as Row[];
    },
    async count(table, column, value) {
      return Number((await c.query(`SELECT COUNT(*) AS n FROM ${quote(table)} WHERE ${quote(column)} = $1`, [value])).rows[0].n);
    },
    async close() {
      await c.query('COMMIT').catch(() => undefined);
      await c.end();
    },
  };
}

/** the county by its code, read in the same snapshot */
export async function findCounty(reader: CountyExportReader, code: string): Promise<Row | null> {
  const tenant = (await reader.tables()).find((t) => t.name === 'tenant');
  if (!tenant) return null;
  const [row] = await reader.page(tenant, 'code', code, 1, 0);
  return row ?? null;
}
