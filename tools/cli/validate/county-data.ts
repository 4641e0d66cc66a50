import { JsonSyntaxError, parseJsonWithPositions, positionOf } from '@kcbx/forms';
import * as fs from 'fs';
import * as path from 'path';
import { ORG_UNIT_KINDS } from '../package/county-package';
import { CliError } from '../errors';
import { PACKAGE_FILES } from '../package/package-dir';
import { readVisitAssignments, VISIT_ASSIGNMENTS_FILE } from '../package/visit-assignments-file';
import type { Problem } from './problem';

interface Parsed {
  file: string;
  value: any;
  at(pointer: string): { line: number; column: number };
}

function read(dir: string, name: string, cwd: string, problems: Problem[]): Parsed | null {
  const full = path.join(dir, name);
  const file = path.relative(cwd, full) || name;
  if (!fs.existsSync(full)) return null;
  try {
    const parsed = parseJsonWithPositions(fs.readFileSync(full, 'utf8'));
    return { file, value: parsed.value, at: (pointer) => positionOf(parsed.positions, pointer) };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    problems.push({ file, ...e.position, code: 'JSON_SYNTAX', zh: `JSON 语法错误：${e.message}`, en: `JSON syntax error: ${e.message}` });
    return null;
  }
}

/**
 * A county folder's data (county.json, org-units.json, roles.json, users.json) checked offline, before a seed
 * or import refuses it: one root that is the county, every parent present, no code/key/username twice, every
 * user's role and unit present in the folder.
 */
export function checkCountyData(dir: string, cwd: string): Problem[] {
  const problems: Problem[] = [];
  const county = read(dir, PACKAGE_FILES.county, cwd, problems);
  const units = read(dir, PACKAGE_FILES.orgUnits, cwd, problems);
  const roles = read(dir, PACKAGE_FILES.roles, cwd, problems);
  const users = read(dir, PACKAGE_FILES.users, cwd, problems);
  const report = (f: Parsed, pointer: string, code: string, zh: string, en: string) =>
    problems.push({ file: f.file, ...f.at(pointer), code, zh, en });
  const list = (f: Parsed | null): any[] => {
    if (f && !Array.isArray(f.value)) report(f, '', 'NOT_A_LIST', `${f.file} 应为数组`, `${f.file} must be an array`);
    return f && Array.isArray(f.value) ? f.value : [];
  };

  const code: unknown = county?.value?.tenant?.code ?? county?.value?.code;
  if (county && (typeof code !== 'string' || !/^\d{6}$/.test(code))) {
    report(county, '/tenant/code', 'COUNTY_CODE', 'county.json 须有 6 位县代码 tenant.code', 'county.json needs a 6-digit tenant.code');
  }

  const unitCodes = new Set<string>();
  const unitList = list(units);
  unitList.forEach((u, i) => {
    if (unitCodes.has(u?.code))
      report(units!, `/${i}/code`, 'ORG_UNIT_DUPLICATE', `单位代码 ${u.code} 重复`, `org unit code ${u.code} appears twice`);
    unitCodes.add(u?.code);
  });
  unitList.forEach((u, i) => {
    if (!ORG_UNIT_KINDS.includes(u?.kind)) {
      report(
        units!,
        `/${i}/kind`,
        'ORG_UNIT_KIND',
        `单位 ${u?.code} 的类型“${u?.kind}”无效（${ORG_UNIT_KINDS.join('、')}）`,
        `org unit ${u?.code} has kind "${u?.kind}"; use ${ORG_UNIT_KINDS.join(', ')}`,
      );
    }
    if (u?.parentCode === null || u?.parentCode === undefined) {
      if (typeof code === 'string' && u?.code !== code) {
        report(
          units!,
          `/${i}`,
          'ORG_UNIT_ROOT',
          `只有县（${code}）可以没有上级单位，${u?.code} 缺少 parentCode`,
          `only the county (${code}) may have no parent; ${u?.code} lacks parentCode`,
        );
      }
    } else if (!unitCodes.has(u.parentCode)) {
      report(
        units!,
        `/${i}/parentCode`,
        'ORG_UNIT_PARENT_MISSING',
        `单位 ${u.code} 的上级 ${u.parentCode} 不在 ${units!.file} 中`,
        `the parent ${u.parentCode} of ${u.code} is not in ${units!.file}`,
      );
    }
  });

  const roleKeys = new Set<string>();
  list(roles).forEach((r, i) => {
    if (roleKeys.has(r?.key)) report(roles!, `/${i}/key`, 'ROLE_DUPLICATE', `角色 ${r.key} 重复`, `role ${r.key} appears twice`);
    roleKeys.add(r?.key);
  });

  const usernames = new Set<string>();
  list(users).forEach((u, i) => {
    if (usernames.has(u?.username))
      report(users!, `/${i}/username`, 'USER_DUPLICATE', `用户名 ${u.username} 重复`, `username ${u.username} appears twice`);
    usernames.add(u?.username);
    (Array.isArray(u?.roles) ? u.roles : []).forEach((at: any, j: number) => {
      if (roles && !roleKeys.has(at?.role)) {
        report(
          users!,
          `/${i}/roles/${j}/role`,
          'USER_ROLE_UNKNOWN',
          `用户 ${u.username} 的角色“${at?.role}”不在 ${roles.file} 中`,
          `user ${u.username} has role "${at?.role}", which is not in ${roles.file}`,
        );
      }
      if (units && !unitCodes.has(at?.orgUnit)) {
        report(
          users!,
          `/${i}/roles/${j}/orgUnit`,
          'USER_UNIT_UNKNOWN',
          `用户 ${u.username} 的单位 ${at?.orgUnit} 不在 ${units.file} 中`,
          `user ${u.username} is placed at ${at?.orgUnit}, which is not in ${units.file}`,
        );
      }
    });
  });
  checkVisitAssignments(dir, cwd, unitList, list(users), problems);
  return problems;
}

/**
 * The 包抓 分工 list, when the folder has one: every person a user of users.json, every township one of
 * org-units.json, every school in its township (line = the CSV row; the server also checks they are bureau staff).
 */
function checkVisitAssignments(dir: string, cwd: string, units: any[], users: any[], problems: Problem[]) {
  const full = path.join(dir, VISIT_ASSIGNMENTS_FILE);
  if (!fs.existsSync(full)) return;
  const file = path.relative(cwd, full) || VISIT_ASSIGNMENTS_FILE;
  const report = (line: number, code: string, zh: string, en: string) => problems.push({ file, line, code, zh, en });
  let rows;
  try {
    rows = readVisitAssignments(full, users, cwd);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    problems.push({ file, code: 'VISIT_ASSIGNMENTS_UNREADABLE', zh: e.zh, en: e.en });
    return;
  }
  rows.forEach((a, i) => {
    const line = i + 2;
    if (!users.some((u) => u?.username === a.username))
      report(line, 'VISIT_PERSON_UNKNOWN', `账号 ${a.username} 不在 users.json 中`, `account ${a.username} is not in users.json`);
    const township = units.find((u) => u?.kind === 'township' && (u.code === a.township || u.name === a.township));
    if (!township) {
      report(
        line,
        'VISIT_TOWNSHIP_UNKNOWN',
        `乡镇“${a.township}”不在 org-units.json 中`,
        `township "${a.township}" is not in org-units.json`,
      );
      return;
    }
    for (const s of a.schools ?? []) {
      if (!units.some((u) => u?.kind === 'school' && u.parentCode === township.code && (u.code === s || u.name === s)))
        report(line, 'VISIT_SCHOOL_UNKNOWN', `学校“${s}”不在${township.name}`, `school "${s}" is not in ${township.name}`);
    }
  });
}

/** The named folders that are county folders (they hold a county.json). */
export function countyDirs(paths: string[], cwd: string): string[] {
  return paths.map((p) => path.resolve(cwd, p)).filter((p) => fs.existsSync(path.join(p, PACKAGE_FILES.county)));
}
