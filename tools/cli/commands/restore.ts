import * as path from 'path';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { printRefusal, runApiEntry } from '../database/api-entry';
import { CliError, EXIT } from '../errors';

interface Summary {
  createdAt: string;
  appVersion: string;
  database: string;
  rows: Record<string, number>;
  files: number;
  keptAside: { database: string | null; files: string | null };
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: {
    zh: '从备份文件恢复服务器的数据库和附件（须先停止服务）',
    en: "restore the server's database and attachments from a backup file (stop the server first)",
  },
  usage: 'restore <备份文件 backup file> [--replace]',
  help: {
    zh: `把 backup 生成的文件恢复到服务器使用的数据库（DATABASE_URL，否则 DATA_DIR/kcbx.sqlite）和 DATA_DIR/files。
恢复前先完整检查，有任何问题则不做任何更改：文件格式、数据库种类（SQLite/PostgreSQL）须与本服务器相同、
备份的数据库结构不能比本版本新（否则先升级程序）、每个文件的校验和、PostgreSQL 上没有其他连接（先 systemctl stop kcbx）。
目标数据库已有数据时须加 --replace：PostgreSQL 的全部表被删除后载入备份；SQLite 的原数据库文件和原附件目录改名保留在旁边
（*.before-restore-<时间>），确认无误后可删除。恢复后按备份清单核对各表行数。较旧版本的备份在下次启动服务时自动迁移。`,
    en: `Restores a file made by backup into the database the server uses (DATABASE_URL, else DATA_DIR/kcbx.sqlite) and DATA_DIR/files.
Everything is checked first and nothing is changed on any problem: the file's format, the database kind (SQLite/PostgreSQL)
must be this server's, the backup's schema must not be newer than this version (upgrade the program first), every checksum,
no other session on a PostgreSQL database (systemctl stop kcbx first).
A target database with data needs --replace: on PostgreSQL every table is dropped and the backup loaded; a SQLite file and
the attachments folder it replaces are renamed and kept beside them (*.before-restore-<time>) — delete them once satisfied.
The restored rows are counted against the backup's manifest. A backup from an older version is migrated at the next start.`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['replace'] });
    const file = args.positionals[0];
    if (!file) throw new CliError('请给出备份文件，例如 restore /var/backups/kcbx/2026-12-06.tar.gz', 'name the backup file to restore');
    const outcome = await runApiEntry<Summary>(io, 'backup/restore-main', [
      path.resolve(io.cwd, file),
      ...(args.options.replace ? ['--replace'] : []),
    ]);
    if (!outcome.ok) return printRefusal(io, outcome);
    const r = outcome.result;
    const rows = Object.entries(r.rows)
      .filter(([t]) => t !== 'migrations')
      .reduce((s, [, n]) => s + n, 0);
    io.out(`已恢复 / restored: 备份时间 taken ${r.createdAt}（版本 version ${r.appVersion}）`);
    io.out(`  数据库 database: ${r.database}，${rows} 行 rows（与备份清单一致 / as in the manifest）；附件 attachments: ${r.files}`);
    if (r.keptAside.database) io.out(`  原数据库保留在 / the replaced database is kept at: ${r.keptAside.database}`);
    if (r.keptAside.files) io.out(`  原附件保留在 / the replaced attachments are kept at: ${r.keptAside.files}`);
    return EXIT.ok;
  },
};
