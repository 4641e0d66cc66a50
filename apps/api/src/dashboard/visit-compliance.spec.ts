import { complianceOf, lastMonths } from './visit-compliance';

describe('the months the 包抓 visit table shows', () => {
  it('are the last six calendar months up to the current one, across a year boundary', () => {
    expect(lastMonths('2027-02-14', 6)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('do not skip a month on the 31st (a naive date step would jump from March 31 to May)', () => {
    expect(lastMonths('2026-03-31', 3)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('包抓 compliance per person and office', () => {
  const townships = [
    { code: '640422100', name: '吉强镇' },
    { code: '640422101', name: '兴隆镇' },
  ];
  const assignments = [
    { userId: 'a', office: '基础教育室', townshipCode: '640422100' },
    { userId: 'b', office: '局领导（班子成员）', townshipCode: '640422101' },
    { userId: 'c', office: '基础教育室', townshipCode: '640422101' },
  ];
  const names = new Map([
    ['a', '甲'],
    ['b', '乙'],
    ['c', '丙'],
  ]);
  const visits = [
    { by: 'a', township: '640422100', month: '2026-12' },
    { by: 'a', township: '640422100', month: '2026-12' },
    // a visit to a township not assigned to its recorder counts for the township, not for the person
    { by: 'b', township: '640422100', month: '2026-12' },
    { by: 'b', township: '640422101', month: '2026-11' },
    { by: 'b', township: '640422101', month: '2026-11' },
  ];
  const months = ['2026-11', '2026-12'];

  it('counts each person’s visits to their own townships, and an office’s people who met the county’s number', () => {
    const c = complianceOf({ visits, townships, assignments, names, months, required: 2 });
    expect(c.townships.map((t) => t.visits)).toEqual([
      [0, 3],
      [2, 0],
    ]);
    expect(c.people.map((p) => [p.displayName, p.visits, p.compliantMonths])).toEqual([
      ['乙', [2, 0], 1],
      ['丙', [0, 0], 0],
      ['甲', [0, 2], 1],
    ]);
    expect(c.offices).toEqual([
      { office: '局领导（班子成员）', members: 1, compliant: [1, 0], visits: [2, 0] },
      { office: '基础教育室', members: 2, compliant: [0, 1], visits: [0, 2] },
    ]);
  });

  it('judges nothing compliant when the county has not set its number', () => {
    const c = complianceOf({ visits, townships, assignments, names, months, required: null });
    expect(c.required).toBeNull();
    expect([...c.townships, ...c.people].every((x) => x.compliantMonths === 0)).toBe(true);
    expect(c.offices.every((o) => o.compliant.every((n) => n === 0))).toBe(true);
  });

  it('shows only the people of townships in the unit', () => {
    const c = complianceOf({ visits, townships: townships.slice(0, 1), assignments, names, months, required: 2 });
    expect(c.people.map((p) => p.displayName)).toEqual(['甲']);
  });
});
