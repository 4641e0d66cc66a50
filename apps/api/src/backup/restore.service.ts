import * as fs from 'fs';
import * as path from 'path';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from '../database/migrations';
import { appVersion, knownMigrations } from './app-version';
import { listFiles, sha256File, unpackArchive } from './backup-files';
import { BackupManifest, notABackup, parseManifest, refuseNewerSchema } from './backup-manifest';
import { databaseTarget } from './database-target';

export interface RestoreSummary {
  createdAt: string;
  appVersion: string;
  database: 'sqlite' | 'postgres';
  rows: Record<string, number>;
  files: number;
  /** where what the restore replaced was kept (SQLite file, attachments folder); null when there was nothing */
  keptAside: { database: string | null; files: string | null };
}

/**
 * Puts a backup back: checked whole before anything is touched (format, database kind, schema not newer than this
 * code, every checksum, no other session on a PostgreSQL database, an existing county only with `replace`), then
 * the database and the attachments take the place of what was there, and the restored rows are counted against
 * the manifest. The server must be stopped; its next start migrates an older backup to this version.
 */
export async function restoreBackup(config: AppConfig, archive: string, opts: { replace: boolean }): Promise<RestoreSummary> {
  if (!fs.existsSync(archive)) {
    throw new AppError('BACKUP_NOT_FOUND', { archive });
  }
  const target = databaseTarget(config);
  fs.mkdirSync(config.dataDir, { recursive: true });
  // inside DATA_DIR: the attachments are then moved into place by a rename on the same disk
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
  try {
    await unpackArchive(archive, staging).catch((e: Error) => {
      throw notABackup(e.message);
    });
    const manifestFile = path.join(staging, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw notABackup('no manifest.json');
    const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.database.kind !== target.kind) {
      throw new AppError('BACKUP_KIND_MISMATCH', { backupKind: manifest.database.kind, kind: target.kind });
    }
    refuseNewerSchema(manifest, knownMigrations(MIGRATIONS), appVersion());
    await verifyChecksums(staging, manifest);
    const others = await target.otherSessions();
    if (others > 0) {
      throw new AppError('RESTORE_DATABASE_IN_USE', { count: others });
    }
    const hasData = await target.hasData();
    if (hasData && !opts.replace) {
      throw new AppError('RESTORE_TARGET_NOT_EMPTY');
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dbAside = await target.replace(path.join(staging, manifest.database.file), stamp, hasData);
    const filesAside = replaceFiles(path.join(config.dataDir, 'files'), path.join(staging, 'files'), stamp);
    const after = await target.describe();
    const differing = Object.keys({ ...manifest.rows, ...after.rows }).filter((t) => manifest.rows[t] !== after.rows[t]);
    if (differing.length) {
      throw new AppError('RESTORE_VERIFY_FAILED', { tables: differing });
    }
    return {
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      database: target.kind,
      rows: after.rows,
      files: manifest.files.length,
      keptAside: { database: hasData ? dbAside : null, files: filesAside },
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function verifyChecksums(staging: string, m: BackupManifest): Promise<void> {
  const damaged: string[] = [];
  const check = async (rel: string, sha256: string) => {
    const file = path.join(staging, rel);
    if (!fs.existsSync(file) || (await sha256File(file)) !== sha256) damaged.push(rel);
  };
  await check(m.database.file, m.database.sha256);
  for (const f of m.files) await check(`files/${f.path}`, f.sha256);
  if (damaged.length) {
    throw new AppError(
      'BACKUP_DAMAGED',
      { count: damaged.length, files: damaged.slice(0, 5) },
      damaged.map((f) => ({ field: 'file', message: f })),
    );
  }
}

/** the backup's attachments take the folder's place; a non-empty folder they replace is kept beside it */
function replaceFiles(filesDir: string, restored: string, stamp: string): string | null {
  let aside: string | null = null;
  if (listFiles(filesDir).length) {
    aside = `${filesDir}.before-restore-${stamp}`;
    fs.renameSync(filesDir, aside);
  } else {
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
  if (fs.existsSync(restored)) fs.renameSync(restored, filesDir);
  else fs.mkdirSync(filesDir, { recursive: true });
  return aside;
}
