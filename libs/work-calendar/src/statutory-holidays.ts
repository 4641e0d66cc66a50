/**
 * The statutory days that fall on the same date every year under 《全国年节及纪念日放假办法》 as revised in 2024
 * (in force from 1 January 2025): 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. The lunar holidays (春节,
 * 清明节, 端午节, 中秋节) move every year, so they come only from a year's file; these fixed ones apply even to a
 * year whose schedule is not yet published, so a deadline never lands on National Day for want of a file.
 */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['01-01', '元旦'],
  ['05-01', '劳动节'],
  ['05-02', '劳动节'],
  ['10-01', '国庆节'],
  ['10-02', '国庆节'],
  ['10-03', '国庆节'],
];

/** the name of the fixed-date statutory holiday on this YYYY-MM-DD, or null */
export function fixedStatutoryHoliday(date: string): string | null {
  const monthDay = date.slice(5);
  return FIXED.find(([md]) => md === monthDay)?.[1] ?? null;
}
