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

/** above this many overdue tasks the ids are not passed back as a list: one query places them all */
const AS_LIST = 2000;

/** The open tasks past their due time, where the visibility rule places them. */
@Injectable()
export class OverdueWorkRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Open tasks due before `now` (ms), counted per unit at or under `topPath` (placed by the visibility rule,
   * task-visibility/; unplaced tasks are not counted). Grouped by the unit in SQL: only counts travel to Node.
   *
   * The overdue tasks are found first (partial index on open tasks' due time), then placed: in one query
   * PostgreSQL misjudged how many open tasks are overdue (the due-time statistics are the whole table's, finished
   * steps' included) and read every placement variable of the database instead — 300 ms at a province (#19).
   */
  async perUnit(tenantId: string, topPath: string, now: number): Promise<OverdueAtUnit[]> {
    const tasks = this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task);
    const due = await tasks
      .createQueryBuilder('t')
      .select('t.id', 'id')
      .where("t.tenantId = :tenantId AND t.state = 'created' AND t.dueAt IS NOT NULL AND t.dueAt < :now", { tenantId, now })
      .limit(AS_LIST + 1)
      .getRawMany<{ id: string }>();
    if (due.length === 0) return [];
    const query = placeTasks(tasks.createQueryBuilder('t'), 'inner')
      .select('o.path', 'path')
      .addSelect('COUNT(*)', 'n')
      .where("t.tenantId = :tenantId AND t.state = 'created' AND t.dueAt IS NOT NULL AND t.dueAt < :now", { tenantId, now })
      .andWhere('o.path LIKE :top', { top: `${topPath}%` })
      .groupBy('o.path');
    if (due.length <= AS_LIST) query.andWhere('t.id IN (:...ids)', { ids: due.map((d) => d.id) });
    const raw = await query.getRawMany<{ path: string; n: string | number }>();
    return raw.map((r) => ({ path: r.path, n: Number(r.n) }));
  }
}
