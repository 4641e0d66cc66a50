/** How long finished cases keep their engine runtime rows when the county's parameters do not say (三年). */
export const DEFAULT_RETENTION = 'P3Y';

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * The county parameter `historyRetention` as written in its county-parameters model's parameter expression
 * (`historyRetention: "P3Y"`, XML-escaped or not); null when absent, an Error when not a period of Y/M/W/D.
 */
export function retentionOf(xml: string | null): string | null {
  const m = /historyRetention\s*:\s*(?:&quot;|")([^"&]*)(?:&quot;|")/.exec(xml ?? '');
  if (!m) return null;
  if (!isRetention(m[1])) throw new Error(`historyRetention "${m[1]}" is not an ISO 8601 period such as P3Y`);
  return m[1];
}

export function isRetention(text: string): boolean {
  return PERIOD.test(text) && text !== 'P';
}

/** `now` less the period: cases that ended before it lose their runtime rows. */
export function cutoffOf(now: number, period: string): number {
  const m = PERIOD.exec(period);
  if (!m || period === 'P') throw new Error(`"${period}" is not an ISO 8601 period`);
  const [y, mo, w, d] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - mo - 12 * y);
  date.setUTCDate(date.getUTCDate() - 7 * w - d);
  return date.getTime();
}
