import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { TaskReminder, Tenant } from '../database/entities';
import { roleHoldersAt, workersOf } from '../task-visibility/task-visibility';

/** The reminders' reads and their claims (task_reminder). */
@Injectable()
export class RemindersRepository {
  constructor(private readonly ds: DataSource) {}

  async tenantIds(): Promise<string[]> {
    return (await this.ds.getRepository(Tenant).find({ select: { id: true } })).map((t) => t.id);
  }

  /** a county's open tasks due before `until` (per county, so the (tenantId, state) index of open tasks serves it) */
  async openTasksDueBefore(tenantId: string, until: number): Promise<TaskRecord[]> {
    const rows = await this.ds
      .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
      .createQueryBuilder('t')
      .where("t.tenantId = :tenantId AND t.state = 'created' AND t.dueAt IS NOT NULL AND t.dueAt <= :until", { tenantId, until })
      .getMany();
    // PostgreSQL returns bigint times as text
    return rows.map((t) => ({ ...t, dueAt: Number(t.dueAt) }));
  }

  async firedStages(taskId: string): Promise<Set<string>> {
    return new Set((await this.ds.getRepository(TaskReminder).findBy({ taskId })).map((r) => r.stage));
  }

  /**
   * Claims the stage: true when this call inserted its row. A plain insert, so the unique (taskId, stage) index
   * decides between processes on both databases; the loser's insert fails and finds the winner's row.
   */
  async claim(row: TaskReminder): Promise<boolean> {
    try {
      await this.ds.getRepository(TaskReminder).insert(row);
      return true;
    } catch (err) {
      if (await this.ds.getRepository(TaskReminder).exists({ where: { taskId: row.taskId, stage: row.stage } })) return false;
      throw err;
    }
  }

  async setRecipients(id: string, recipients: number): Promise<void> {
    await this.ds.getRepository(TaskReminder).update({ id }, { recipients });
  }

  workersOf(task: TaskRecord): Promise<string[]> {
    return workersOf(this.ds, task);
  }

  roleHolders(task: TaskRecord, role: string): Promise<string[]> {
    return roleHoldersAt(this.ds, task.tenantId, task.instanceId, role);
  }
}
