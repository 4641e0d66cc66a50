import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { placeTasks } from '../task-visibility/task-visibility';

/** Open tasks past due at one unit. */
export interface OverdueAtUnit {
  path: string;
  n: number;
}

/** The open tasks past their due time, where the visibility rule places them. */
@Injectable()
export class OverdueWorkRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Open tasks due before `now` (ms), counted per unit at or under `topPath` (placed by the visibility rule,
   * task-visibility/; unplaced tasks are not counted). Grouped by the unit in SQL: only counts travel to Node.
   */
  async perUnit(tenantId: string, topPath: string, now: number): Promise<OverdueAtUnit[]> {
    const raw = await placeTasks(this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).createQueryBuilder('t'), 'inner')
      .select('o.path', 'path')
      .addSelect('COUNT(*)', 'n')
      .where("t.tenantId = :tenantId AND t.state = 'created' AND t.dueAt IS NOT NULL AND t.dueAt < :now", { tenantId, now })
      .andWhere('o.path LIKE :top', { top: `${topPath}%` })
      .groupBy('o.path')
      .getRawMany<{ path: string; n: string | number }>();
    return raw.map((r) => ({ path: r.path, n: Number(r.n) }));
  }
}
