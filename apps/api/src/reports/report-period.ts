import type { ReportPeriod, ReportPeriodType } from '@kcbx/api-contract';
import type { SchoolTerm } from '@kcbx/work-calendar';

/** The county works in Beijing time: a day ends at midnight there (16:00 UTC the day before). */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const QUARTER = ['', '一', '二', '三', '四'];

/** The instant (ISO) a Beijing calendar day (YYYY-MM-DD) begins. */
export function beijingDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS).toISOString();
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
/** Last day of month m (1-12) of year y. */
const lastDay = (y: number, m: number) => iso(y, m + 1, 0);
const dayAfter = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return iso(y, m, d + 1);
};

/**
 * A report period from its type and value — month 2026-11, quarter 2026-Q4, year 2026, term: the first day of one
 * of the county's school terms (counties/<code>/school-terms.json) — or a message saying what is wrong with it.
 * Every period ends at Beijing midnight after its last day; the report counts the ledgers as they stood then.
 */
export function reportPeriod(type: ReportPeriodType, value: string, terms: SchoolTerm[]): ReportPeriod | string {
  let from: string, to: string, label: string;
  if (type === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
    if (!m) return '月份格式应为 YYYY-MM / use YYYY-MM';
    const [y, mo] = [Number(m[1]), Number(m[2])];
    [from, to, label] = [iso(y, mo, 1), lastDay(y, mo), `${y}年${mo}月`];
  } else if (type === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(value);
    if (!m) return '季度格式应为 YYYY-Q1 至 YYYY-Q4 / use YYYY-Q1 … YYYY-Q4';
    const [y, q] = [Number(m[1]), Number(m[2])];
    [from, to, label] = [iso(y, q * 3 - 2, 1), lastDay(y, q * 3), `${y}年第${QUARTER[q]}季度`];
  } else if (type === 'year') {
    if (!/^\d{4}$/.test(value)) return '年度格式应为 YYYY / use YYYY';
    const y = Number(value);
    [from, to, label] = [iso(y, 1, 1), iso(y, 12, 31), `${y}年度`];
  } else {
    if (!terms.length)
      return '本县校历（counties/<县代码>/school-terms.json）没有学期，不能出学期报 / the county has no school terms: no term reports';
    const term = terms.find((t) => t.start === value);
    if (!term) {
      const known = terms.map((t) => `${t.start}（${t.name}）`).join('、');
      return `学期应为本县校历中某学期的开学日期：${known} / a term is given by its first day in the county's school terms`;
    }
    [from, to, label] = [term.start, term.end, term.name];
  }
  return { type, value, label, from, to, end: beijingDayStart(dayAfter(to)) };
}

/** The period containing a Beijing day, for the default of each type (the term: the latest begun by then). */
export function currentPeriodValue(type: ReportPeriodType, today: string, terms: SchoolTerm[]): string | undefined {
  const [y, m] = today.split('-').map(Number);
  if (type === 'month') return today.slice(0, 7);
  if (type === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (type === 'year') return String(y);
  return [...terms].reverse().find((t) => t.start <= today)?.start ?? terms[0]?.start;
}
