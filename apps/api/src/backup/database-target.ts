import type { AppConfig } from '../config/app-config';
import { PostgresBackupRepository } from './postgres-backup.repository';
import { SqliteBackupRepository } from './sqlite-backup.repository';

export interface Described {
  migrations: string[];
  rows: Record<string, number>;
}

/** One database, whichever kind the configuration names, as backup and restore need it. */
export interface DatabaseTarget {
  kind: 'sqlite' | 'postgres';
  /** the database's name inside the archive */
  fileName: string;
  /** a consistent copy into `dest`, with the migrations and row counts of exactly that copy */
  snapshot(dest: string): Promise<Described>;
  describe(): Promise<Described>;
  hasData(): Promise<boolean>;
  /** sessions of other processes (PostgreSQL); SQLite cannot tell, and says 0 */
  otherSessions(): Promise<number>;
  /**
   * puts the backup's database in place of whatever is there (PostgreSQL: every table dropped first); a SQLite file
   * with data (`keep`) is kept beside it and its name returned
   */
  replace(restored: string, stamp: string, keep: boolean): Promise<string | null>;
}

export function databaseTarget(config: AppConfig): DatabaseTarget {
  const db = config.database;
  if (db.kind === 'postgres') {
    const repo = new PostgresBackupRepository(db.url);
    return {
      kind: 'postgres',
      fileName: 'database.pgdump',
      snapshot: (dest) => repo.snapshot(dest),
      describe: () => repo.describe(),
      hasData: () => repo.hasData(),
      otherSessions: () => repo.otherSessions(),
      async replace(restored) {
        await repo.dropAllTables();
        await repo.load(restored);
        return null;
      },
    };
  }
  const repo = new SqliteBackupRepository();
  return {
    kind: 'sqlite',
    fileName: 'database.sqlite',
    snapshot: async (dest) => (await repo.snapshot(db.file, dest), repo.describe(dest)),
    describe: async () => repo.describe(db.file),
    hasData: async () => repo.hasData(db.file),
    otherSessions: async () => 0,
    async replace(restored, stamp, keep) {
      const aside = `${db.file}.before-restore-${stamp}`;
      const replaced = repo.replace(db.file, restored, aside);
      if (replaced && !keep) repo.remove(aside);
      return replaced && keep ? aside : null;
    },
  };
}
