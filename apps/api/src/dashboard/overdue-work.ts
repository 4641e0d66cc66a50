import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import type { TaskRecord } from '@kcbx/engine';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../database/entities';
import { placeTasks } from '../task-visibility/task-visibility';

export interface OverdueCount {
  code: string;
  name: string;
  n: number;
}

/**
 * Open tasks past their due time, counted per unit under `topPath` (placed by the visibility rule, task-visibility/). Grouped by the unit in SQL; only counts travel to Node,
 * where they are rolled up to the top unit's direct children.
 */
export async function overdueWork(ds: DataSource, tenantId: string, top: OrgUnit, children: OrgUnit[], now = Date.now()) {
  const raw: { path: string; n: string | number }[] = await placeTasks(
    ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).createQueryBuilder('t'),
    'inner',
  )
    .select('o.path', 'path')
    .addSelect('COUNT(*)', 'n')
    .where("t.tenantId = :tenantId AND t.state = 'created' AND t.dueAt IS NOT NULL AND t.dueAt < :now", { tenantId, now })
    .andWhere('o.path LIKE :top', { top: `${top.path}%` })
    .groupBy('o.path')
    .getRawMany();
  const rows = raw.map((r) => ({ path: r.path, n: Number(r.n) }));
  const sumUnder = (path: string) => rows.filter((r) => r.path.startsWith(path)).reduce((s, r) => s + r.n, 0);
  return {
    total: sumUnder(top.path),
    children: children.map((c): OverdueCount => ({ code: c.code, name: c.name, n: sumUnder(c.path) })),
  };
}
