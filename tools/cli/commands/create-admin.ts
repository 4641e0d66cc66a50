import { checkPassword } from '@kcbx/password-policy';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { printRefusal, runApiEntry } from '../database/api-entry';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';

type Outcome =
  | { status: 'created'; userId: string; county: string; countyName: string; role: string; orgUnit: string }
  | { status: 'exists'; userId: string; county: string; active: boolean };

export const PASSWORD_ENV = 'KCBX_ADMIN_PASSWORD';

export const createAdminCommand: Command = {
  name: 'create-admin',
  summary: {
    zh: '为某县建立第一个系统管理员（直接写入服务器的数据库；已有的用户只报告、不修改）',
    en: "create a county's first administrator (straight into the server's database; an existing user is reported, not changed)",
  },
  usage: 'create-admin --county <县代码 code> --username <用户名> [--password <密码>] [--display-name <姓名>] --database',
  help: {
    zh: `新县的服务器装入县数据（seed --database）后还没有任何人能登录：本命令在该县建立系统管理员，
角色为该县带“admin”权限的角色（标准角色 admin 系统管理员），单位为县本身。
数据库与 npm start 相同：DATABASE_URL，否则 DATA_DIR/kcbx.sqlite。须加 --database（本命令不经服务器）。
密码取 --password，否则取环境变量 ${PASSWORD_ENV}，否则在终端提示输入两次（不回显）。
密码要求：至少 8 个字符，同时包含字母和数字，不是常见密码，不包含用户名；不符合时逐条说明原因。
可重复执行：用户名已存在时只报告，不修改其密码或角色（退出码 0）；该用户名属于其他县时拒绝。
示例：npm run tools -- create-admin --county 640522 --username hy-admin --database`,
    en: `After a new county's server got its county (seed --database) nobody can log in yet: this creates the county's
administrator, holding the county's role with the "admin" permission (the standard role admin) at the county itself.
The database is the one npm start uses: DATABASE_URL, else DATA_DIR/kcbx.sqlite. Needs --database (no server involved).
The password comes from --password, else the environment variable ${PASSWORD_ENV}, else a prompt on the terminal
(twice, not shown). Password rule: at least 8 characters, letters and digits, not a common password, not containing the
username; a refusal lists every reason.
Repeatable: an existing username is reported and left unchanged (exit code 0); one that belongs to another county is refused.
Example: npm run tools -- create-admin --county 640522 --username hy-admin --database`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['county', 'username', 'password', 'display-name'], flags: ['database'] });
    if (args.options.database !== true) {
      throw new CliError(
        'create-admin 直接写入服务器的数据库，请加 --database（与服务使用相同的 DATABASE_URL / DATA_DIR）',
        "create-admin writes the server's database directly: add --database (with the service's DATABASE_URL / DATA_DIR)",
      );
    }
    const county = stringOption(args, 'county');
    const username = stringOption(args, 'username');
    if (!county || !/^\d{6}$/.test(county))
      throw new CliError('请用 --county 给出 6 位县代码', 'give the 6-digit county code with --county');
    if (!username) throw new CliError('请用 --username 给出管理员的用户名', "give the administrator's username with --username");
    const password = await passwordFrom(io, stringOption(args, 'password'));
    // refused here already, before the API is compiled; the entry checks again with the same rule
    const problems = checkPassword(password, { username });
    if (problems.length) {
      io.err('错误：密码不符合要求 / error: password refused');
      for (const p of problems) io.err(`  --password: ${p.zh} / ${p.en}`);
      return EXIT.problems;
    }
    const outcome = await runApiEntry<Outcome>(
      io,
      'first-admin/create-admin-main',
      [county, username, stringOption(args, 'display-name') ?? ''],
      {
        [PASSWORD_ENV]: password,
      },
    );
    if (!outcome.ok) return printRefusal(io, outcome);
    const r = outcome.result;
    if (r.status === 'exists') {
      io.out(`用户 ${username} 已存在于县 ${r.county}，未做任何更改${r.active ? '' : '（该用户已停用）'}`);
      io.out(`user ${username} already exists in county ${r.county}; nothing was changed${r.active ? '' : ' (the user is disabled)'}`);
      return EXIT.ok;
    }
    io.out(`已建立系统管理员 ${username}：${r.countyName}（${r.county}），角色 ${r.role}，单位 ${r.orgUnit}`);
    io.out(`created administrator ${username} of county ${r.county}: role ${r.role} at ${r.orgUnit}`);
    io.out('现在可以用该用户名和密码登录网页 / they can now log in to the web app');
    return EXIT.ok;
  },
};

async function passwordFrom(io: Io, given: string | undefined): Promise<string> {
  const value = given ?? io.env[PASSWORD_ENV];
  if (value !== undefined && value !== '') return value;
  if (!io.askSecret) {
    throw new CliError(
      `请用 --password 或环境变量 ${PASSWORD_ENV} 给出密码（没有终端，无法提示输入）`,
      `give the password with --password or ${PASSWORD_ENV} (no terminal to ask on)`,
    );
  }
  const first = await io.askSecret('管理员密码 / administrator password: ');
  const second = await io.askSecret('再输入一次 / once more: ');
  if (first !== second) throw new CliError('两次输入的密码不一致', 'the two passwords differ', EXIT.problems);
  return first;
}
