import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { printRefusal, runApiEntry } from '../database/api-entry';
import { CliError, EXIT } from '../errors';

interface Summary {
  file: string;
  bytes: number;
  database: string;
  migrations: number;
  rows: Record<string, number>;
  files: number;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: {
    zh: '把服务器的数据库和附件备份为一个文件（服务运行时也可以做，得到一致的快照）',
    en: "back up the server's database and attachments into one file (also while it runs: a consistent snapshot)",
  },
  usage: 'backup --out <文件 file.tar.gz>',
  help: {
    zh: `备份服务器使用的数据库（DATABASE_URL，否则 DATA_DIR/kcbx.sqlite，与 npm start 相同）和 DATA_DIR/files 中的全部附件，
写成一个 .tar.gz 文件：manifest.json（版本、数据库结构的迁移列表、各表行数、每个文件的 SHA-256）、数据库
（SQLite 在线备份 API 的一致副本，或 PostgreSQL 的 pg_dump 自定义格式，同一快照）和 files/。
服务运行时也可备份：快照是某一时刻的完整状态，不会有做了一半的办理步骤。PostgreSQL 需要 pg_dump（postgresql-client，主版本不低于服务器）。
定时备份见部署指南（BACKUP_DIR、BACKUP_DAILY_AT、BACKUP_KEEP）。恢复：restore <文件>。`,
    en: `Backs up the database the server uses (DATABASE_URL, else DATA_DIR/kcbx.sqlite, as npm start) and every attachment in
DATA_DIR/files into one .tar.gz: manifest.json (version, the schema's migrations, rows per table, SHA-256 of every file),
the database (a consistent copy by SQLite's online backup API, or PostgreSQL's pg_dump custom format, one snapshot) and files/.
Safe while the server runs: the snapshot is one moment's whole state, with no half-done step. PostgreSQL needs pg_dump
(postgresql-client, major version at least the server's). Scheduled backups: see the deployment guide (BACKUP_DIR,
BACKUP_DAILY_AT, BACKUP_KEEP). To restore: restore <file>.`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['out'] });
    const out = stringOption(args, 'out') ?? args.positionals[0];
    if (!out)
      throw new CliError('请用 --out 指定备份文件，例如 --out /var/backups/kcbx/2026-12-06.tar.gz', 'name the backup file with --out');
    const outcome = await runApiEntry<Summary>(io, 'backup/backup-main', [path.resolve(io.cwd, out)]);
    if (!outcome.ok) return printRefusal(io, outcome);
    const r = outcome.result;
    const rows = Object.entries(r.rows)
      .filter(([t]) => t !== 'migrations')
      .reduce((s, [, n]) => s + n, 0);
    io.out(`已备份 / backed up: ${r.file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB）`);
    io.out(
      `  数据库 database: ${r.database}，${r.migrations} 个迁移 migrations，${Object.keys(r.rows).length} 张表 tables，${rows} 行 rows`,
    );
    io.out(`  附件 attachments: ${r.files} 个文件 files`);
    return EXIT.ok;
  },
};
