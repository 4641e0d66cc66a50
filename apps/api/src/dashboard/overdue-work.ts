import type { OrgUnit } from '../database/entities';
import type { OverdueAtUnit } from './overdue-work.repository';

export interface OverdueCount {
  code: string;
  name: string;
  n: number;
}

/** Overdue tasks counted per unit (`OverdueWorkRepository.perUnit`) rolled up to the top unit and its direct children. */
export function overdueWork(rows: OverdueAtUnit[], top: OrgUnit, children: OrgUnit[]) {
  const sumUnder = (path: string) => rows.filter((r) => r.path.startsWith(path)).reduce((s, r) => s + r.n, 0);
  return {
    total: sumUnder(top.path),
    children: children.map((c): OverdueCount => ({ code: c.code, name: c.name, n: sumUnder(c.path) })),
  };
}
