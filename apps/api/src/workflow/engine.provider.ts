import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { DbGate } from '../database/db-gate';

/**
 * The one Engine of this process, over the app's database. On SQLite its transactions pass through the
 * same gate as HTTP requests (re-entrant, so an engine call inside a request runs straight through).
 */
export const engineProvider = {
  provide: Engine,
  inject: [DataSource, DbGate],
  useFactory: (ds: DataSource, gate: DbGate) => new Engine({ store: new TypeOrmStore(ds, (work) => gate.run(work)) }),
};
