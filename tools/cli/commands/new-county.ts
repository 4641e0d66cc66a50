import { RegionIndex, type RegionNode } from '@kcbx/cn-codes';
import { regionIndex } from '@kcbx/cn-codes/node';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, stringOption } from '../args';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { countyTree } from '../package/county-tree';
import { countyFile, PACKAGE_FILES } from '../package/package-dir';
import { DEFAULT_COUNTY } from '../validate/roles-source';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function loadRegions(file: string | undefined, cwd: string): RegionIndex {
  if (!file) return regionIndex();
  const full = path.resolve(cwd, file);
  try {
    return new RegionIndex(JSON.parse(fs.readFileSync(full, 'utf8')) as RegionNode[]);
  } catch (e) {
    throw new CliError(
      `无法读取区划数据 ${file}：${(e as Error).message}`,
      `cannot read the division data ${file}: ${(e as Error).message}`,
    );
  }
}

export const newCountyCommand: Command = {
  name: 'new-county',
  summary: {
    zh: '按 GB/T 2260 县级代码生成一个县的数据目录（县 → 乡镇 → 占位学校，标准角色）',
    en: 'make a county data folder from a GB/T 2260 county code (county → townships → placeholder schools, standard roles)',
  },
  usage: 'new-county --code <县级代码 county code> [--out <目录>] [--divisions <pcas-code.json>] [--force]',
  help: {
    zh: `为全国任一县（区、县级市）生成数据目录，默认 counties/<代码>/：
  county.json      县代码与名称
  org-units.json   县 → 全部乡镇/街道（统计用区划代码）→ 每个乡镇的占位学校（<乡镇代码>01 中心小学、02 第二小学，镇另有 03 初级中学，与演示数据相同）
  roles.json       标准角色（复制自 counties/${DEFAULT_COUNTY}/roles.json，如存在）
  users.json       空；用户稍后用 import 或管理页面的 CSV 导入添加
区划数据默认使用随库附带的全国区划树（与 ../shared/data/divisions/pcas-code.json 相同）；--divisions 可指定其他文件。
省、地市、乡镇代码或未知代码会被拒绝并说明原因。目录已有 county.json 时须加 --force。
之后：用 seed 或 import 把它装入该县的服务器。`,
    en: `Makes the data folder of any county (district, county-level city), by default counties/<code>/:
  county.json      county code and name
  org-units.json   county → every township/street (statistical codes) → placeholder schools per township
                   (<township>01 central primary, 02 second primary, 03 middle school in towns — as the demo seed)
  roles.json       the standard roles (copied from counties/${DEFAULT_COUNTY}/roles.json when present)
  users.json       empty; add users later with import or the admin page's CSV import
The bundled national division tree is used (the same as ../shared/data/divisions/pcas-code.json); --divisions
names another file. Province, prefecture, township and unknown codes are refused with the reason. An existing
county.json needs --force.
Then: load it into the county's server with seed or import.`,
  },
  async run(argv, io) {
    const args = parseArgs(argv, { options: ['code', 'out', 'divisions'], flags: ['force'] });
    const code = stringOption(args, 'code') ?? args.positionals[0];
    if (!code) throw new CliError('请用 --code 指定县级代码，如 --code 640423', 'give the county code with --code, e.g. --code 640423');
    const { tenant, orgUnits } = countyTree(loadRegions(stringOption(args, 'divisions'), io.cwd), code.trim());
    const out = stringOption(args, 'out') ?? path.join('counties', tenant.code);
    const dir = path.resolve(io.cwd, out);
    if (fs.existsSync(path.join(dir, PACKAGE_FILES.county)) && !args.options.force) {
      throw new CliError(`${out} 已有 county.json；确认覆盖请加 --force`, `${out} already has a county.json; add --force to overwrite`);
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, PACKAGE_FILES.county), json(countyFile(tenant)));
    fs.writeFileSync(path.join(dir, PACKAGE_FILES.orgUnits), json(orgUnits));
    const standardRoles = path.join(io.cwd, 'counties', DEFAULT_COUNTY, 'roles.json');
    const rolesNote =
      fs.existsSync(standardRoles) && path.resolve(standardRoles) !== path.join(dir, 'roles.json')
        ? (fs.copyFileSync(standardRoles, path.join(dir, PACKAGE_FILES.roles)),
          `角色复制自 roles copied from ${path.relative(io.cwd, standardRoles)}`)
        : '未写 roles.json（没有 counties/640422/roles.json） / no roles.json written';
    if (!fs.existsSync(path.join(dir, PACKAGE_FILES.users))) fs.writeFileSync(path.join(dir, PACKAGE_FILES.users), json([]));
    const townships = orgUnits.filter((u) => u.kind === 'township').length;
    const schools = orgUnits.filter((u) => u.kind === 'school').length;
    io.out(`已生成 ${tenant.name}（${tenant.code}）：${townships} 个乡镇、${schools} 所占位学校 → ${out}`);
    io.out(`created ${tenant.code}: ${townships} townships, ${schools} placeholder schools → ${out}; ${rolesNote}`);
    return EXIT.ok;
  },
};
