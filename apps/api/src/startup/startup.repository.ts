import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { migrateUnderLock } from '../database/migrate';

/** What a start asks the database itself: migrate (once across processes), is it empty, refresh statistics. */
@Injectable()
export class StartupRepository {
  constructor(private readonly ds: DataSource) {}

  /** the TypeORM driver ('postgres', 'better-sqlite3') */
  get driver(): string {
    return this.ds.options.type;
  }

  /** migrates, then runs `then` while still holding the migration lock (one process seeds an empty database) */
  migrateUnderLock(then: () => Promise<void>): Promise<void> {
    return migrateUnderLock(this.ds, then);
  }

  async hasCounty(): Promise<boolean> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM tenant');
    return Number(n) > 0;
  }

  /** PostgreSQL: collects the planner's statistics for these tables now */
  async analyze(tables: string[]): Promise<void> {
    if (this.driver === 'postgres') await this.ds.query(`ANALYZE ${tables.join(', ')}`);
  }

  /** PostgreSQL: whether autovacuum is switched off for the server (never on SQLite) */
  async autovacuumOff(): Promise<boolean> {
    if (this.driver !== 'postgres') return false;
    const [{ autovacuum }] = await this.ds.query('SHOW autovacuum');
    return autovacuum === 'off';
  }
}
