/**
 * One year of the national holiday schedule as a county package ships it (`calendar/<year>.json`): the days off
 * (放假) and the weekend days that are working days (调休上班). The State Council announces each year's schedule in
 * the autumn before; until then a year is shipped `published: false` with the statutory days only.
 */
export const CALENDAR_FORMAT = 'kcbx-calendar/1';

export interface CalendarDay {
  /** YYYY-MM-DD, China time */
  date: string;
  /** e.g. 国庆节 */
  name: string;
}

export interface CalendarYear {
  format: typeof CALENDAR_FORMAT;
  year: number;
  /** true when the year's 放假调休 schedule has been announced and entered */
  published: boolean;
  /** where the days come from, e.g. 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日） */
  source: string;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday for a valid YYYY-MM-DD; null when the text is not a real date */
export function weekday(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return d.getUTCDay();
}

/** Why a year file cannot be used, in the words an administrator editing it needs (zh / en). Empty when it is fine. */
export function checkCalendarYear(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['不是日历年度文件 / not a calendar year object'];
  const y = value as Partial<CalendarYear>;
  if (y.format !== CALENDAR_FORMAT) problems.push(`format 应为 ${CALENDAR_FORMAT} / format must be ${CALENDAR_FORMAT}`);
  if (!Number.isInteger(y.year) || (y.year as number) < 2000 || (y.year as number) > 2100)
    problems.push('year 应为 2000–2100 的整数 / year must be an integer 2000–2100');
  if (typeof y.published !== 'boolean') problems.push('published 应为 true 或 false / published must be a boolean');
  if (typeof y.source !== 'string' || y.source.trim() === '') problems.push('source 不能为空 / source is required');
  const seen = new Map<string, string>();
  for (const key of ['holidays', 'workdays'] as const) {
    const list = y[key];
    if (!Array.isArray(list)) {
      problems.push(`${key} 应为列表 / ${key} must be a list`);
      continue;
    }
    if (list.length > 366) problems.push(`${key} 超过 366 天 / ${key} has more than 366 days`);
    for (const day of list.slice(0, 366)) {
      const date = (day as CalendarDay)?.date;
      const dow = typeof date === 'string' ? weekday(date) : null;
      if (dow === null) {
        problems.push(`${key}: “${String(date)}” 不是有效日期 (YYYY-MM-DD) / not a valid date`);
        continue;
      }
      if (Number.isInteger(y.year) && !date.startsWith(`${y.year}-`)) problems.push(`${key}: ${date} 不在 ${y.year} 年 / not in ${y.year}`);
      if (typeof (day as CalendarDay).name !== 'string' || (day as CalendarDay).name.trim() === '')
        problems.push(`${key}: ${date} 缺少名称 / has no name`);
      if (key === 'workdays' && dow !== 0 && dow !== 6) problems.push(`workdays: ${date} 不是周末，无需调休上班 / is not a weekend day`);
      const other = seen.get(date);
      if (other) problems.push(`${date} 同时出现在 ${other} 和 ${key} / listed twice`);
      seen.set(date, key);
    }
  }
  return problems;
}
