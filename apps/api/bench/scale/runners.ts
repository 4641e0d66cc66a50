import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { SqlRunner } from './sql';

/** The generator on PostgreSQL through one pg connection (the bench's, not the API's pool). */
export async function pgRunner(url: string): Promise<SqlRunner & { close(): Promise<void> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    dialect: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

/** The generator on the API's SQLite file, opened directly while no API process runs on it. */
export function sqliteRunner(file: string): SqlRunner & { close(): Promise<void> } {
  const db = new Database(file);
  return {
    dialect: 'sqlite',
    query: async <T>(sql: string, params: unknown[] = []) => {
      const stmt = db.prepare(sql);
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    },
    close: async () => void db.close(),
  };
}
