import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS, openStepsOfInstance } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { Tenant } from '../database/entities';
import type { Tx } from '../database/transaction';
import { workersOf } from '../task-visibility/task-visibility';

type Kind = 'task-available' | 'task-overdue';

/**
 * What the task notifier reads: open tasks (the engine's, through its schema) not yet announced in-app, the counties
 * it polls, who may work a task (the task-visibility rule) and a case's return entries. With `tx`, an engine
 * command's transaction, reads see the command's own uncommitted writes.
 */
@Injectable()
export class TaskNoticesRepository {
  constructor(private readonly ds: DataSource) {}

  /** the instance's open tasks */
  openTasksOf(tenantId: string, instanceId: string, tx?: Tx): Promise<TaskRecord[]> {
    return openStepsOfInstance(tx ?? this.ds, tenantId, instanceId);
  }

  /** open tasks of the county created since `since` that have no "available" notice yet */
  createdUnannounced(tenantId: string, since: number): Promise<TaskRecord[]> {
    return this.unnoticed(tenantId, 'task-available').andWhere('t.createdAt >= :since AND n.id IS NULL', { since }).getMany();
  }

  /** open tasks of the county past their due date that have no "overdue" notice yet */
  overdueUnreported(tenantId: string, now: number): Promise<TaskRecord[]> {
    return this.unnoticed(tenantId, 'task-overdue').andWhere('t.dueAt IS NOT NULL AND t.dueAt < :now AND n.id IS NULL', { now }).getMany();
  }

  // These run every poll in every process: per county, so the (tenantId, state) index of open tasks serves them.
  private unnoticed(tenantId: string, kind: Kind) {
    return this.ds
      .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
      .createQueryBuilder('t')
      .where("t.tenantId = :tenantId AND t.state = 'created'", { tenantId })
      .leftJoin('notification', 'n', `n.taskId = t.id AND n.kind = '${kind}'`);
  }

  async tenantIds(): Promise<string[]> {
    return (await this.ds.getRepository(Tenant).find({ select: { id: true } })).map((x) => x.id);
  }

  /** who may work the task now (its assignee, or the active users it is offered to) */
  workersOf(task: TaskRecord, tx?: Tx): Promise<string[]> {
    return workersOf(tx ?? this.ds, task);
  }

  /** the case's 退回 entries as the command's transaction sees them (its own, uncommitted one included) */
  async returnEntries(tx: Tx, tenantId: string, instanceId: string): Promise<{ at: number; data: Record<string, unknown> }[]> {
    const rows = await tx
      .getRepository<{ tenantId: string; instanceId: string; type: string; at: number; data: string }>(ENGINE_SCHEMAS.history)
      .findBy({ tenantId, instanceId, type: 'task-returned' });
    return rows.map((h) => ({ at: Number(h.at), data: JSON.parse(h.data) as Record<string, unknown> }));
  }
}
