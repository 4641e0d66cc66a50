import { AppError } from '../common/app-error';

export const BACKUP_FORMAT = 'kcbx-backup/1';

/** `manifest.json` at the top of every backup archive (docs/deploy/zh-CN.md, "备份文件的内容"). */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** package.json version of the code that took it */
  appVersion: string;
  database: { kind: 'sqlite' | 'postgres'; file: string; sha256: string; bytes: number };
  /** migrations applied in the database when it was taken, in order */
  migrations: string[];
  /** rows per table, counted in the same snapshot the database file holds */
  rows: Record<string, number>;
  /** attachments (DATA_DIR/files), by path under files/ */
  files: { path: string; sha256: string; bytes: number }[];
}

/**
 * A backup can be restored by this code only if every migration it had is one this code knows: a database from a
 * newer version has tables and columns this version would misread (and its next start could not migrate it).
 */
export function refuseNewerSchema(manifest: Pick<BackupManifest, 'migrations' | 'appVersion'>, known: string[], appVersion: string): void {
  const knownSet = new Set(known);
  const unknown = manifest.migrations.filter((m) => !knownSet.has(m));
  if (unknown.length) {
    throw new AppError(
      'BACKUP_SCHEMA_NEWER',
      { backupVersion: manifest.appVersion, version: appVersion, migrations: unknown },
      unknown.map((m) => ({ field: 'migrations', message: m })),
    );
  }
}

export function parseManifest(text: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(text);
  } catch {
    throw notABackup('manifest.json is not JSON');
  }
  if (m?.format !== BACKUP_FORMAT || !m.database || !Array.isArray(m.migrations) || !Array.isArray(m.files)) {
    throw notABackup(`format is ${JSON.stringify(m?.format)}, expected ${BACKUP_FORMAT}`);
  }
  return m;
}

export function notABackup(why: string): AppError {
  return new AppError('BACKUP_INVALID', { why });
}
