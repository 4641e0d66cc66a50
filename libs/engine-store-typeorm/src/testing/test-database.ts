import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { DataSource, EntitySchema } from 'typeorm';
import { ENGINE_SCHEMAS } from '../engine-tables';
import { DecisionTable1733610000000 } from '../decision-table.migration';
import { EngineTables1732900000000 } from '../engine-tables.migration';
import { SubscriptionKind1733510000000 } from '../subscription-kind.migration';
import { ExternalJobTopic1733840000000 } from '../external-job-topic.migration';
import { LeanerEngineIndexes1733940000000 } from '../leaner-engine-indexes.migration';

/**
 * A fresh database for one suite: SQLite in a temp folder by default, PostgreSQL (a database of its own, dropped
 * afterwards) when TEST_DATABASE_URL is set — the same suites run on both.
 */
export const pgBase = process.env.TEST_DATABASE_URL;
export const dialect = pgBase ? 'PostgreSQL' : 'SQLite';

export interface TestDatabase {
  url?: string;
  file?: string;
  drop(): Promise<void>;
}

export async function openDatabase(): Promise<TestDatabase> {
  if (!pgBase) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-store-'));
    return { file: path.join(dir, 'store.sqlite'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kcbx_store_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** a host's own table, written beside engine commands; created by the suites (createNoteTable), not a migration */
export interface Note {
  id: string;
  note: string;
}
export const NOTE = new EntitySchema<Note>({
  name: 'side_note',
  columns: { id: { type: 'varchar', length: 80, primary: true }, note: { type: 'varchar', length: 80 } },
});

export function dataSource(db: TestDatabase): DataSource {
  const common = {
    entities: [...Object.values(ENGINE_SCHEMAS), NOTE],
    migrations: [
      EngineTables1732900000000,
      SubscriptionKind1733510000000,
      DecisionTable1733610000000,
      ExternalJobTopic1733840000000,
      LeanerEngineIndexes1733940000000,
    ],
  };
  return db.url
    ? new DataSource({ ...common, type: 'postgres', url: db.url, extra: { max: 30 } })
    : new DataSource({ ...common, type: 'better-sqlite3', database: db.file! });
}

/** the engine's tables and the host's note table on a fresh database */
export async function migratedDataSource(db: TestDatabase): Promise<DataSource> {
  const ds = dataSource(db);
  await ds.initialize();
  await ds.runMigrations();
  await ds.query('CREATE TABLE side_note ("id" varchar(80) PRIMARY KEY, "note" varchar(80) NOT NULL)');
  return ds;
}
