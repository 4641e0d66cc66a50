import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { DbGate } from '../database/db-gate';

/**
 * The one Engine of this process, over the app's database. On SQLite its transactions pass through the
 * same gate as HTTP requests (re-entrant, so an engine call inside a request runs straight through).
 */
export const engineProvider = {
  provide: Engine,
  inject: [DataSource, DbGate, APP_CONFIG],
  useFactory: (ds: DataSource, gate: DbGate, config: AppConfig) =>
    new Engine({ store: new TypeOrmStore(ds, (work) => gate.run(work)), jobLockMs: config.jobLockMs }),
};
