import { weekday } from './calendar-year';

/** A county's school terms (学期), which its package sets: e.g. 2026–2027学年第一学期 from 2026-09-01 to 2027-01-16. */
export interface SchoolTerm {
  name: string;
  start: string;
  end: string;
}

export function checkSchoolTerms(value: unknown): string[] {
  if (!Array.isArray(value)) return ['学期应为列表 / terms must be a list'];
  const problems: string[] = [];
  const terms = value as SchoolTerm[];
  terms.forEach((t, i) => {
    const label = typeof t?.name === 'string' && t.name.trim() ? t.name : `第 ${i + 1} 项 / item ${i + 1}`;
    if (typeof t?.name !== 'string' || !t.name.trim()) problems.push(`${label}: 缺少学期名称 / name is required`);
    if (typeof t?.start !== 'string' || weekday(t.start) === null) problems.push(`${label}: 开始日期无效 / start is not a date`);
    if (typeof t?.end !== 'string' || weekday(t.end) === null) problems.push(`${label}: 结束日期无效 / end is not a date`);
    else if (typeof t.start === 'string' && t.end < t.start) problems.push(`${label}: 结束日期早于开始日期 / ends before it starts`);
  });
  const sorted = [...terms].filter((t) => typeof t?.start === 'string').sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].start <= sorted[i - 1].end) problems.push(`${sorted[i - 1].name} 与 ${sorted[i].name} 重叠 / terms overlap`);
  return problems;
}

/** the term a date falls in, or null in the holidays between terms */
export function termOf(terms: SchoolTerm[], date: string): SchoolTerm | null {
  return terms.find((t) => t.start <= date && date <= t.end) ?? null;
}
