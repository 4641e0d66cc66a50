import * as fs from 'fs';
import * as path from 'path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { FOUNDATION_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { API_SESSION_OPTIONS, preparingPgDriver } from './prepared-pg';

/**
 * libpq's `?host=/var/run/postgresql` names a Unix socket folder. TypeORM's URL parser drops query
 * parameters, so it is passed to the pool here: on one machine a socket costs far less per query than TCP.
 */
function socketHost(url: string): { host?: string } {
  const host = new URL(url).searchParams.get('host');
  return host?.startsWith('/') ? { host } : {};
}

/** The one switch between the embedded SQLite default and PostgreSQL. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const entities = [...FOUNDATION_ENTITIES, ...Object.values(ENGINE_SCHEMAS)];
  const migrations = MIGRATIONS;
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      driver: preparingPgDriver,
      url: config.database.url,
      extra: { max: 20, options: API_SESSION_OPTIONS, ...socketHost(config.database.url) },
    };
  }
  fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.file,
    // WAL lets readers go on while one writer commits; busy_timeout waits instead of failing on a lock.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // The default 2 MB page cache thrashes on register-sized joins; 64 MB and memory-mapped reads do not.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      db.pragma('temp_store = MEMORY');
    },
  };
}

export function createDataSource(config: AppConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
