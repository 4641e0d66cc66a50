import { checkSchoolTerms, termOf } from './school-terms';

describe('school terms', () => {
  const terms = [
    { name: '2025–2026学年第二学期', start: '2026-03-02', end: '2026-07-10' },
    { name: '2026–2027学年第一学期', start: '2026-09-01', end: '2027-01-22' },
  ];

  it('given a date in a term, then termOf names it; between terms, none', () => {
    expect(termOf(terms, '2026-10-15')?.name).toBe('2026–2027学年第一学期');
    expect(termOf(terms, '2026-08-01')).toBeNull();
  });

  it('given overlapping or reversed terms, then each problem is named', () => {
    expect(checkSchoolTerms(terms)).toEqual([]);
    const problems = checkSchoolTerms([...terms, { name: '错误', start: '2026-07-01', end: '2026-06-01' }]);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('结束日期早于开始日期'), expect.stringContaining('重叠')]));
  });
});
