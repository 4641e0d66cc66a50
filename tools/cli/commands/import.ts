import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import type { ApiClient } from '../http/api-client';
import { SERVER_HELP, SERVER_OPTIONS, serverClient } from '../http/server-options';
import type { Io } from '../io';
import type { CountyPackage, ImportReport } from '../package/county-package';
import { readPackageDir } from '../package/package-dir';
import { printImportReport } from '../package/print-report';

export const importCommand: Command = {
  name: 'import',
  summary: {
    zh: '把数据包目录导入登录用户所在的县（只增不删，可重复执行；--dry-run 只预览）',
    en: "import a package folder into the logged-in user's county (additive, repeatable; --dry-run previews)",
  },
  usage: 'import <目录 dir> --url <地址> --token <令牌> [--dry-run] [--forms <目录>] [--workflows <目录>] [--initial-password <密码>]',
  help: {
    zh: `读取 export 写出的目录（或 new-county 生成的目录）并导入服务器上登录用户所在的县：
  单位按代码、角色按 key、用户按用户名对应；缺少的新增，名称与权限有变的更新，不删除、不移动任何东西；
  表单与流程经检查后部署（内容相同不产生新版本）。任何一处有问题则整包拒绝，不做任何更改。
  数据包的县代码必须与登录用户的县相同。
--dry-run：只预览将要发生的更改。
--forms / --workflows：表单与流程从其他目录读取（默认是数据包目录下的 forms/ 与 workflows/）。
--initial-password：新建用户的初始密码；不给则新用户须由管理员设置密码后才能登录。
${SERVER_HELP.zh}`,
    en: `Reads a folder written by export (or made by new-county) into the logged-in user's county on the server:
  units are matched by code, roles by key, users by username; missing ones are added, changed names and
  permissions updated, nothing is deleted or moved; forms and procedures are checked and deployed (same
  content, no new version). Any problem refuses the whole package and changes nothing. The package's county
  code must be the logged-in user's county.
--dry-run: only show what would change.
--forms / --workflows: take forms and procedures from other folders (default: forms/ and workflows/ inside).
--initial-password: password for the users the import creates; without it they cannot log in until an
administrator sets one.
${SERVER_HELP.en}`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: [...SERVER_OPTIONS, 'forms', 'workflows', 'initial-password'], flags: ['dry-run'] });
    if (args.positionals.length !== 1) throw new CliError('请指定一个数据包目录', 'name one package folder');
    const client = serverClient(args, io);
    const dir = path.resolve(io.cwd, args.positionals[0]);
    const forms = stringOption(args, 'forms');
    const workflows = stringOption(args, 'workflows');
    const pkg = readPackageDir(dir, io.cwd, { forms: forms ? [forms] : undefined, workflows: workflows ? [workflows] : undefined });
    return sendPackage(client, io, pkg, {
      dryRun: args.options['dry-run'] === true,
      initialPassword: stringOption(args, 'initial-password'),
    });
  },
};

/** POSTs a package and prints the report; shared with seed. */
export async function sendPackage(
  client: ApiClient,
  io: Io,
  pkg: CountyPackage,
  opts: { dryRun: boolean; initialPassword?: string },
): Promise<number> {
  const report = await client.post<ImportReport>(`/admin/county-package${opts.dryRun ? '?dryRun=true' : ''}`, {
    ...pkg,
    ...(opts.initialPassword ? { initialPassword: opts.initialPassword } : {}),
  });
  printImportReport(io, report);
  return report.problems.length > 0 ? EXIT.problems : EXIT.ok;
}
