import { Injectable } from '@nestjs/common';
import { isErrorKey } from '@kcbx/api-contract';
import { Engine, EngineError } from '@kcbx/engine';
import { AuditService } from '../audit-log/audit.service';
import { AppError, Errors } from '../common/app-error';
import type { Language } from '../common/language';
import { coversPath, type Principal } from '../identity/principal';
import { TaskNotifier } from '../notifications/task-notifier';
import { CaseActionsRepository, type Tx } from './case-actions.repository';
import { ProcessesService } from './processes.service';
import { stepProperties } from './step-properties';
import { presentTask, TasksService } from './tasks.service';

/** 批量审批 takes at most this many tasks per request: each is its own command, so the cost grows with the list */
export const MAX_BATCH = 100;
/** one 催办 per person and step in this time */
export const URGE_INTERVAL_MS = 10 * 60_000;

/** 撤回, 批量审批 and 催办 (加签 is TaskSigners, 抄送 TaskCopies). */
@Injectable()
export class ApprovalVerbsService {
  constructor(
    private readonly actions: CaseActionsRepository,
    private readonly engine: Engine<Tx>,
    private readonly tasks: TasksService,
    private readonly processes: ProcessesService,
    private readonly notifier: TaskNotifier,
    private readonly audit: AuditService,
  ) {}

  /**
   * 撤回: whoever submitted the step before `taskId` takes the case back while that next step is neither claimed nor
   * worked on (no claim, comment or 加签 on it). The step is cancelled and the earlier one reopens for the caller.
   */
  async withdraw(p: Principal, taskId: string, reason?: string) {
    const task = await this.engine.getTask(p.tenantId, taskId).catch(() => {
      throw Errors.notFound('task');
    });
    const steps = await this.actions.stepsOf(p.tenantId, task.instanceId);
    const previous = steps
      .filter((t) => t.state === 'completed' && t.activityId !== task.activityId && (t.completedAt ?? 0) <= task.createdAt)
      .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))[0];
    if (!previous || previous.completedBy !== p.userId) {
      // someone who could not have submitted it learns nothing about the case
      await this.processes.get(p, task.instanceId);
      throw Errors.forbidden('FORBIDDEN/withdraw-not-submitter');
    }
    if (task.state !== 'created') throw new AppError('TASK_ALREADY_CLAIMED/withdraw-too-late');
    const history = await this.engine.getHistory(p.tenantId, task.instanceId);
    const claimed = history.some((h) => h.taskId === task.id && h.type === 'task-claimed');
    if (claimed || (await this.actions.worked(task.id))) throw new AppError('TASK_ALREADY_CLAIMED/withdraw-too-late');
    const why = reason?.trim() || '提交人撤回';
    await this.engine.withdrawTask({
      tenantId: p.tenantId,
      taskId: task.id,
      userId: p.userId,
      reason: why,
      sideWrites: async (tx) => {
        await this.actions.record(
          task,
          'withdrawn',
          p,
          `撤回：${task.name ?? task.activityId}（${why}）`,
          { toActivityId: previous.activityId },
          tx,
        );
        // the reopened step's notice and the audit entry commit with the 撤回 (#14 point 11)
        await this.notifier.instanceTasks(p.tenantId, task.instanceId, tx);
        await this.audit.inCommand(tx, task.id);
      },
    });
    const open = await this.engine.listTasks({ tenantId: p.tenantId, instanceId: task.instanceId });
    return { withdrawn: presentTask({ ...task, state: 'cancelled' }), reason: why, openTasks: open.map(presentTask) };
  }

  /**
   * 批量审批: one decision and opinion for tasks of the same step and form whose model allows it (zeebe:property
   * "batchApproval" = "true"). Each task is completed by its own command (its own history entry, audit entry and
   * case line); one that fails is reported with its reason and the others go on.
   */
  async batchComplete(p: Principal, taskIds: string[], data: unknown, lang: Language) {
    const ids = [...new Set(taskIds ?? [])];
    if (!ids.length || ids.length > MAX_BATCH) {
      throw Errors.validation([{ field: 'taskIds', message: `一次可批量审批 1–${MAX_BATCH} 个任务 / 1–${MAX_BATCH} tasks per batch` }]);
    }
    const results: { taskId: string; status: 'completed' | 'failed'; error?: string; code?: string }[] = [];
    let step: { definitionKey: string; activityId: string; formKey: string | null } | null = null;
    for (const taskId of ids) {
      try {
        const row = await this.tasks.visible(p, taskId);
        const here = { definitionKey: row.processKey, activityId: row.task.activityId, formKey: row.task.formKey };
        step ??= here;
        if (here.definitionKey !== step.definitionKey || here.activityId !== step.activityId || here.formKey !== step.formKey) {
          throw Errors.validation([
            { field: 'taskIds', message: '不是同一流程步骤和表单的任务 / not the same step and form as the others' },
          ]);
        }
        if ((await stepProperties(this.engine, row.task)).batchApproval !== 'true') {
          throw Errors.validation([{ field: 'taskIds', message: '该步骤不允许批量审批 / this step does not allow batch approval' }]);
        }
        const name = row.task.name ?? row.task.activityId;
        // each task's case line commits with its completion, as do its notices and its audit entry (#14 point 11)
        await this.tasks.complete(p, taskId, data, lang, (m) =>
          this.actions.record(row.task, 'batch-approved', p, `批量审批：${name}`, { batchSize: ids.length }, m),
        );
        results.push({ taskId, status: 'completed' });
      } catch (err) {
        results.push({ taskId, status: 'failed', ...failure(err, lang) });
      }
    }
    const completed = results.filter((r) => r.status === 'completed').length;
    return { results, completed, failed: results.length - completed };
  }

  /**
   * 催办: the case's starter, or someone whose scope covers the case and who does not work the step, nudges whoever
   * works it. Counted per step, written to the case and audit log, at most once per person and step per 10 minutes.
   */
  async urge(p: Principal, taskId: string, message?: string) {
    const task = await this.engine.getTask(p.tenantId, taskId).catch(() => {
      throw Errors.notFound('task');
    });
    const instance = await this.engine.getInstance(p.tenantId, task.instanceId);
    const theCase = await this.processes.get(p, task.instanceId).catch(() => null);
    if (task.state !== 'created') throw new AppError('TASK_NOT_ACTIVE', { taskId: task.id, state: task.state });
    const workers = await this.actions.workersOf(task);
    const unitPath = theCase ? await this.actions.unitPath(p.tenantId, theCase.orgUnit) : null;
    const supervisor = !!unitPath && coversPath(p, unitPath) && !workers.includes(p.userId);
    if (instance.startedBy !== p.userId && !supervisor) {
      if (!theCase) throw Errors.notFound('task');
      throw Errors.forbidden('FORBIDDEN/urge-not-allowed');
    }
    const last = await this.actions.lastUrge(task.id, p.userId);
    const wait = last ? Date.parse(last.createdAt) + URGE_INTERVAL_MS - Date.now() : 0;
    if (wait > 0) {
      throw new AppError('TOO_MANY_REQUESTS/urge', { minutes: Math.ceil(wait / 60_000) }, { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
    const count = (await this.actions.urgeCount(task.id)) + 1;
    const text = message?.trim().slice(0, 200) ?? '';
    const step = task.name ?? task.activityId;
    // the case line, the notices and the audit entry of a 催办: one transaction (#14 point 11)
    const notified = await this.actions.transaction(async (tx) => {
      await this.actions.record(
        task,
        'urged',
        p,
        `催办（第 ${count} 次）：${step}${text ? `（${text}）` : ''}`,
        { count, message: text },
        tx,
      );
      const told = await this.notifier.tell(
        workers,
        {
          tenantId: p.tenantId,
          kind: `task-urged-${count}`,
          taskId: task.id,
          instanceId: task.instanceId,
          title: `催办：${step}`,
          message: `${p.displayName} 催您尽快办理「${step}」${text ? `：${text}` : ''}（第 ${count} 次催办）`,
        },
        tx,
      );
      await this.audit.inCommand(tx, task.id);
      return told;
    });
    return { taskId: task.id, count, notified };
  }
}

/** a failed task of a batch: the refusal in the caller's language (and its field reasons), never a stack */
function failure(err: unknown, lang: Language): { error: string; code: string } {
  const app = err instanceof AppError ? err : err instanceof EngineError && isErrorKey(err.key) ? new AppError(err.key, err.params) : null;
  if (!app) return { error: lang === 'zh' ? '办理失败' : 'Could not be completed', code: 'INTERNAL' };
  const details = Array.isArray(app.details)
    ? (app.details as { message?: unknown }[]).map((d) => (typeof d.message === 'string' ? d.message : '')).filter(Boolean)
    : [];
  return { error: [app.text[lang], ...details].join('：'), code: app.code };
}
