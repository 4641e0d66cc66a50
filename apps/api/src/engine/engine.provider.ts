import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { DbGate } from '../database/db-gate';
import { CountyCalendars } from '../calendar/county-calendars.service';

/**
 * The engine's store over the app's database. On SQLite its transactions pass through the same gate as HTTP
 * requests (re-entrant, so an engine call inside a request runs straight through). Services that must write
 * their own rows in an engine command's transaction (a step's form submission) pass `sideWrites` to the command;
 * service handlers write through `ctx.tx`. Both get an EntityManager bound to that transaction.
 */
export const engineStoreProvider = {
  provide: TypeOrmStore,
  inject: [DataSource, DbGate],
  useFactory: (ds: DataSource, gate: DbGate) => new TypeOrmStore(ds, (work) => gate.run(work)),
};

/** The one Engine of this process, over that store. */
export const engineProvider = {
  provide: Engine,
  inject: [TypeOrmStore, APP_CONFIG, CountyCalendars],
  useFactory: (store: TypeOrmStore, config: AppConfig, calendar: CountyCalendars) =>
    new Engine({ store, jobLockMs: config.jobLockMs, calendar }),
};
