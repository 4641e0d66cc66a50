import type { OrgUnit } from '@kcbx/api-contract';
import { ancestorsOfMatches, buildOrgTree } from './orgTree';

const unit = (code: string, name: string, kind: OrgUnit['kind'], parentCode: string | null): OrgUnit => ({
  id: code,
  code,
  name,
  kind,
  parentCode,
  path: code,
});

const county = unit('640422', '西吉县', 'county', null);
const jiqiang = unit('640422100', '吉强镇', 'township', '640422');
const xinglong = unit('640422101', '兴隆镇', 'township', '640422');
const school2 = unit('64042210002', '吉强镇第二小学', 'school', '640422100');
const school1 = unit('64042210001', '吉强镇中心小学', 'school', '640422100');

describe('buildOrgTree', () => {
  it('nests units under their parents, ordered by code', () => {
    const [root, ...others] = buildOrgTree([school2, xinglong, county, school1, jiqiang]);
    expect(others).toEqual([]);
    expect(root.unit.name).toBe('西吉县');
    expect(root.children.map((c) => c.unit.name)).toEqual(['吉强镇', '兴隆镇']);
    expect(root.children[0].children.map((c) => c.title)).toEqual(['吉强镇中心小学（64042210001）', '吉强镇第二小学（64042210002）']);
  });

  it('puts a unit whose parent is outside the caller’s scope at the top (a township user sees their township)', () => {
    const roots = buildOrgTree([jiqiang, school1]);
    expect(roots.map((r) => r.unit.code)).toEqual(['640422100']);
    expect(roots[0].children).toHaveLength(1);
  });
});

describe('ancestorsOfMatches', () => {
  it('opens every ancestor of a match by name or code, and nothing for an empty search', () => {
    const units = [county, jiqiang, xinglong, school1, school2];
    expect(ancestorsOfMatches(units, '中心小学').sort()).toEqual(['640422', '640422100']);
    expect(ancestorsOfMatches(units, '640422101')).toEqual(['640422']);
    expect(ancestorsOfMatches(units, '  ')).toEqual([]);
  });
});
