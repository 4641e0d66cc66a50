import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from '../errors';
import { type PackageUser, type PackageVisitAssignment, splitSchoolList, VISIT_ASSIGNMENT_HEADERS } from './county-package';

/** The 包抓 分工 list in a county folder, in the columns of the directive's 附件 (what a bureau imports too). */
export const VISIT_ASSIGNMENTS_FILE = 'visit-assignments.csv';

type Field = keyof typeof VISIT_ASSIGNMENT_HEADERS;

/**
 * Reads visit-assignments.csv (UTF-8, header row first). A row names the person by 账号, or by 姓名 when that name
 * is one user's in users.json; the server checks the rest (bureau staff, township, its schools).
 */
export function readVisitAssignments(file: string, users: PackageUser[], cwd: string): PackageVisitAssignment[] {
  const shown = path.relative(cwd, file) || file;
  let records: string[][];
  try {
    records = parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, trim: true, skip_empty_lines: true });
  } catch (e) {
    throw new CliError(`${shown} 不是可读取的 CSV：${(e as Error).message}`, `${shown} is not a readable CSV: ${(e as Error).message}`);
  }
  const [header = [], ...rows] = records;
  const column = (f: Field) => header.findIndex((h) => (VISIT_ASSIGNMENT_HEADERS[f] as readonly string[]).includes(h));
  const at = Object.fromEntries((Object.keys(VISIT_ASSIGNMENT_HEADERS) as Field[]).map((f) => [f, column(f)])) as Record<Field, number>;
  return rows.map((r, i) => {
    const cell = (f: Field) => (at[f] >= 0 ? (r[at[f]] ?? '').trim() : '');
    const name = cell('displayName');
    const named = users.filter((u) => u.displayName === name);
    const username = cell('username') || (named.length === 1 ? named[0].username : '');
    if (!username) {
      throw new CliError(
        `${shown} 第 ${i + 2} 行：请填写账号（姓名“${name}”在 users.json 中${named.length ? '不唯一' : '不存在'}）`,
        `${shown} row ${i + 2}: give the account (the name "${name}" is ${named.length ? 'not unique' : 'not'} in users.json)`,
      );
    }
    const office = cell('office');
    return { username, ...(office ? { office } : {}), township: cell('township'), schools: splitSchoolList(cell('schools')) };
  });
}

/** The list as a bureau keeps it: 姓名, 账号, 科室, 包抓乡镇, 联系学校 (schools joined with 、). */
export function visitAssignmentsCsv(list: PackageVisitAssignment[], users: PackageUser[]): string {
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['序号', '姓名', '账号', '科室', '包抓乡镇', '联系学校']];
  list.forEach((a, i) =>
    lines.push([
      String(i + 1),
      users.find((u) => u.username === a.username)?.displayName ?? '',
      a.username,
      a.office ?? '',
      a.township,
      (a.schools ?? []).join('、'),
    ]),
  );
  return `${lines.map((l) => l.map(q).join(',')).join('\n')}\n`;
}
