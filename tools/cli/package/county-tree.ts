import { RegionIndex, type RegionNode } from '@kcbx/cn-codes';
import { demoSchools } from '@kcbx/demo-data';
import { CliError } from '../errors';
import type { PackageOrgUnit } from './county-package';

const LEVEL = { 2: { zh: '省级', en: 'province' }, 4: { zh: '地市级', en: 'prefecture' }, 9: { zh: '乡镇级', en: 'township' } } as Record<
  number,
  { zh: string; en: string }
>;

/**
 * The org tree of any county from the national division tree: the county, its townships (statistical
 * codes), and under each township the placeholder schools the API's demo seed also creates (demoSchools).
 * A code that is not a county-level division is refused, saying what it is instead.
 */
export function countyTree(regions: RegionIndex, code: string): { tenant: { code: string; name: string }; orgUnits: PackageOrgUnit[] } {
  if (!/^\d+$/.test(code))
    throw new CliError(`“${code}”不是行政区划代码（应为 6 位数字，如 640423）`, `"${code}" is not a division code (6 digits, e.g. 640423)`);
  const node = regions.find(code);
  const level = LEVEL[code.length];
  if (code.length !== 6) {
    const what =
      node && level
        ? `${level.zh}代码（${regions
            .path(code)
            .map((n) => n.name)
            .join(' / ')}）`
        : '不是 GB/T 2260 代码';
    const whatEn =
      node && level
        ? `a ${level.en} code (${regions
            .path(code)
            .map((n) => n.name)
            .join(' / ')})`
        : 'not a GB/T 2260 code';
    throw new CliError(
      `${code} 是${what}，不是县级代码；请给出 6 位县级代码，如 640423`,
      `${code} is ${whatEn}, not a county; give a 6-digit county code such as 640423`,
    );
  }
  if (!node) throw new CliError(`区划数据中没有县级代码 ${code}`, `there is no county ${code} in the division data`);
  const townships = node.children ?? [];
  if (townships.length === 0) {
    throw new CliError(
      `${code}（${node.name}）在区划数据中没有下辖乡镇，无法建立单位树`,
      `${code} (${node.name}) has no townships in the division data; no org tree can be built`,
    );
  }
  const orgUnits: PackageOrgUnit[] = [{ code, name: node.name, kind: 'county', parentCode: null }];
  for (const t of townships as RegionNode[]) {
    orgUnits.push({ code: t.code, name: t.name, kind: 'township', parentCode: code });
    for (const s of demoSchools(t.code, t.name)) orgUnits.push({ code: s.code, name: s.name, kind: 'school', parentCode: t.code });
  }
  return { tenant: { code, name: node.name }, orgUnits };
}
