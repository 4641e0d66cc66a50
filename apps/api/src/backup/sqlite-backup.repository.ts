import Database from 'better-sqlite3';
import * as fs from 'fs';

const SIDE_FILES = ['-wal', '-shm'];

/** The SQLite side of backup and restore: better-sqlite3 on the database file itself, beside the server's connection. */
export class SqliteBackupRepository {
  /**
   * A consistent copy through SQLite's online backup API, taken in ONE step (one read transaction): copied in
   * chunks, every commit of the server's connection would restart it, and a busy server could keep it from ever
   * finishing. The copy is then made self-contained (rollback journal instead of WAL), so it is one file.
   */
  async snapshot(source: string, dest: string): Promise<void> {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      await db.backup(dest, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const copy = new Database(dest);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }

  /** migrations applied (in order) and rows per table of a database file; a file with no tables has neither */
  describe(file: string): { migrations: string[]; rows: Record<string, number> } {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      const rows: Record<string, number> = {};
      for (const t of tables) rows[t] = (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
      const migrations = tables.includes('migrations')
        ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((m) => m.name)
        : [];
      return { migrations, rows };
    } finally {
      db.close();
    }
  }

  hasData(file: string): boolean {
    if (!fs.existsSync(file)) return false;
    const rows = this.describe(file).rows;
    return Object.entries(rows).some(([t, n]) => t !== 'migrations' && n > 0);
  }

  remove(file: string): void {
    for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) fs.rmSync(f, { force: true });
  }

  /** the restored file takes the database's place; the one it replaces (with its WAL) is kept beside it as `aside` */
  replace(file: string, restored: string, aside: string): boolean {
    const had = fs.existsSync(file);
    if (had) fs.renameSync(file, aside);
    for (const side of SIDE_FILES) {
      if (fs.existsSync(file + side)) fs.renameSync(file + side, aside + side);
    }
    fs.copyFileSync(restored, `${file}.restoring`);
    fs.renameSync(`${file}.restoring`, file);
    return had;
  }
}
