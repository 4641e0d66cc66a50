import type { ColumnMapping, RegisterField } from '@kcbx/api-contract';

export type { ColumnMapping, RegisterField } from '@kcbx/api-contract';

/**
 * Our field (the contract's REGISTER_FIELDS) → the headers clerks' spreadsheets usually carry (public security,
 * 学籍系统, school rosters). The type makes the compiler refuse a contract field without aliases.
 */
export const REGISTER_COLUMN_ALIASES: { readonly [F in RegisterField]: readonly string[] } = {
  name: ['姓名', '学生姓名', '儿童姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idNumber'],
  sex: ['性别', 'sex'],
  birthDate: ['出生日期', '出生年月日', 'birthDate'],
  township: ['乡镇', '乡（镇）', '乡(镇)', '所在乡镇', 'township'],
  village: ['村', '行政村', '村（社区）', 'village'],
  school: ['学校', '学校名称', '就读学校', 'school'],
  grade: ['年级', 'grade'],
  className: ['班级', 'className'],
  studentNumber: ['学籍号', '全国学籍号', '学籍辅号', 'studentNumber'],
};

/** Recognise columns by their usual headers; an explicit mapping (our field → their column) wins. */
export function detectMapping(headers: string[], explicit: ColumnMapping = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const normalised = new Map(headers.map((h) => [h.replace(/\s/g, ''), h]));
  for (const [field, aliases] of Object.entries(REGISTER_COLUMN_ALIASES) as [RegisterField, readonly string[]][]) {
    const chosen = explicit[field] ?? aliases.map((a) => normalised.get(a)).find((h) => h !== undefined);
    if (chosen && headers.includes(chosen)) mapping[field] = chosen;
  }
  return mapping;
}
