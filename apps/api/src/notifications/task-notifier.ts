import { Inject, Injectable, Logger } from '@nestjs/common';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { monitoringSignals } from '../monitoring/signals';
import type { OutboxTx } from '../outbox/outbox.repository';
import { InAppSender } from './in-app.sender';
import { EXTERNAL_SENDERS, NotificationSender, OutgoingNotification } from './notification-sender';
import { TaskNoticesRepository } from './task-notices.repository';

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
    private readonly rows: TaskNoticesRepository,
    private readonly engine: Engine,
    private readonly inApp: InAppSender,
    @Inject(EXTERNAL_SENDERS) private readonly external: NotificationSender[],
  ) {}

  /**
   * Every open task of the instance is announced to whoever may work on it (idempotent). Pass `tx`, the engine
   * command's transaction (sideWrites' m), and the notices — in-app rows and their outbox rows — commit with the
   * step that made the tasks, or not at all (#14 point 11); `skip` leaves out tasks the caller takes itself next.
   */
  async instanceTasks(
    tenantId: string,
    instanceId: string,
    tx?: OutboxTx,
    skip?: (task: TaskRecord, workers: string[]) => boolean,
  ): Promise<void> {
    const tasks = await this.rows.openTasksOf(tenantId, instanceId, tx);
    for (const task of tasks) await this.announce(task, 'task-available', tx, skip);
  }

  /** One open task announced (a step taken by its starter: the claim's own transaction announces it to them). */
  async task(task: TaskRecord, tx?: OutboxTx): Promise<void> {
    await this.announce(task, 'task-available', tx);
  }

  /**
   * Tasks created since `since` and not announced yet (timers, messages, starts outside HTTP requests): announced
   * like the rest. Those a request already announced are skipped in the query: re-announcing every new task each
   * poll cost as much as announcing it, in a burst once a second.
   */
  async createdSince(since: number): Promise<void> {
    for (const tenantId of await this.rows.tenantIds()) {
      const tasks = await this.rows.createdUnannounced(tenantId, since);
      for (const task of tasks) await this.announce(task, 'task-available');
    }
  }

  /** Open tasks past their due date that have not been reported overdue yet. */
  async overdue(now: number): Promise<number> {
    let count = 0;
    for (const tenantId of await this.rows.tenantIds()) {
      const tasks = await this.rows.overdueUnreported(tenantId, now);
      for (const task of tasks) await this.announce(task, 'task-overdue');
      count += tasks.length;
    }
    return count;
  }

  /**
   * A notice about a case to named users (催办, 抄送, deadline reminders): in-app first, then the external senders,
   * each once per (user, kind, task) as the in-app row decides. Returns how many users got it new.
   */
  async tell(userIds: string[], n: Omit<OutgoingNotification, 'userId'>, tx?: OutboxTx): Promise<number> {
    let told = 0;
    for (const userId of new Set(userIds)) {
      const one: OutgoingNotification = { ...n, userId };
      if (!(await this.inApp.send(one, tx))) continue;
      told++;
      for (const sender of this.external) {
        await sender.send(one).catch((err: unknown) => {
          this.log.warn({ err, channel: sender.channel }, 'notification sender failed');
          monitoringSignals.notificationFailed({ ...one, channel: sender.channel }, err);
        });
      }
    }
    return told;
  }

  private async announce(
    task: TaskRecord,
    kind: Kind,
    tx?: OutboxTx,
    skip?: (task: TaskRecord, workers: string[]) => boolean,
  ): Promise<void> {
    const recipients = await this.rows.workersOf(task, tx);
    if (!recipients.length || skip?.(task, recipients)) return;
    const procedure = await this.procedureName(task.tenantId, task.definitionId);
    const step = task.name ?? task.activityId;
    const returned = kind === 'task-available' ? await this.returnReason(task, tx) : null;
    const text =
      returned !== null
        ? { title: `退回：${step}`, message: `${procedure}「${step}」被退回，请修改后重新提交。退回原因：${returned}` }
        : kind === 'task-available'
          ? { title: `新待办：${step}`, message: `${procedure}「${step}」等待您办理` }
          : {
              title: `任务已逾期：${step}`,
              message: `${procedure}「${step}」已超过办理期限（${new Date(task.dueAt!).toISOString().slice(0, 10)}）`,
            };
    for (const userId of recipients) {
      const n: OutgoingNotification = { tenantId: task.tenantId, userId, kind, taskId: task.id, instanceId: task.instanceId, ...text };
      if (!(await this.inApp.send(n, tx))) continue;
      for (const sender of this.external) {
        await sender.send(n).catch((err: unknown) => {
          this.log.warn({ err, channel: sender.channel }, 'notification sender failed');
          monitoringSignals.notificationFailed({ ...n, channel: sender.channel }, err);
        });
      }
    }
  }

  /**
   * The reason when this task is a step reopened by 退回 (the button or a review's 退回修改 choice), else null. A
   * returned step always goes to whoever did it before, so an unassigned task needs no look at the history; an
   * assigned one reads only the case's return entries (every completion announces its next step: reading the
   * whole history for it cost a round trip of rows that grows with the case).
   */
  private async returnReason(task: TaskRecord, tx?: OutboxTx): Promise<string | null> {
    if (!task.assignee) return null;
    // inside a command, its own (uncommitted) return entry is read through its transaction
    const entries = tx
      ? await this.rows.returnEntries(tx, task.tenantId, task.instanceId)
      : await this.engine.getHistory(task.tenantId, task.instanceId, 'task-returned');
    const returned = entries.find(
      (h) => Number(h.at) === Number(task.createdAt) && (h.data as { toActivityId?: string }).toActivityId === task.activityId,
    );
    return returned ? String((returned.data as { reason?: unknown }).reason ?? '') : null;
  }

  /** The engine keeps deployed definitions (they never change), so this costs a query once per version. */
  private async procedureName(tenantId: string, definitionId: string): Promise<string> {
    const definition = await this.engine.getDefinition(tenantId, definitionId);
    return definition?.name ?? definition?.key ?? '';
  }
}
