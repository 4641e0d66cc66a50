import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { SERVER_HELP, SERVER_OPTIONS, serverClient } from '../http/server-options';
import { seedDatabase } from '../package/database-seed';
import { readPackageDir } from '../package/package-dir';
import { sendPackage } from './import';

/** `counties/<code>/forms` when the county has its own, else the repository's forms/ (Xiji's, the default). */
function sourceDirs(countyDir: string, cwd: string, sub: 'forms' | 'workflows'): string[] {
  for (const dir of [path.join(countyDir, sub), path.join(cwd, sub)]) if (fs.existsSync(dir)) return [dir];
  return [];
}

export const seedCommand: Command = {
  name: 'seed',
  summary: {
    zh: '把仓库中某县的数据（counties/<代码>/ 及其表单、流程）装入服务器，演示用户带初始密码',
    en: "load a county's shipped data (counties/<code>/ with its forms and procedures) into a server, demo users with a password",
  },
  usage: 'seed [--county <代码 code>] [--dir <目录>] [--password <密码>] [--dry-run] (--url <地址> --token <令牌> | --database)',
  help: {
    zh: `把仓库里随附的县数据装入服务器上登录用户所在的县（用该县的管理员令牌）：
  单位树、角色、演示用户来自 counties/<代码>/（new-county 生成，或随仓库提供）；
  表单与流程来自 counties/<代码>/forms 与 workflows，没有则用仓库顶层的 forms/ 与 workflows/。
--county 默认是登录用户所在县；--dir 指定其他县数据目录。
新建用户的初始密码取 --password，否则取环境变量 DEMO_PASSWORD；都没有则新用户须由管理员设置密码。
与 import 相同：只增不删、可重复执行、有问题整包拒绝；--dry-run 只预览。
--database：不经服务器，直接装入服务器所用的数据库（按 DATABASE_URL，否则 DATA_DIR/kcbx.sqlite，与 npm start 相同）；
  数据库中还没有该县时先建立该县。用于新县自己的服务器：此时还没有人能登录。须指定 --county。
  示例（新服务器上）：npm run tools -- seed --database --county 640423 --password <初始密码>
${SERVER_HELP.zh}`,
    en: `Loads a county's data shipped in the repository into the logged-in user's county (use that county's admin token):
  org tree, roles and demo users from counties/<code>/ (made by new-county, or shipped);
  forms and procedures from counties/<code>/forms and workflows, else the repository's forms/ and workflows/.
--county defaults to the logged-in user's county; --dir names another county folder.
Users the seed creates get --password, else DEMO_PASSWORD; with neither, an administrator must set their passwords.
Like import: additive, repeatable, refused as a whole on any problem; --dry-run previews.
--database: no server; load straight into the database the server uses (DATABASE_URL, else DATA_DIR/kcbx.sqlite, as
  npm start), creating the county when the database does not have it — for a new county's own installation, where
  nobody can log in yet. Needs --county.
${SERVER_HELP.en}`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: [...SERVER_OPTIONS, 'county', 'dir', 'password'], flags: ['dry-run', 'database'] });
    const direct = args.options.database === true;
    if (direct && !stringOption(args, 'county'))
      throw new CliError('--database 需要 --county <县代码>', '--database needs --county <code>');
    const client = direct ? null : serverClient(args, io);
    const county = stringOption(args, 'county') ?? (await client!.get<{ tenant: { code: string } }>('/me')).tenant.code;
    const dir = path.resolve(io.cwd, stringOption(args, 'dir') ?? path.join('counties', county));
    if (!fs.existsSync(dir)) {
      throw new CliError(
        `找不到县数据目录 ${path.relative(io.cwd, dir)}；可用 new-county --code ${county} 生成`,
        `no county folder ${path.relative(io.cwd, dir)}; make one with new-county --code ${county}`,
      );
    }
    const pkg = readPackageDir(dir, io.cwd, { forms: sourceDirs(dir, io.cwd, 'forms'), workflows: sourceDirs(dir, io.cwd, 'workflows') });
    const opts = { dryRun: args.options['dry-run'] === true, initialPassword: stringOption(args, 'password') ?? io.env.DEMO_PASSWORD };
    return client ? sendPackage(client, io, pkg, opts) : seedDatabase(io, pkg, opts);
  },
};
