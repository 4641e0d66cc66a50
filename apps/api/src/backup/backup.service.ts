import * as fs from 'fs';
import * as path from 'path';
import type { AppConfig } from '../config/app-config';
import { appVersion } from './app-version';
import { describeFiles, packArchive, sha256File } from './backup-files';
import { BACKUP_FORMAT, BackupManifest } from './backup-manifest';
import { databaseTarget } from './database-target';

export interface BackupSummary {
  file: string;
  bytes: number;
  database: 'sqlite' | 'postgres';
  migrations: number;
  rows: Record<string, number>;
  files: number;
}

/**
 * One backup archive (.tar.gz): manifest.json, the database (SQLite online backup or pg_dump, one consistent
 * snapshot) and the attachments under DATA_DIR/files. The snapshot comes first: attachments are written before
 * the rows naming them commit and are never deleted, so every file the snapshot's rows name is then on disk.
 */
export async function takeBackup(config: AppConfig, out: string): Promise<BackupSummary> {
  const target = databaseTarget(config);
  const dest = path.resolve(out);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  // beside the archive: same disk, so nothing large goes through a small /tmp
  const staging = fs.mkdtempSync(path.join(path.dirname(dest), '.kcbx-backup-'));
  try {
    const dbFile = path.join(staging, target.fileName);
    const { migrations, rows } = await target.snapshot(dbFile);
    const filesDir = path.join(config.dataDir, 'files');
    const files = (await describeFiles(filesDir)).filter((f) => !f.path.endsWith('.tmp'));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      appVersion: appVersion(),
      database: { kind: target.kind, file: target.fileName, sha256: await sha256File(dbFile), bytes: fs.statSync(dbFile).size },
      migrations,
      rows,
      files,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    // the attachments are archived from where they are (a link, not a copy)
    if (files.length) fs.symlinkSync(filesDir, path.join(staging, 'files'), 'dir');
    await packArchive(staging, dest, ['manifest.json', target.fileName, ...files.map((f) => `files/${f.path}`)]);
    return { file: dest, bytes: fs.statSync(dest).size, database: target.kind, migrations: migrations.length, rows, files: files.length };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
