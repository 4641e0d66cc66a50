import * as fs from 'fs';
import * as path from 'path';
import { WorkCalendar, WorkingDaysError, chinaMidnight, checkCalendarYear, type CalendarYear } from './index';

const shipped = (year: number): CalendarYear =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../calendar', `${year}.json`), 'utf8')) as CalendarYear;

describe('WorkCalendar with the shipped 2026 and 2027 files', () => {
  const calendar = new WorkCalendar([shipped(2026), shipped(2027)]);

  it('given the shipped files, when checked, then each is a valid year', () => {
    expect(checkCalendarYear(shipped(2026))).toEqual([]);
    expect(checkCalendarYear(shipped(2027))).toEqual([]);
  });

  it.each([
    // Thursday before 中秋 (9/25–27): Mon 28, Tue 29, Wed 30
    ['2026-09-24', 3, '2026-09-30'],
    // Thursday before 劳动节 (5/1–5): Wed 6, Thu 7, Fri 8
    ['2026-04-30', 3, '2026-05-08'],
    // Thursday before 春节: Fri 13, Sat 14 (调休上班), then 15–23 off, Tue 24
    ['2026-02-12', 3, '2026-02-24'],
    // Thursday before 国庆 with the 9/20 and 10/10 调休: Fri 25 is 中秋 … Mon 28, Tue 29, Wed 30, then 10/8, 10/9, Sat 10/10
    ['2026-09-24', 6, '2026-10-10'],
    // the last day of 2025's file-less days to 2026: 元旦 1/1–3 off, Sun 1/4 works
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('given %s, when %i working days are added, then the day is %s', (from, days, expected) => {
    expect(calendar.addWorkingDaysToDate(from, days).date).toBe(expected);
  });

  it('given a moment with a time of day, when working days are added, then the time of day is kept (China time)', () => {
    const from = Date.parse('2026-09-24T09:30:00+08:00');
    const r = calendar.addWorkingDays(from, 3);
    expect(new Date(r.at).toISOString()).toBe('2026-09-30T01:30:00.000Z');
    expect(r.provisional).toBe(false);
  });

  it('given a published year, when a weekend 调休 day is asked about, then it is a working day with its name', () => {
    expect(calendar.day('2026-10-10')).toEqual({ date: '2026-10-10', working: true, kind: 'adjusted-workday', name: '国庆节调休上班' });
    expect(calendar.day('2026-10-05')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(calendar.day('2026-10-11')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('given 2027 is not published, when days of it are counted, then the statutory days hold and the answer is provisional', () => {
    // Thu 2027-09-30: 10/1–3 statutory; Mon 10/4 is counted as a working day until the schedule is announced
    const r = calendar.addWorkingDaysToDate('2027-09-30', 1);
    expect(r).toMatchObject({ date: '2027-10-04', provisional: true });
    expect(calendar.yearStatus(2027)).toBe('statutory-only');
    expect(calendar.yearStatus(2026)).toBe('published');
  });
});

describe('WorkCalendar without a file for the year', () => {
  const calendar = new WorkCalendar([]);

  it('given no file for 2030, when National Day is asked about, then the fixed-date statutory days still hold', () => {
    expect(calendar.day('2030-10-02')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(calendar.day('2030-05-02')).toMatchObject({ working: false, name: '劳动节' });
    // Mon 2030-09-30 + 1 → 10/1–3 off (Tue–Thu), Fri 10/4
    expect(calendar.addWorkingDaysToDate('2030-09-30', 1)).toMatchObject({ date: '2030-10-04', provisional: true });
  });

  it('given a bad count or date, when asked, then it refuses with a reason instead of looping', () => {
    expect(() => calendar.addWorkingDaysToDate('2026-01-05', 401)).toThrow(WorkingDaysError);
    expect(() => calendar.addWorkingDaysToDate('2026-01-05', -1)).toThrow(/0–400/);
    expect(() => calendar.addWorkingDaysToDate('2026-01-05', 1.5)).toThrow(WorkingDaysError);
    expect(() => chinaMidnight('2026-02-30')).toThrow(/不是有效日期/);
  });
});

describe('checkCalendarYear', () => {
  const base: CalendarYear = { format: 'kcbx-calendar/1', year: 2026, published: true, source: 'test', holidays: [], workdays: [] };

  it('given an edit that makes a weekday 调休上班, a date twice or a date of another year, then each is named', () => {
    const problems = checkCalendarYear({
      ...base,
      holidays: [
        { date: '2026-10-01', name: '国庆节' },
        { date: '2025-10-01', name: '国庆节' },
      ],
      workdays: [
        { date: '2026-10-01', name: 'x' },
        { date: '2026-10-12', name: '周一' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('2025-10-01 不在 2026 年'),
        expect.stringContaining('2026-10-12 不是周末'),
        expect.stringContaining('2026-10-01 同时出现在'),
      ]),
    );
  });

  it('given a broken file, when a calendar is built from it, then it refuses with the first problem', () => {
    expect(() => new WorkCalendar([{ ...base, format: 'x' as 'kcbx-calendar/1' }])).toThrow(/format/);
  });
});
