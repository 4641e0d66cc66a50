import { Inject, Injectable, Logger } from '@nestjs/common';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { Tenant, User } from '../database/entities';
import { monitoringSignals } from '../monitoring/signals';
import { ORG_UNIT_CODE_OF_VARIABLE } from '../org/org-unit-variable';
import { InAppSender } from './in-app.sender';
import { EXTERNAL_SENDERS, NotificationSender, OutgoingNotification } from './notification-sender';

type Kind = 'task-available' | 'task-overdue';

/**
 * Turns task events into notifications. A task is "available" to its assignee, or — unassigned — to every
 * active user holding one of its candidate roles at the task's org unit or above it (the inbox rule), plus
 * its candidate users. Delivery is in-app first; external channels get only what was new in-app.
 */
@Injectable()
export class TaskNotifier {
  private readonly log = new Logger('notifications');

  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    private readonly inApp: InAppSender,
    @Inject(EXTERNAL_SENDERS) private readonly external: NotificationSender[],
  ) {}

  /** Every open task of the instance is announced to whoever may work on it (idempotent). */
  async instanceTasks(tenantId: string, instanceId: string): Promise<void> {
    const tasks = await this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ tenantId, instanceId, state: 'created' });
    for (const task of tasks) await this.announce(task, 'task-available');
  }

  /**
   * Tasks created since `since` and not announced yet (timers, messages, starts outside HTTP requests): announced
   * like the rest. Those a request already announced are skipped in the query: re-announcing every new task each
   * poll cost as much as announcing it, in a burst once a second.
   */
  async createdSince(since: number): Promise<void> {
    for (const tenantId of await this.tenantIds()) {
      const tasks = await this.openTasks(tenantId)
        .leftJoin('notification', 'n', "n.taskId = t.id AND n.kind = 'task-available'")
        .andWhere('t.createdAt >= :since AND n.id IS NULL', { since })
        .getMany();
      for (const task of tasks) await this.announce(task, 'task-available');
    }
  }

  /** Open tasks past their due date that have not been reported overdue yet. */
  async overdue(now: number): Promise<number> {
    let count = 0;
    for (const tenantId of await this.tenantIds()) {
      const tasks = await this.openTasks(tenantId)
        .leftJoin('notification', 'n', "n.taskId = t.id AND n.kind = 'task-overdue'")
        .andWhere('t.dueAt IS NOT NULL AND t.dueAt < :now AND n.id IS NULL', { now })
        .getMany();
      for (const task of tasks) await this.announce(task, 'task-overdue');
      count += tasks.length;
    }
    return count;
  }

  // These run every poll in every process: per county, so the (tenantId, state) index of open tasks serves them.
  private openTasks(tenantId: string) {
    return this.ds
      .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
      .createQueryBuilder('t')
      .where("t.tenantId = :tenantId AND t.state = 'created'", { tenantId });
  }

  private async tenantIds(): Promise<string[]> {
    return (await this.ds.getRepository(Tenant).find({ select: { id: true } })).map((x) => x.id);
  }

  private async announce(task: TaskRecord, kind: Kind): Promise<void> {
    const recipients = await this.recipients(task);
    if (!recipients.length) return;
    const procedure = await this.procedureName(task.tenantId, task.definitionId);
    const step = task.name ?? task.activityId;
    const text =
      kind === 'task-available'
        ? { title: `新待办：${step}`, message: `${procedure}「${step}」等待您办理` }
        : {
            title: `任务已逾期：${step}`,
            message: `${procedure}「${step}」已超过办理期限（${new Date(task.dueAt!).toISOString().slice(0, 10)}）`,
          };
    for (const userId of recipients) {
      const n: OutgoingNotification = { tenantId: task.tenantId, userId, kind, taskId: task.id, instanceId: task.instanceId, ...text };
      if (!(await this.inApp.send(n))) continue;
      for (const sender of this.external) {
        await sender.send(n).catch((err: unknown) => {
          this.log.warn({ err, channel: sender.channel }, 'notification sender failed');
          monitoringSignals.notificationFailed({ ...n, channel: sender.channel }, err);
        });
      }
    }
  }

  /** The engine keeps deployed definitions (they never change), so this costs a query once per version. */
  private async procedureName(tenantId: string, definitionId: string): Promise<string> {
    const definition = await this.engine.getDefinition(tenantId, definitionId);
    return definition?.name ?? definition?.key ?? '';
  }

  private async recipients(task: TaskRecord): Promise<string[]> {
    if (task.assignee) return [task.assignee];
    const groups = JSON.parse(task.candidateGroups || '[]') as string[];
    const names = JSON.parse(task.candidateUsers || '[]') as string[];
    const ids = new Set<string>();
    if (groups.length) {
      const [sql, params] = this.ds.driver.escapeQueryWithParameters(
        ROLE_HOLDERS_OF_TASK_UNIT,
        { tenantId: task.tenantId, instanceId: task.instanceId, groups, active: true },
        {},
      );
      const rows: { id: string }[] = await this.ds.query(sql, params);
      rows.forEach((r) => ids.add(r.id));
    }
    if (names.length) {
      const users = await this.ds
        .getRepository(User)
        .createQueryBuilder('u')
        .where('u.tenantId = :tenantId AND u.active = :active AND u.username IN (:...names)', {
          tenantId: task.tenantId,
          active: true,
          names,
        })
        .getMany();
      users.forEach((u) => ids.add(u.id));
    }
    return [...ids];
  }
}

/**
 * Active holders of the task's candidate roles at the task's unit or above it, in one round trip: the task
 * sits at the unit named by its instance's `orgUnit` variable (where the inbox places it), and the units
 * above it are found by following parentId through the (tenantId, code) and primary-key indexes.
 */
const ROLE_HOLDERS_OF_TASK_UNIT = `
  WITH RECURSIVE up (id, "parentId") AS (
    SELECT o.id, o."parentId" FROM bpmn_variable v
      JOIN org_unit o ON o."tenantId" = :tenantId AND o.code = ${ORG_UNIT_CODE_OF_VARIABLE}
     WHERE v."instanceId" = :instanceId AND v."scopeId" = :instanceId AND v.name = 'orgUnit'
    UNION ALL
    SELECT o.id, o."parentId" FROM org_unit o JOIN up ON o.id = up."parentId"
  )
  SELECT DISTINCT a."userId" AS id FROM up
    JOIN role_assignment a ON a."orgUnitId" = up.id AND a."tenantId" = :tenantId
    JOIN role r ON r.id = a."roleId" AND r.key IN (:...groups)
    JOIN app_user u ON u.id = a."userId" AND u.active = :active`;
