import { Injectable } from '@nestjs/common';
import { Engine, TaskNotActiveError, type DefinitionRecord, type TaskRecord } from '@kcbx/engine';
import { validateSubmission } from '@kcbx/forms';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, Errors } from '../common/app-error';
import { TaskNotifier } from '../notifications/task-notifier';
import type { Language } from '../common/language';
import { newId, nowIso } from '../database/columns';
import { FormSubmission, User } from '../database/entities';
import { Principal } from '../identity/principal';
import { fileFromSubmission } from './case-attachments';
import { formInvalid } from './form-errors';
import { FormsService } from './forms.service';
import { inboxCounts, InboxRow, InboxScope, loadInbox } from './task-inbox';

const TASK = { zh: '任务', en: 'Task' };

/** A submission pins the form version it was checked against (key, number, stored hash) with the data kept. */
interface SubmissionPin {
  key: string;
  version: number;
  hash: string;
  data: Record<string, unknown>;
}

@Injectable()
export class TasksService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine<EntityManager>,
    private readonly forms: FormsService,
    private readonly notifier: TaskNotifier,
  ) {}

  async inbox(
    p: Principal,
    scope: InboxScope,
    filter: { processKey?: string; orgUnit?: string; overdue?: boolean },
    page: number,
    pageSize: number,
  ) {
    // Unfiltered, the page's rows are the badges' rows: their counts ride along in the same query.
    const now = Date.now();
    const unfiltered = scope === 'all' && !filter.processKey && !filter.orgUnit && !filter.overdue;
    const { rows, total, counts } = await loadInbox(
      this.ds,
      p,
      scope,
      { processKey: filter.processKey, orgUnit: filter.orgUnit, overdueAt: filter.overdue ? now : undefined },
      page,
      pageSize,
      unfiltered ? now : undefined,
    );
    const nothingVisible = unfiltered && total === 0;
    return {
      items: rows.map(presentInboxRow),
      total,
      counts: counts ?? (nothingVisible ? { mine: 0, candidate: 0, overdue: 0 } : await inboxCounts(this.ds, p, now)),
    };
  }

  /**
   * A task the caller may work on (assigned to them or offered to them). One that was offered to them but is
   * now done or held by someone else is 409, so a clerk learns they were too late; anything else is 404.
   */
  async visible(p: Principal, taskId: string): Promise<InboxRow> {
    const { rows } = await loadInbox(this.ds, p, 'all', { taskId }, 1, 1);
    if (rows.length) return rows[0];
    // A finished task of this county: its instance may have ended (and its scope variables with it).
    const finished = await this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findOneBy({ id: taskId, tenantId: p.tenantId });
    if (finished && finished.state !== 'created') throw new TaskNotActiveError(finished.id, finished.state);
    const offered = await loadInbox(this.ds, p, 'offered', { taskId }, 1, 1);
    if (offered.rows[0]?.task.assignee)
      throw new AppError('TASK_ALREADY_CLAIMED', 409, { zh: '该任务已被他人认领', en: 'Someone else holds this task' });
    throw Errors.notFound(TASK);
  }

  async detail(p: Principal, taskId: string) {
    const row = await this.visible(p, taskId);
    const form = row.task.formKey ? await this.forms.get(p.tenantId, row.task.formKey) : null;
    const variables = await this.engine.getVariables(p.tenantId, row.task.instanceId);
    const earlier = await this.ds
      .getRepository(FormSubmission)
      .find({ where: { tenantId: p.tenantId, instanceId: row.task.instanceId }, order: { submittedAt: 'ASC' } });
    const steps = await this.ds
      .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
      .findBy({ tenantId: p.tenantId, instanceId: row.task.instanceId });
    const stepName = (id: string | null) => steps.find((t) => t.id === id)?.name ?? null;
    const definition = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id: row.task.definitionId });
    // a step reopened by a return carries its reason: the clerk must see why the case came back
    const returned = (await this.engine.getHistory(p.tenantId, row.task.instanceId))
      .filter(
        (h) =>
          h.type === 'task-returned' &&
          h.at === row.task.createdAt &&
          (h.data as { toActivityId?: string }).toActivityId === row.task.activityId,
      )
      .pop();
    const returnedBy = returned?.userId ? await this.ds.getRepository(User).findOneBy({ id: returned.userId }) : null;
    const completed = steps.filter((t) => t.state === 'completed' && t.activityId !== row.task.activityId);
    return {
      ...presentInboxRow(row),
      processName: definition?.name ?? null,
      studentName: typeof variables.studentName === 'string' ? variables.studentName : null,
      form,
      fieldPermissions: JSON.parse(row.task.fieldPermissions || '{}'),
      data: variables,
      earlierSteps: earlier.map((s) => ({
        taskId: s.taskId,
        activityId: s.activityId,
        stepName: s.taskId ? stepName(s.taskId) : '发起',
        formKey: s.formKey,
        formVersion: s.formVersion,
        data: s.data,
        submittedBy: s.submittedByName,
        submittedAt: s.submittedAt,
      })),
      // the steps this one may be returned to (POST /tasks/{id}/return targetElementId), latest first
      returnTargets: [
        ...new Map(
          completed
            .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))
            .map((t) => [t.activityId, { activityId: t.activityId, name: t.name }]),
        ).values(),
      ],
      returnedWith: returned
        ? {
            reason: (returned.data as { reason?: string }).reason ?? '',
            by: returned.userId,
            byName: returnedBy?.displayName ?? null,
            at: new Date(returned.at).toISOString(),
          }
        : null,
    };
  }

  async claim(p: Principal, taskId: string) {
    const row = await this.visible(p, taskId);
    return presentTask(await this.engine.claimTask({ tenantId: p.tenantId, taskId: row.task.id, userId: p.userId }));
  }

  async unclaim(p: Principal, taskId: string) {
    const row = await this.visible(p, taskId);
    if (row.task.assignee !== p.userId)
      throw Errors.forbidden({ zh: '只能退回自己认领的任务', en: 'You can only give back a task you hold' });
    return presentTask(await this.engine.unclaimTask({ tenantId: p.tenantId, taskId: row.task.id, userId: p.userId }));
  }

  /**
   * Checks the submission against the step's form and field permissions, then completes the task. The check
   * runs inside the completion's command, against the variables it is about to change (read-only fields keep
   * those values): nothing read before the command can have moved on by the time it commits.
   */
  async complete(p: Principal, taskId: string, data: unknown, lang: Language) {
    const row = await this.visible(p, taskId);
    const submitted = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
    const published = row.task.formKey ? await this.forms.published(p.tenantId, row.task.formKey) : null;
    // what the check inside the command accepted, for the submission row written beside it
    const pinned: { value: SubmissionPin | null } = { value: null };
    const output = (previous: Record<string, unknown>) => {
      if (!published) return submitted;
      const result = validateSubmission(published.definition, data ?? {}, {
        permissions: JSON.parse(row.task.fieldPermissions || '{}'),
        previousData: previous,
      });
      if (!result.valid) throw formInvalid(result, lang);
      pinned.value = { key: result.key, version: result.version, hash: published.hash, data: result.data };
      return result.data;
    };
    // The submission (and the files it names) commit in the completion's own transaction: a crash or a refused
    // write in between can no longer leave the step done without what was submitted at it — nor the reverse.
    const done = await this.engine.completeTask({
      tenantId: p.tenantId,
      taskId: row.task.id,
      userId: p.userId,
      variables: output,
      sideWrites: async (m) => {
        const kept = pinned.value;
        if (kept) {
          await m.getRepository(FormSubmission).insert({
            id: newId(),
            tenantId: p.tenantId,
            instanceId: row.task.instanceId,
            taskId: row.task.id,
            activityId: row.task.activityId,
            formKey: kept.key,
            formVersion: kept.version,
            formHash: kept.hash,
            data: kept.data as never,
            submittedBy: p.userId,
            submittedByName: p.displayName,
            submittedAt: nowIso(),
          });
        }
        await fileFromSubmission(m, p, row.task, kept?.data ?? submitted);
      },
    });
    // After commit, best effort: notifications of the next steps are re-derived from the open tasks (the notifier
    // skips what it already sent), and the audit entry is written by AuditInterceptor once the response is made.
    await this.notifier.instanceTasks(p.tenantId, row.task.instanceId);
    return presentTask(done);
  }
}

export function presentTask(t: TaskRecord) {
  return {
    id: t.id,
    name: t.name,
    activityId: t.activityId,
    instanceId: t.instanceId,
    state: t.state,
    assignee: t.assignee,
    candidateGroups: JSON.parse(t.candidateGroups || '[]'),
    formKey: t.formKey,
    createdAt: new Date(t.createdAt).toISOString(),
    dueAt: t.dueAt ? new Date(t.dueAt).toISOString() : null,
    overdue: !!t.dueAt && t.dueAt < Date.now() && t.state === 'created',
    version: t.version,
  };
}

function presentInboxRow(r: InboxRow) {
  return {
    ...presentTask(r.task),
    processKey: r.processKey,
    businessKey: r.businessKey,
    orgUnit: r.orgUnitCode,
    orgUnitName: r.orgUnitName,
  };
}
