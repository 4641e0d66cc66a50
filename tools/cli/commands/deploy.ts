import * as path from 'path';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { SERVER_HELP, SERVER_OPTIONS, serverClient } from '../http/server-options';
import { collectPackageFiles } from '../validate/package-files';
import { formatProblem } from '../validate/problem';
import { validatePackage } from '../validate/validate-package';

interface Deployed {
  processDefinitions: { key: string; version: number; isNew?: boolean }[];
  forms: { key: string; version: number; isNew?: boolean }[];
}

/** in a dry run the server says whether each would be a new version */
const fate = (isNew?: boolean) => (isNew === undefined ? '' : isNew ? '（新版本 new version）' : '（内容相同，不产生新版本 unchanged）');

export const deployCommand: Command = {
  name: 'deploy',
  summary: {
    zh: '检查后把表单与流程部署到服务器（一次部署，全部成功或全部不变）',
    en: 'check, then deploy forms and procedures to a server (all or nothing)',
  },
  usage: 'deploy <目录或文件 dir-or-file>... --url <地址> --token <令牌> [--dry-run]',
  help: {
    zh: `先按 validate 的规则在本地检查（角色取自服务器上本县的角色，已发布的表单也算存在），
有问题则列出并退出（退出码 1），不向服务器发送任何内容；没有问题则一次部署全部文件。
相同内容不会产生新版本；正在运行的流程实例保持原版本。需要“流程设计”权限（policy-designer 或 admin）。
--dry-run：服务器完成全部检查并列出将产生的版本，但不保存任何内容。
${SERVER_HELP.zh}
示例：npm run tools -- deploy forms workflows --url http://localhost:3000 --token $KCBX_TOKEN`,
    en: `Checks locally first with the validate rules (roles are the county's roles on the server; forms already
published there count as present). Problems are listed and nothing is sent (exit code 1); otherwise every
file is deployed in one deployment. Identical content makes no new version; running instances keep theirs.
Needs the design permission (policy-designer or admin).
--dry-run: the server runs every check and lists the versions it would make, storing nothing.
${SERVER_HELP.en}
Example: npm run tools -- deploy forms workflows --url http://localhost:3000 --token $KCBX_TOKEN`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: SERVER_OPTIONS, flags: ['dry-run'] });
    const dryRun = args.options['dry-run'] === true;
    if (args.positionals.length === 0)
      throw new CliError(
        '请指定要部署的目录或文件，例如 deploy forms workflows',
        'name the folders or files to deploy, e.g. deploy forms workflows',
      );
    const client = serverClient(args, io);
    const files = collectPackageFiles(args.positionals, io.cwd);
    if (files.forms.length + files.bpmn.length === 0)
      throw new CliError('没有可部署的 .form.json 或 .bpmn 文件', 'no .form.json or .bpmn files to deploy');
    const roles = await client.get<{ key: string }[]>('/roles');
    const published = await client.get<{ key: string }[]>('/forms');
    const report = await validatePackage(
      files,
      { keys: new Set(roles.map((r) => r.key)), source: `${client.baseUrl}` },
      published.map((f) => f.key),
    );
    for (const w of report.warnings) io.err(formatProblem(w));
    if (report.problems.length > 0) {
      for (const p of report.problems) io.err(formatProblem(p));
      io.err(`未部署：共 ${report.problems.length} 个问题 / not deployed: ${report.problems.length} problem(s)`);
      return EXIT.problems;
    }
    const resources = [...files.forms, ...files.dmn, ...files.bpmn].map((f) => ({ name: path.basename(f.file), content: f.text }));
    const deployed = await client.post<Deployed>(`/deployments${dryRun ? '?dryRun=true' : ''}`, {
      name: args.positionals.join(' '),
      resources,
    });
    for (const d of deployed.processDefinitions) io.out(`流程 process ${d.key} v${d.version}${fate(d.isNew)}`);
    for (const f of deployed.forms) io.out(`表单 form ${f.key} v${f.version}${fate(f.isNew)}`);
    if (dryRun) {
      io.out(`预览（未部署） / preview (nothing deployed): ${client.baseUrl}`);
      return EXIT.ok;
    }
    io.out(
      `已部署到 ${client.baseUrl}：${deployed.processDefinitions.length} 个流程、${deployed.forms.length} 个表单 / deployed: ${deployed.processDefinitions.length} procedure(s), ${deployed.forms.length} form(s)`,
    );
    return EXIT.ok;
  },
};
