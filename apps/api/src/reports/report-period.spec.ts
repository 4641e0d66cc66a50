import { currentPeriodValue, reportPeriod } from './report-period';

const TERMS = [
  { name: '2025–2026学年第二学期', start: '2026-03-02', end: '2026-07-10' },
  { name: '2026–2027学年第一学期', start: '2026-09-01', end: '2027-01-22' },
];

describe('report periods end at Beijing midnight after their last day', () => {
  it('month, quarter, year and term', () => {
    expect(reportPeriod('month', '2026-02', TERMS)).toEqual({
      type: 'month',
      value: '2026-02',
      label: '2026年2月',
      from: '2026-02-01',
      to: '2026-02-28',
      end: '2026-02-28T16:00:00.000Z',
    });
    expect(reportPeriod('quarter', '2026-Q4', TERMS)).toMatchObject({
      label: '2026年第四季度',
      from: '2026-10-01',
      to: '2026-12-31',
      end: '2026-12-31T16:00:00.000Z',
    });
    expect(reportPeriod('year', '2026', TERMS)).toMatchObject({ label: '2026年度', from: '2026-01-01', to: '2026-12-31' });
    expect(reportPeriod('term', '2026-09-01', TERMS)).toMatchObject({
      label: '2026–2027学年第一学期',
      to: '2027-01-22',
      end: '2027-01-22T16:00:00.000Z',
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(reportPeriod('month', '2026-13', TERMS)).toContain('YYYY-MM');
    expect(reportPeriod('quarter', '2026-4', TERMS)).toContain('季度');
    expect(reportPeriod('term', '2026-09-02', TERMS)).toContain('2026-09-01（2026–2027学年第一学期）');
    expect(reportPeriod('term', '2026-09-01', [])).toContain('没有学期');
  });

  it('the current period of each type; between terms, the term last begun', () => {
    expect(currentPeriodValue('quarter', '2026-12-07', TERMS)).toBe('2026-Q4');
    expect(currentPeriodValue('term', '2026-08-15', TERMS)).toBe('2026-03-02');
    expect(currentPeriodValue('term', '2026-12-07', TERMS)).toBe('2026-09-01');
  });
});
