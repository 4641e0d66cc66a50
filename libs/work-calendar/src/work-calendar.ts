import { checkCalendarYear, weekday, type CalendarYear } from './calendar-year';
import { fixedStatutoryHoliday } from './statutory-holidays';

/** China has one time zone and no summer time: a day in China is a UTC day shifted by eight hours. */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** the longest count a deadline may ask for: a school year and a half of working days keeps every loop short */
export const MAX_WORKING_DAYS = 400;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  /** the holiday or 调休 name, when the day is one */
  name?: string;
}

export interface WorkingDaysResult {
  /** the date-time N working days later, same time of day (milliseconds) */
  at: number;
  /** its date in China time */
  date: string;
  /** true when a day counted lies in a year whose 放假调休 schedule is not published yet (statutory days only) */
  provisional: boolean;
}

export class WorkingDaysError extends Error {
  readonly code = 'CALENDAR_BAD_REQUEST';
}

export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** midnight in China of a YYYY-MM-DD, as milliseconds */
export function chinaMidnight(date: string): number {
  if (weekday(date) === null) throw new WorkingDaysError(`“${date}” 不是有效日期 (YYYY-MM-DD) / not a valid date`);
  return Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS;
}

/**
 * Working days by one county's calendar: a day is a working day unless it is a weekend day or a holiday, and a
 * weekend day listed as 调休上班 is one. Built from the year files the county ships; the fixed-date statutory days
 * hold for every year, with a file or without.
 */
export class WorkCalendar {
  private readonly years = new Map<number, CalendarYear>();
  private readonly days = new Map<string, DayInfo>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      const problems = checkCalendarYear(y);
      if (problems.length > 0) throw new WorkingDaysError(`${y?.year ?? '?'} 年日历有误 / calendar year is invalid: ${problems[0]}`);
      this.years.set(y.year, y);
      for (const h of y.holidays) this.days.set(h.date, { date: h.date, working: false, kind: 'holiday', name: h.name });
      for (const w of y.workdays) this.days.set(w.date, { date: w.date, working: true, kind: 'adjusted-workday', name: w.name });
    }
  }

  /** whether a year's schedule is in (published), or only the statutory fixed days are known */
  yearStatus(year: number): 'published' | 'statutory-only' {
    return this.years.get(year)?.published ? 'published' : 'statutory-only';
  }

  publishedYears(): number[] {
    return [...this.years.values()].filter((y) => y.published).map((y) => y.year);
  }

  day(date: string): DayInfo {
    const dow = weekday(date);
    if (dow === null) throw new WorkingDaysError(`“${date}” 不是有效日期 (YYYY-MM-DD) / not a valid date`);
    const listed = this.days.get(date);
    if (listed) return listed;
    const statutory = fixedStatutoryHoliday(date);
    if (statutory) return { date, working: false, kind: 'holiday', name: statutory };
    return dow === 0 || dow === 6 ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
  }

  /** N working days after a moment, keeping its time of day; the day it starts on is not counted (as 3个工作日内 means) */
  addWorkingDays(fromMs: number, days: number): WorkingDaysResult {
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS)
      throw new WorkingDaysError(`工作日天数应为 0–${MAX_WORKING_DAYS} 的整数 / working days must be an integer 0–${MAX_WORKING_DAYS}`);
    let at = fromMs;
    let provisional = false;
    for (let counted = 0; counted < days;) {
      at += DAY_MS;
      const date = chinaDate(at);
      if (this.yearStatus(Number(date.slice(0, 4))) !== 'published') provisional = true;
      if (this.day(date).working) counted++;
    }
    return { at, date: chinaDate(at), provisional };
  }

  /** the same for a date: N working days after `from` (a YYYY-MM-DD), as a date */
  addWorkingDaysToDate(from: string, days: number): WorkingDaysResult {
    return this.addWorkingDays(chinaMidnight(from), days);
  }
}
