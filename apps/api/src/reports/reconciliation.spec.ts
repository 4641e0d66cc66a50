import type { OrgUnit } from '../database/entities';
import { reconcile } from './reconciliation';

const unit = (code: string, name: string, kind: string, path: string) => ({ code, name, kind, path }) as OrgUnit;
const UNITS = [
  unit('640422', '西吉县', 'county', '/640422/'),
  unit('640422100', '吉强镇', 'township', '/640422/640422100/'),
  unit('64042210001', '吉强镇中心小学', 'school', '/640422/640422100/64042210001/'),
];
const row = (idNumber: string, name: string, extra: Partial<{ school: string; township: string; birthDate: string }> = {}) => ({
  idNumber,
  name,
  school: extra.school ?? null,
  township: extra.township ?? null,
  birthDate: extra.birthDate ?? null,
});
const WINDOW = { oldestBirthDate: '2010-08-31', youngestBirthDate: '2020-08-31' };
const SCHOOL = '/640422/640422100/64042210001/';

describe('三统一: account vs student register vs poverty list, child by child', () => {
  const base = {
    tenantId: 't',
    units: UNITS,
    students: [
      { idNumber: 'A', name: '甲', schoolPath: SCHOOL, status: 'enrolled' as const },
      { idNumber: 'B', name: '乙', schoolPath: SCHOOL, status: 'enrolled' as const }, // not on the register
      { idNumber: 'G', name: '庚', schoolPath: SCHOOL, status: 'transferred' as const }, // off the roll
      { idNumber: 'D', name: '丁', schoolPath: SCHOOL, status: 'dropout' as const }, // on the ledger
    ],
    ledger: [{ idNumber: 'D', studentName: '丁', orgUnitPath: SCHOOL }],
    register: [
      row('A', '甲', { school: '64042210001' }),
      row('C', '丙', { school: '吉强镇中心小学' }),
      row('X', '无校', { school: '外县某校' }),
    ],
    poverty: [
      row('A', '甲', { township: '吉强镇', birthDate: '2015-01-01' }),
      row('P', '扶', { township: '吉强镇', birthDate: '2015-01-01' }),
      row('Q', '成年', { township: '吉强镇', birthDate: '1990-01-01' }), // not of school age
    ],
    window: WINDOW,
  };

  it('names each difference with its side and places it where the side that has the child does', () => {
    const r = reconcile(base);
    expect(r.differences.map((d) => [d.kind, d.idNumber, d.path]).sort()).toEqual(
      [
        ['register-only', 'C', SCHOOL],
        ['register-only', 'X', '/640422/'], // an unknown school: the county
        ['ledger-only', 'B', SCHOOL],
        ['poverty-only', 'P', '/640422/640422100/'],
      ].sort(),
    );
    const school = r.row(UNITS[2], () => false);
    expect(school).toMatchObject({ ledger: 3, register: 2, poverty: 0, differences: 2, unexplained: 2 });
    const county = r.row(UNITS[0], (key) => key === r.differences.find((d) => d.idNumber === 'P')!.key);
    expect(county).toMatchObject({ ledger: 3, register: 3, poverty: 2, differences: 4, unexplained: 3 });
  });

  it('without a register import only the poverty list is compared; keys are stable per child and side', () => {
    const r = reconcile({ ...base, register: null });
    expect(r.differences.map((d) => [d.kind, d.idNumber])).toEqual([['poverty-only', 'P']]);
    expect(reconcile(base).differences.find((d) => d.idNumber === 'P')!.key).toBe(r.differences[0].key);
  });
});
