import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { checkCountyData, countyDirs } from '../validate/county-data';
import { collectPackageFiles } from '../validate/package-files';
import { formatProblem } from '../validate/problem';
import { findRoles } from '../validate/roles-source';
import { validatePackage, type ValidationReport } from '../validate/validate-package';

export const validateCommand: Command = {
  name: 'validate',
  summary: {
    zh: '检查表单与流程（不连服务器）：BPMN 可解析且受支持、表单引用存在、角色存在、FEEL 可解析、字段权限与县数据一致',
    en: 'check forms and procedures offline: BPMN parses and is supported, forms resolve, roles exist, FEEL parses, field permissions and county data hang together',
  },
  usage: 'validate <目录或文件 dir-or-file>... [--roles <roles.json>] [--county <code>]',
  help: {
    zh: `检查一个县的表单（*.form.json）与流程（*.bpmn），不连接服务器：
  - 每个表单符合表单定义格式，文件名为 <key>.form.json；
  - 每个 BPMN 能被引擎读取，且每个元素都受支持（与部署时的检查相同）；
  - 每个用户任务引用的表单在包中存在；
  - 每个候选角色（candidateGroups）是本县的角色；
  - 每个 FEEL 表达式（条件、映射、定时器……）能够解析；
  - 每个步骤的字段权限指向该步骤表单中存在的字段，权限为 writable、readonly 或 hidden；
  - 表达式读取的变量若不是任何表单字段、映射结果或系统变量，给出“提示”（多为拼写错误；提示不影响退出码）；
  - 所给目录是县数据目录（含 county.json）时，还检查单位树（唯一的根是本县、上级都存在、代码不重复）、
    角色与用户（用户名不重复，用户的角色和单位都在目录中）。
每个问题一行：文件:行 (元素) [代码] 中文 / English。有问题时退出码为 1。
角色来自 --roles 文件；或 --county <代码> 对应的 counties/<代码>/roles.json；
或所给目录（或其上级）中的 roles.json；否则为 counties/640422/roles.json。
自带 forms/ 或 workflows/ 的县目录（如 counties/640423）单独作为一个包检查，角色来自该目录的 roles.json。
示例：npm run tools -- validate forms workflows`,
    en: `Checks a county's forms (*.form.json) and procedures (*.bpmn) without a server:
  - every form follows the form definition format and is named <key>.form.json;
  - every BPMN file is read by the engine and every element is supported (the deploy-time check);
  - every form a user task names is in the package;
  - every candidate role (candidateGroups) is one of the county's roles;
  - every FEEL expression (conditions, mappings, timers, ...) parses;
  - every step's field permissions name fields of its form and say writable, readonly or hidden;
  - an expression reading a variable that no form field, mapping or system variable provides gets a warning
    (usually a typo; warnings do not change the exit code);
  - a named county folder (with county.json) also has its org tree (one root, the county; every parent present;
    no code twice), roles and users (no username twice; every user's role and unit in the folder) checked.
One line per problem: file:line (element) [CODE] 中文 / English. Exit code 1 when there are problems.
Roles come from --roles <file>; or counties/<code>/roles.json for --county <code>; or a roles.json in a
named folder (or its parent); otherwise counties/640422/roles.json. A county folder with its own forms/ or
workflows/ (counties/640423) is checked as a package of its own, against its own roles.json.
Example: npm run tools -- validate forms workflows`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['roles', 'county'] });
    if (args.positionals.length === 0)
      throw new CliError(
        '请指定要检查的目录或文件，例如 validate forms workflows',
        'name the folders or files to check, e.g. validate forms workflows',
      );
    // A named county folder with its own forms/ or workflows/ is its own package, checked against its own
    // roles.json (`validate forms workflows counties/*` checks Xiji's root package and Longde's separately).
    const counties = countyDirs(args.positionals, io.cwd);
    const own = counties.filter((dir) => ['forms', 'workflows'].some((d) => fs.existsSync(path.join(dir, d))));
    const rest = args.positionals.filter((p) => !own.includes(path.resolve(io.cwd, p)));
    const packages = [...(rest.length ? [rest] : []), ...own.map((dir) => [dir])];
    const report: ValidationReport = { forms: 0, procedures: 0, problems: [], warnings: [] };
    const sources: string[] = [];
    for (const paths of packages) {
      const files = collectPackageFiles(paths, io.cwd);
      if (files.forms.length + files.bpmn.length === 0) continue;
      const roles = findRoles({ rolesFile: stringOption(args, 'roles'), county: stringOption(args, 'county'), paths, cwd: io.cwd });
      const one = await validatePackage(files, roles);
      report.forms += one.forms;
      report.procedures += one.procedures;
      report.problems.push(...one.problems);
      report.warnings.push(...one.warnings);
      sources.push(roles.source);
    }
    if (report.forms + report.procedures + counties.length === 0) {
      throw new CliError(
        `${args.positionals.join('、')} 中没有 .form.json 或 .bpmn 文件`,
        `no .form.json or .bpmn files in ${args.positionals.join(', ')}`,
      );
    }
    for (const dir of counties) report.problems.push(...checkCountyData(dir, io.cwd));
    for (const p of [...report.problems, ...report.warnings]) io.err(formatProblem(p));
    const zh = `${report.forms} 个表单、${report.procedures} 个流程${counties.length ? `、${counties.length} 个县的单位/角色/用户数据` : ''}`;
    const en = `${report.forms} form(s), ${report.procedures} procedure(s)${counties.length ? `, ${counties.length} county data folder(s)` : ''}`;
    if (report.problems.length > 0) {
      io.err(`检查未通过：${zh}，共 ${report.problems.length} 个问题 / validation failed: ${en}, ${report.problems.length} problem(s)`);
      return EXIT.problems;
    }
    const w = report.warnings.length;
    const from = sources.join(', ') || '—';
    io.out(
      `检查通过：${zh}，角色来自 ${from}${w ? `，${w} 个提示` : ''} / validation passed: ${en}, roles from ${from}${w ? `, ${w} warning(s)` : ''}`,
    );
    return EXIT.ok;
  },
};
