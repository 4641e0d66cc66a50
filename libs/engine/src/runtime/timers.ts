import { ExpressionError } from './feel';

/** ISO 8601 durations (PnYnMnWnDTnHnMnS); years and months move the calendar, the rest are exact */
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isDuration(text: string): boolean {
  return DURATION.test(text) && text !== 'P' && !text.endsWith('T');
}

export function addDuration(from: number, text: string): number {
  const m = DURATION.exec(text);
  if (!m || !isDuration(text)) throw new ExpressionError(`"${text}" is not an ISO 8601 duration`);
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(from);
  if (y || mo) date.setUTCMonth(date.getUTCMonth() + mo + 12 * y);
  return date.getTime() + (((w * 7 + d) * 24 + h) * 60 + mi) * 60_000 + Math.round(s * 1000);
}

export function parseDate(text: string): number {
  const at = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at)) throw new ExpressionError(`"${text}" is not an ISO 8601 date-time`);
  return at;
}

/** a due date given as an ISO date-time or as a duration from now */
export function dateOrDuration(text: string, now: number): number {
  return isDuration(text) ? addDuration(now, text) : parseDate(text);
}

export interface CycleState {
  /** repetitions left after the next firing; -1 = unbounded */
  remaining: number;
  interval: string;
  firstDue: number;
}

/** "R5/PT10M", "R/PT1H", "R3/2026-12-01T08:00:00Z/P1D" */
export function parseCycle(text: string, now: number): CycleState {
  const parts = text.split('/');
  const repeat = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!repeat || parts.length < 2 || parts.length > 3)
    throw new ExpressionError(`"${text}" is not an ISO 8601 repeating interval (e.g. R3/PT10M)`);
  const interval = parts[parts.length - 1];
  const count = repeat[1] === '' ? -1 : Number(repeat[1]);
  if (count === 0) throw new ExpressionError(`"${text}" repeats zero times`);
  const firstDue = parts.length === 3 ? parseDate(parts[1]) : addDuration(now, interval);
  return { remaining: count < 0 ? -1 : count - 1, interval, firstDue };
}
