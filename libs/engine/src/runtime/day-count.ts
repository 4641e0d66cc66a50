import { WorkCalendar } from '@kcbx/work-calendar';
import { ExpressionError, evalValue } from './feel';
import { addDuration, isDuration, parseDate } from './timers';

/**
 * Working days (工作日) for due dates and timers. The host gives the engine a calendar per tenant (the county's
 * holidays and 调休 days); without one, weekends and the fixed-date statutory holidays are all the engine knows.
 */
export interface WorkingDayCalendar {
  /** the moment N working days after `fromMs` in the tenant's calendar, same time of day */
  addWorkingDays(tenantId: string, fromMs: number, days: number): number;
}

const statutoryOnly = new WorkCalendar([]);
export const WEEKENDS_AND_STATUTORY_DAYS: WorkingDayCalendar = {
  addWorkingDays: (_tenant, fromMs, days) => statutoryOnly.addWorkingDays(fromMs, days).at,
};

const DAYS_PART = /^P(?:(\d+)W)?(?:(\d+)D)?(T.*)?$/;

/** "working" | "calendar" for an element's dayCount setting (a FEEL value, e.g. a county parameter, is read now) */
export function resolveDayCount(setting: string | null, vars: Record<string, unknown>): 'working' | 'calendar' {
  if (!setting) return 'calendar';
  const value = setting.startsWith('=') ? evalValue(setting, vars) : setting;
  if (value === null || value === 'calendar' || value === '自然日') return 'calendar';
  if (value === 'working' || value === '工作日') return 'working';
  throw new ExpressionError(`dayCount "${setting}" gave ${JSON.stringify(value)}: expected working (工作日) or calendar (自然日)`);
}

/**
 * A duration from `from`: in working days, its weeks and days count working days (a week is five) and its time part
 * is added after them; years and months have no working-day meaning and are refused.
 */
export function addDurationCounting(
  from: number,
  text: string,
  dayCount: 'working' | 'calendar',
  tenantId: string,
  calendar: WorkingDayCalendar,
): number {
  if (dayCount === 'calendar') return addDuration(from, text);
  const m = DAYS_PART.exec(text);
  if (!m || !isDuration(text))
    throw new ExpressionError(`"${text}" cannot count working days: use days (P3D), weeks (P1W) and a time part, not years or months`);
  const days = Number(m[1] ?? 0) * 5 + Number(m[2] ?? 0);
  const afterDays = calendar.addWorkingDays(tenantId, from, days);
  return m[3] ? addDuration(afterDays, `P${m[3]}`) : afterDays;
}

/** a due date given as an ISO date-time or as a duration from now, counting days as the element says */
export function dueFrom(
  text: string,
  now: number,
  dayCount: 'working' | 'calendar',
  tenantId: string,
  calendar: WorkingDayCalendar,
): number {
  return isDuration(text) ? addDurationCounting(now, text, dayCount, tenantId, calendar) : parseDate(text);
}
