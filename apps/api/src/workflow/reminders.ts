import { Injectable, Logger } from '@nestjs/common';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { AuditService } from '../audit-log/audit.service';
import { newId, nowIso } from '../database/columns';
import { TaskNotifier } from '../notifications/task-notifier';
import { CaseActionsRepository } from './case-actions.repository';
import { RemindersRepository } from './reminders.repository';
import { stepProperties } from './step-properties';

/** how far ahead of a due date a reminder may be set (a longer "remindBefore" is cut to this) */
const MAX_AHEAD_MS = 7 * 24 * 3600_000;

export interface ReminderStage {
  /** before:P1D · overdue:holder · overdue:supervisor · overdue:escalate — the claim's key, once per task */
  stage: string;
  at: number;
  to: 'holder' | 'supervisor' | 'escalate';
  role: string | null;
}

/** ISO 8601 days/hours/minutes/seconds (P1D, PT4H, P1DT12H, PT0S) in ms; null when it is not one */
export function durationMs(text: string): number | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  return (((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
}

/**
 * A step's reminders from its zeebe:properties: "remindBefore" (durations before the due date, e.g. "P1D,PT4H"),
 * "remindOverdue" (who, and how long after the due date: "holder:PT0S,supervisor:P1D,escalate:P2D") with the
 * roles "supervisorRole" and "escalateRole" (their holders at the case's unit or above).
 */
export function reminderPlan(props: Record<string, string>, dueAt: number): ReminderStage[] {
  const stages: ReminderStage[] = [];
  for (const d of (props.remindBefore ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const ms = durationMs(d);
    if (ms !== null) stages.push({ stage: `before:${d}`, at: dueAt - Math.min(ms, MAX_AHEAD_MS), to: 'holder', role: null });
  }
  for (const entry of (props.remindOverdue ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [who, after = 'PT0S'] = entry.split(':').map((s) => s.trim());
    const ms = durationMs(after);
    if (ms === null || (who !== 'holder' && who !== 'supervisor' && who !== 'escalate')) continue;
    const role = who === 'supervisor' ? (props.supervisorRole ?? null) : who === 'escalate' ? (props.escalateRole ?? null) : null;
    if (who !== 'holder' && !role) continue;
    stages.push({ stage: `overdue:${who}`, at: dueAt + ms, to: who, role });
  }
  return stages;
}

/**
 * Deadline reminders, run by the job poller of every API process. Each stage of each task fires once: the
 * unique (taskId, stage) row of task_reminder is claimed before anything is sent, so a second process (or the
 * same one after a restart) that reaches the same stage finds it taken. A crash between the claim and the
 * notices loses that reminder rather than sending it twice.
 */
@Injectable()
export class Reminders {
  private readonly log = new Logger('reminders');

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly actions: CaseActionsRepository,
    private readonly engine: Engine,
    private readonly notifier: TaskNotifier,
    private readonly audit: AuditService,
  ) {}

  /** fires every stage that is due at `now` and not fired yet; returns how many this call fired */
  async tick(now = Date.now()): Promise<number> {
    let fired = 0;
    for (const tenantId of await this.reminders.tenantIds()) {
      for (const task of await this.reminders.openTasksDueBefore(tenantId, now + MAX_AHEAD_MS)) {
        const due = reminderPlan(await stepProperties(this.engine, task), task.dueAt!).filter((s) => s.at <= now);
        if (!due.length) continue;
        const done = await this.reminders.firedStages(task.id);
        for (const stage of due) if (!done.has(stage.stage) && (await this.fire(task, stage))) fired++;
      }
    }
    return fired;
  }

  private async fire(task: TaskRecord, stage: ReminderStage): Promise<boolean> {
    const claim = { id: newId(), tenantId: task.tenantId, taskId: task.id, stage: stage.stage, recipients: 0, firedAt: nowIso() };
    if (!(await this.reminders.claim(claim))) return false;
    const users = stage.to === 'holder' ? await this.reminders.workersOf(task) : await this.reminders.roleHolders(task, stage.role!);
    const step = task.name ?? task.activityId;
    const due = new Date(task.dueAt! + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    const text = {
      holder: stage.stage.startsWith('before:')
        ? { title: `即将到期：${step}`, message: `「${step}」将于 ${due} 到期，请及时办理` }
        : { title: `已逾期：${step}`, message: `「${step}」已超过办理期限（${due}），请尽快办理` },
      supervisor: { title: `下级逾期：${step}`, message: `「${step}」已超过办理期限（${due}）仍未办理，请督促` },
      escalate: { title: `逾期升级：${step}`, message: `「${step}」逾期未办（期限 ${due}），已升级至您处理` },
    }[stage.to];
    const told = await this.notifier.tell(users, {
      tenantId: task.tenantId,
      kind: `reminder-${stage.stage}`.slice(0, 40),
      taskId: task.id,
      instanceId: task.instanceId,
      ...text,
    });
    await this.reminders.setRecipients(claim.id, users.length);
    await this.actions.record(task, 'reminder', null, `${text.title}（提醒 ${users.length} 人）`, {
      stage: stage.stage,
      users: users.length,
    });
    await this.audit.record(null, {
      action: 'REMINDER',
      entity: 'tasks',
      entityId: task.id,
      detail: { stage: stage.stage, recipients: users.length, told },
    });
    this.log.log(`reminder ${stage.stage} for task ${task.id}: ${users.length} recipient(s)`);
    return true;
  }
}
