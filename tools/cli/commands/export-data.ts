import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { printRefusal, runApiEntry } from '../database/api-entry';
import { CliError, EXIT } from '../errors';

interface Summary {
  dir: string;
  county: string;
  name: string;
  tables: number;
  rows: number;
  forms: number;
  procedures: number;
  cases: number;
  attachments: number;
  missingAttachments: number;
}

export const exportDataCommand: Command = {
  name: 'export-data',
  summary: {
    zh: '导出一个县的全部数据（表单、流程、案件及历史、台账、学生、附件）为有说明的 JSON/CSV',
    en: "export all of a county's data (forms, procedures, cases with history, ledgers, students, attachments) as documented JSON/CSV",
  },
  usage: 'export-data --county <县代码 code> --out <目录 dir> [--force]',
  help: {
    zh: `直接从服务器使用的数据库（DATABASE_URL，否则 DATA_DIR/kcbx.sqlite，与 npm start 相同）导出一个县的全部数据，
在同一个数据库快照中读取（服务运行时也可导出，不会有做了一半的案件）。目录中有：
  README.md（中英文格式说明）、manifest.json（各表行数、文件清单与 SHA-256）、
  tables/<表>.json 与 tables/<表>.csv（UTF-8 带 BOM，Excel 可直接打开）、forms/<key>/v<版本>.form.json、
  procedures/<key>/v<版本>.bpmn、cases/<案件id>.json（案件及其步骤、历史、表单）、attachments/<id>/<文件名>
用户不含密码散列。目录已存在且不为空时须加 --force。格式说明也见部署指南“数据导出”。
示例：npm run tools -- export-data --county 640422 --out /var/backups/kcbx/export-640422`,
    en: `Exports all of one county's data straight from the database the server uses (DATABASE_URL, else
DATA_DIR/kcbx.sqlite, as npm start), read in one database snapshot (safe while the server runs: no half-done case).
The folder holds README.md (the format, Chinese and English), manifest.json (rows per table, files and SHA-256),
tables/<table>.json and tables/<table>.csv (UTF-8 with BOM: Excel opens it), forms/<key>/v<version>.form.json,
procedures/<key>/v<version>.bpmn, cases/<instance id>.json (a case with its steps, history and forms) and
attachments/<id>/<file name>. Users come without password hashes. A non-empty folder needs --force.
The format is also in the deployment guide ("Data export").
Example: npm run tools -- export-data --county 640422 --out /var/backups/kcbx/export-640422`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['county', 'out'], flags: ['force'] });
    const county = stringOption(args, 'county');
    const out = stringOption(args, 'out');
    if (!county || !/^\d{6}$/.test(county))
      throw new CliError('请用 --county 指定六位县区代码，例如 --county 640422', 'name the county with --county and its six-digit code');
    if (!out) throw new CliError('请用 --out 指定导出目录', 'name the output folder with --out');
    const outcome = await runApiEntry<Summary>(io, 'data-export/export-data-main', [
      county,
      path.resolve(io.cwd, out),
      args.options.force ? '--force' : '',
    ]);
    if (!outcome.ok) return printRefusal(io, outcome);
    const r = outcome.result;
    io.out(`已导出 ${r.name}（${r.county}）到 ${r.dir}`);
    io.out(`exported ${r.county} to ${r.dir}`);
    io.out(`  ${r.tables} 张表 tables，${r.rows} 行 rows；表单版本 form versions ${r.forms}，流程版本 procedure versions ${r.procedures}`);
    io.out(`  案件 cases ${r.cases}，附件 attachments ${r.attachments}；格式说明 format: ${path.join(r.dir, 'README.md')}`);
    if (r.missingAttachments > 0) {
      io.err(
        `注意：${r.missingAttachments} 个附件的文件不在 DATA_DIR/files 中，未导出（见 manifest.json 的 missingAttachments）\n` +
          `note: ${r.missingAttachments} attachment files are missing from DATA_DIR/files and were not exported (manifest.json, missingAttachments)`,
      );
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};
