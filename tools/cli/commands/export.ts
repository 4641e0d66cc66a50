import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { SERVER_HELP, SERVER_OPTIONS, serverClient } from '../http/server-options';
import type { CountyPackage } from '../package/county-package';
import { writePackageDir } from '../package/package-dir';

export const exportCommand: Command = {
  name: 'export',
  summary: {
    zh: '导出本县数据包（表单、流程、角色、单位树、用户（不含密码））到目录',
    en: "export the county's package (forms, procedures, roles, org tree, users without passwords) to a folder",
  },
  usage: 'export --out <目录 dir> --url <地址> --token <令牌> [--force]',
  help: {
    zh: `从服务器导出登录用户所在县的数据包，写成一个目录：
  county.json、org-units.json、roles.json、users.json（不含任何密码）、forms/<key>.form.json、workflows/*.bpmn
表单与流程取各自的最新版本。需要县级系统管理员。目录已存在且不为空时须加 --force。
${SERVER_HELP.zh}
示例：npm run tools -- export --out /tmp/xiji --url http://localhost:3000 --token $KCBX_TOKEN`,
    en: `Exports the logged-in user's county from the server as a folder:
  county.json, org-units.json, roles.json, users.json (no passwords at all), forms/<key>.form.json, workflows/*.bpmn
Forms and procedures at their latest version. Needs a county-level administrator. An existing non-empty folder
needs --force.
${SERVER_HELP.en}
Example: npm run tools -- export --out /tmp/xiji --url http://localhost:3000 --token $KCBX_TOKEN`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: [...SERVER_OPTIONS, 'out'], flags: ['force'] });
    const out = stringOption(args, 'out');
    if (!out) throw new CliError('请用 --out 指定导出目录', 'name the output folder with --out');
    const dir = path.resolve(io.cwd, out);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !args.options.force) {
      throw new CliError(
        `目录 ${out} 已存在且不为空；确认覆盖请加 --force`,
        `${out} exists and is not empty; add --force to write into it`,
      );
    }
    const client = serverClient(args, io);
    const pkg = await client.get<CountyPackage>('/admin/county-package');
    writePackageDir(dir, pkg);
    io.out(
      `已导出 ${pkg.tenant.name}（${pkg.tenant.code}）到 ${out}：${pkg.orgUnits.length} 个单位、${pkg.roles.length} 个角色、${pkg.users.length} 个用户、${pkg.forms.length} 个表单、${pkg.workflows.length} 个流程文件`,
    );
    io.out(
      `exported ${pkg.tenant.code} to ${out}: ${pkg.orgUnits.length} org units, ${pkg.roles.length} roles, ${pkg.users.length} users, ${pkg.forms.length} forms, ${pkg.workflows.length} procedure files`,
    );
    return EXIT.ok;
  },
};
