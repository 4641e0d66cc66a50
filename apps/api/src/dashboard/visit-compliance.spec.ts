import { lastMonths } from './visit-compliance';

describe('the months the 包抓 visit table shows', () => {
  it('are the last six calendar months up to the current one, across a year boundary', () => {
    expect(lastMonths('2027-02-14', 6)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('do not skip a month on the 31st (a naive date step would jump from March 31 to May)', () => {
    expect(lastMonths('2026-03-31', 3)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});
