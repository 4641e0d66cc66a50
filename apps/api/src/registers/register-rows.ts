import { parseResidentId, residentIdProblem } from '@kcbx/cn-codes';
import type { RowProblemRecord } from '../database/entities';
import type { SheetRow } from '../imports/tabular-file';
import type { ColumnMapping, RegisterField } from './register-columns';

export interface RegisterRow {
  rowNo: number;
  idNumber: string;
  name: string;
  sex: string | null;
  birthDate: string | null;
  township: string | null;
  village: string | null;
  school: string | null;
  grade: string | null;
  className: string | null;
  studentNumber: string | null;
}

const ID_MESSAGES = {
  format: '身份证号应为 18 位 / ID number must have 18 characters',
  region: '身份证号地区码无效 / invalid region code in ID number',
  birthDate: '身份证号中的出生日期无效 / invalid birth date in ID number',
  checksum: '身份证号校验位不正确 / wrong check character in ID number',
};
const SEX_WORDS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', M: 'male', F: 'female' };

/** Normalises a date cell (2012-3-5, 2012/03/05, 20120305, 2012年3月5日) to YYYY-MM-DD, or null. */
export function normaliseDate(text: string): string | null {
  const m = text.trim().match(/^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * Checks every row and splits them into accepted rows and per-row problems; nothing is dropped silently.
 * A repeated ID number is accepted once and reported at each later row.
 */
export function checkRegisterRows(rows: SheetRow[], mapping: ColumnMapping) {
  const accepted: RegisterRow[] = [];
  const problems: RowProblemRecord[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (r: SheetRow, f: RegisterField) => (mapping[f] ? (r.cells[mapping[f]!] ?? '').trim() : '');
  for (const r of rows) {
    const idNumber = cell(r, 'idNumber').toUpperCase().replace(/\s/g, '');
    const name = cell(r, 'name');
    const fail = (field: RegisterField, message: string) => problems.push({ row: r.row, field, message });
    if (!name) {
      fail('name', '缺少姓名 / missing name');
      continue;
    }
    const idProblem = idNumber ? residentIdProblem(idNumber) : 'format';
    if (!idNumber) {
      fail('idNumber', '缺少身份证号 / missing ID number');
      continue;
    }
    if (idProblem) {
      fail('idNumber', ID_MESSAGES[idProblem]);
      continue;
    }
    const earlier = firstRowOf.get(idNumber);
    if (earlier !== undefined) {
      fail('idNumber', `身份证号与第 ${earlier} 行重复 / duplicate of row ${earlier}`);
      continue;
    }
    const fromId = parseResidentId(idNumber)!;
    const sexText = cell(r, 'sex');
    const sex = sexText ? SEX_WORDS[sexText] : fromId.sex;
    if (sexText && sex !== fromId.sex) {
      fail('sex', `性别“${sexText}”与身份证号不符 / sex does not match the ID number`);
      continue;
    }
    const birthText = cell(r, 'birthDate');
    const birthDate = birthText ? normaliseDate(birthText) : fromId.birthDate;
    if (birthText && birthDate !== fromId.birthDate) {
      fail('birthDate', `出生日期“${birthText}”与身份证号不符 / birth date does not match the ID number`);
      continue;
    }
    firstRowOf.set(idNumber, r.row);
    const opt = (f: RegisterField) => cell(r, f) || null;
    accepted.push({
      rowNo: r.row,
      idNumber,
      name,
      sex,
      birthDate,
      township: opt('township'),
      village: opt('village'),
      school: opt('school'),
      grade: opt('grade'),
      className: opt('className'),
      studentNumber: opt('studentNumber'),
    });
  }
  return { accepted, problems };
}
