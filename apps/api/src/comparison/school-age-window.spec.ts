import { schoolAgeWindow } from './comparison-queries';

/** Of school age: born in (oldestBirthDate, youngestBirthDate]. */
const inWindow = (birthDate: string, referenceDate: string, cutoff?: string) => {
  const w = schoolAgeWindow(referenceDate, cutoff);
  return birthDate > w.oldestBirthDate && birthDate <= w.youngestBirthDate;
};

describe('the 6–15 school-age window with the 8月31日 entry cut-off', () => {
  it('in the autumn term the window is taken at this year’s cut-off', () => {
    expect(schoolAgeWindow('2026-10-08')).toEqual({ oldestBirthDate: '2010-08-31', youngestBirthDate: '2020-08-31' });
  });

  it('until the cut-off itself the school year that began last autumn still counts', () => {
    expect(schoolAgeWindow('2026-08-31')).toEqual({ oldestBirthDate: '2009-08-31', youngestBirthDate: '2019-08-31' });
    expect(schoolAgeWindow('2026-09-01')).toEqual({ oldestBirthDate: '2010-08-31', youngestBirthDate: '2020-08-31' });
    expect(schoolAgeWindow('2026-01-15')).toEqual({ oldestBirthDate: '2009-08-31', youngestBirthDate: '2019-08-31' });
  });

  it('a child who is 6 on 8月31日 enters; one who turns 6 on 9月1日 waits a year', () => {
    expect(inWindow('2020-08-31', '2026-09-15')).toBe(true);
    expect(inWindow('2020-09-01', '2026-09-15')).toBe(false);
    expect(inWindow('2020-09-01', '2027-09-15')).toBe(true);
  });

  it('a child still 15 on 8月31日 is in the window for the whole school year; one who turned 16 by then is out', () => {
    expect(inWindow('2010-09-01', '2026-09-15')).toBe(true);
    expect(inWindow('2010-09-01', '2027-06-30')).toBe(true); // 16 since 2026-09-01, but the school year counts
    expect(inWindow('2010-08-31', '2026-09-15')).toBe(false);
  });

  it('a county with another cut-off passes its own day', () => {
    expect(schoolAgeWindow('2026-09-15', '09-30')).toEqual({ oldestBirthDate: '2009-09-30', youngestBirthDate: '2019-09-30' });
    expect(inWindow('2020-09-01', '2026-10-01', '09-30')).toBe(true);
    expect(() => schoolAgeWindow('2026-09-15', '8/31')).toThrow('MM-DD');
  });
});
