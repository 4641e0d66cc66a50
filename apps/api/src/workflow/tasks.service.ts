import { Injectable } from '@nestjs/common';
import { Engine, TaskNotActiveError, type StepValues, type TaskRecord } from '@kcbx/engine';
import { applyDefaults, type FormDefinition, validateSubmission } from '@kcbx/forms';
import { AppError, Errors } from '../common/app-error';
import { TaskNotifier } from '../notifications/task-notifier';
import type { Language } from '../common/language';
import { newId, nowIso } from '../database/columns';
import type { Tx } from '../database/transaction';
import { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { AuditService } from '../audit-log/audit.service';
import { fileFromSubmission } from './case-attachments';
import { CaseAttachmentsRepository } from './case-attachments.repository';
import { CaseActionsRepository } from './case-actions.repository';
import { SubmissionsRepository } from './form-submissions.repository';
import { formInvalid } from './form-errors';
import { FormsService } from './forms.service';
import { choosesReturn, returnChoice, returnFlowTarget, type ReturnChoice } from './return-choice';
import { casesOf, doneTasks } from './inbox-cases';
import { InboxCasesRepository } from './inbox-cases.repository';
import { ProcessesRepository } from './processes.repository';
import { type InboxCursor, InboxRepository, type InboxPageAt, type InboxRow, type InboxScope } from './task-inbox.repository';
import { TaskCopies } from './task-copies';
import { type SignerTurn, TaskSigners } from './task-signers';
import type { FormPin } from './task-signers.repository';

/** the inbox's due-state filter: 逾期 (past due), 即将到期 (due within DUE_SOON_MS), or all */
export type DueState = 'overdue' | 'soon' | 'all';
export const DUE_SOON_MS = 2 * 24 * 3600 * 1000;

/** one task by id: no total counted */
const ONE: InboxPageAt = { pageSize: 1, total: false };

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
    private readonly engine: Engine<Tx>,
    private readonly forms: FormsService,
    private readonly notifier: TaskNotifier,
    private readonly signers: TaskSigners,
    private readonly copies: TaskCopies,
    private readonly scope: ReferenceScope,
    private readonly audit: AuditService,
    private readonly inboxRows: InboxRepository,
    private readonly cases: InboxCasesRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: CaseAttachmentsRepository,
    private readonly actions: CaseActionsRepository,
    private readonly processes: ProcessesRepository,
  ) {}

  async inbox(
    p: Principal,
    scope: InboxScope,
    filter: { processKey?: string; orgUnit?: string; due?: DueState },
    page: number,
    pageSize: number,
    after?: InboxCursor,
  ) {
    // Unfiltered, the badges ride along in the same statement as the page (each counted up to the cap).
    const now = Date.now();
    const due = filter.due ?? 'all';
    const unfiltered = scope === 'all' && !filter.processKey && !filter.orgUnit && due === 'all';
    const { rows, total, totalCapped, counts, nextCursor } = await this.inboxRows.page(
      p,
      scope,
      {
        processKey: filter.processKey,
        orgUnit: filter.orgUnit,
        dueBefore: due === 'overdue' ? now : due === 'soon' ? now + DUE_SOON_MS : undefined,
        dueFrom: due === 'soon' ? now : undefined,
      },
      { page, after, pageSize, countsAt: unfiltered ? now : undefined },
    );
    const cases = await casesOf(
      this.cases,
      this.engine,
      p.tenantId,
      rows.map((r) => r.task),
    );
    return {
      items: rows.map((r) => ({ ...presentInboxRow(r), ...cases.get(r.task.instanceId) })),
      total,
      totalCapped,
      nextCursor,
      counts: counts ?? (await this.inboxRows.counts(p, now)),
    };
  }

  /** 已办: what the caller completed, newest first, with the case's student and the steps it stands at now. */
  async done(p: Principal, page: number, pageSize: number) {
    const { tasks, total, currentSteps, currentTasks } = await doneTasks(this.cases, p.tenantId, p.userId, page, pageSize);
    const cases = await casesOf(this.cases, this.engine, p.tenantId, tasks);
    return {
      items: tasks.map((t) => ({
        ...presentTask(t),
        stepName: t.name ?? t.activityId,
        completedAt: t.completedAt ? new Date(t.completedAt).toISOString() : null,
        ...cases.get(t.instanceId),
        currentSteps: currentSteps(t.instanceId),
        currentTasks: currentTasks(t.instanceId),
      })),
      total,
    };
  }

  /**
   * A task the caller may work on (assigned to them or offered to them). One that was offered to them but is
   * now done or held by someone else is 409, so a clerk learns they were too late; anything else is 404.
   */
  async visible(p: Principal, taskId: string): Promise<InboxRow> {
    const { rows } = await this.inboxRows.page(p, 'all', { taskId }, ONE);
    if (rows.length) return rows[0];
    // A finished task of this county: its instance may have ended (and its scope variables with it).
    const finished = await this.inboxRows.task(p.tenantId, taskId);
    if (finished && finished.state !== 'created') throw new TaskNotActiveError(finished.id, finished.state);
    const offered = await this.inboxRows.page(p, 'offered', { taskId }, ONE);
    if (offered.rows[0]?.task.assignee) throw new AppError('TASK_ALREADY_CLAIMED/other');
    throw Errors.notFound('task');
  }

  /** A task the caller may open: theirs to work (`visible`), or one they are asked to co-sign in parallel. */
  private async openable(p: Principal, taskId: string): Promise<InboxRow> {
    try {
      return await this.visible(p, taskId);
    } catch (error) {
      const { rows } = await this.inboxRows.page(p, 'cosign', { taskId }, ONE);
      if (rows.length) return rows[0];
      throw error;
    }
  }

  async detail(p: Principal, taskId: string) {
    const row = await this.openable(p, taskId);
    const form = row.task.formKey ? await this.forms.get(p.tenantId, row.task.formKey) : null;
    const variables = await this.engine.getVariables(p.tenantId, row.task.instanceId);
    const stepValues = await this.engine.getStepValues(p.tenantId, row.task.id);
    const earlier = await this.submissions.ofCase(p.tenantId, row.task.instanceId);
    const steps = await this.actions.stepsOf(p.tenantId, row.task.instanceId);
    const stepName = (id: string | null) => steps.find((t) => t.id === id)?.name ?? null;
    const definition = await this.processes.definition(p.tenantId, row.task.definitionId);
    // a step reopened by a return carries its reason: the clerk must see why the case came back
    const returned = (await this.engine.getHistory(p.tenantId, row.task.instanceId, 'task-returned'))
      .filter(
        (h) =>
          h.type === 'task-returned' &&
          h.at === row.task.createdAt &&
          (h.data as { toActivityId?: string }).toActivityId === row.task.activityId,
      )
      .pop();
    const returnedBy = returned?.userId ? ((await this.actions.usersById([returned.userId]))[0] ?? null) : null;
    const completed = steps.filter((t) => t.state === 'completed' && t.activityId !== row.task.activityId);
    const theCase = (await casesOf(this.cases, this.engine, p.tenantId, [row.task])).get(row.task.instanceId);
    return {
      ...presentInboxRow(row),
      ...theCase,
      processName: definition?.name ?? null,
      studentName: theCase?.studentName ?? (typeof variables.studentName === 'string' ? variables.studentName : null),
      form,
      fieldPermissions: JSON.parse(row.task.fieldPermissions || '{}'),
      formData: openingValues(form, stepValues),
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
      ...(await this.signers.summary(row.task.id)),
      urgeCount: await this.actions.urgeCount(row.task.id),
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
    if (row.task.assignee !== p.userId) throw Errors.forbidden('FORBIDDEN/unclaim-not-holder');
    return presentTask(await this.engine.unclaimTask({ tenantId: p.tenantId, taskId: row.task.id, userId: p.userId }));
  }

  /**
   * Checks the submission against the step's form and field permissions, then completes the task. The check
   * runs inside the completion's command, against the variables it is about to change (read-only fields keep
   * those values): nothing read before the command can have moved on by the time it commits.
   */
  /** `alongside`: the caller's own writes for this completion (批量审批's case line), in its transaction */
  async complete(p: Principal, taskId: string, data: unknown, lang: Language, alongside?: (m: Tx) => Promise<unknown>) {
    const row = await this.visible(p, taskId);
    const submitted = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
    const published = row.task.formKey ? await this.forms.published(p.tenantId, row.task.formKey) : null;
    // every file the submission names is the caller's to file (#14 point 1), whichever way the step goes on
    if (published) await this.scope.formFiles(p, published.definition.schema, submitted, row.task.instanceId);
    // 加签: a signer's (or the holder's, before after-signers) submission hands the step on instead of completing it
    const turn = await this.signers.turn(p, row.task);
    if (turn.kind === 'sign') return this.signAndHandOn(p, row, published, turn, submitted, lang);
    const choice = published ? returnChoice(published.definition) : null;
    if (published && choosesReturn(choice, submitted)) return this.returnBySubmission(p, row, published, choice, submitted, lang);
    // what the check inside the command accepted, for the submission row written beside it
    const pinned: { value: SubmissionPin | null } = { value: null };
    const copies = await this.copies.modelRecipients(row.task);
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
        const submission = kept
          ? this.submissions.pending({
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
            })
          : null;
        await fileFromSubmission(this.attachments, p, row.task, kept?.data ?? submitted, m);
        // One unit of work (#14 point 11): what the completion causes commits with it — the next steps' notices
        // (in-app and outbox rows), the 加签 round closed, the model's 抄送, and the request's audit entry.
        await this.notifier.instanceTasks(p.tenantId, row.task.instanceId, m);
        // a step with no 加签 round open has nothing to close: no two UPDATEs on every completion (#19)
        if (turn.kind === 'last') await this.signers.completed(p, row.task, kept?.data ?? submitted, m);
        await this.copies.byModel(row.task, copies, m);
        await alongside?.(m);
        // the submission goes in the audit entry's statement: one round trip for both (#19)
        await this.audit.inCommand(m, row.task.id, submission ? [submission] : []);
      },
    });
    return presentTask(done);
  }

  /** a 加签 signature: checked like a completion, kept with the case, and the step handed to the next signer */
  private async signAndHandOn(
    p: Principal,
    row: InboxRow,
    published: { definition: FormDefinition; hash: string } | null,
    turn: Extract<SignerTurn, { kind: 'sign' }>,
    submitted: Record<string, unknown>,
    lang: Language,
  ) {
    let data = submitted;
    let pin: FormPin | null = null;
    if (published) {
      const result = validateSubmission(published.definition, submitted, {
        permissions: JSON.parse(row.task.fieldPermissions || '{}'),
        previousData: await this.engine.getVariables(p.tenantId, row.task.instanceId),
      });
      if (!result.valid) throw formInvalid(result, lang);
      data = result.data;
      pin = { key: result.key, version: result.version, hash: published.hash };
    }
    const handed = await this.signers.sign(p, row.task, turn, data, pin);
    return { ...presentTask(handed), signed: handed.signed };
  }

  /**
   * 退回 (one path for the button and a review's 退回修改 choice): the step is cancelled and the case goes back to
   * `targetElementId`, else to where the step's model sends its return choice (a township review's return flow
   * leads to the application), else to the previous step. Writes the engine's task-returned record (the reason,
   * the returned step's banner, the history line) and announces the reopened step as 退回.
   */
  async sendBack(
    p: Principal,
    row: InboxRow,
    reason: string,
    targetElementId?: string,
    sideWrites?: (m: Tx, returned: TaskRecord) => Promise<void>,
  ): Promise<TaskRecord> {
    const target = targetElementId ?? (await this.returnTarget(p.tenantId, row.task));
    const returned = await this.engine.returnTask({
      tenantId: p.tenantId,
      taskId: row.task.id,
      userId: p.userId,
      reason,
      targetActivityId: target,
      sideWrites: async (m, result) => {
        await sideWrites?.(m, result);
        // the reopened step's 退回 notice and the audit entry commit with the return (#14 point 11)
        await this.notifier.instanceTasks(p.tenantId, row.task.instanceId, m);
        await this.audit.inCommand(m, row.task.id);
      },
    });
    return returned;
  }

  /** the user task the step's model returns to when its form's return choice is taken (null: the previous step) */
  private async returnTarget(tenantId: string, task: TaskRecord): Promise<string | null> {
    if (!task.formKey) return null;
    const choice = returnChoice(await this.forms.get(tenantId, task.formKey));
    const definition = choice ? await this.engine.getDefinition(tenantId, task.definitionId) : undefined;
    return choice && definition ? returnFlowTarget(await this.engine.model(definition), task.activityId, choice.value) : null;
  }

  /**
   * A review that chose 退回修改: checked like any submission, kept with the case (the student file lists it as a
   * decision), and sent back with its opinion as the reason — the same record the 退回 button makes. Nothing of it
   * reaches the process variables: the case did not move forward.
   */
  private async returnBySubmission(
    p: Principal,
    row: InboxRow,
    published: { definition: FormDefinition; hash: string },
    choice: ReturnChoice,
    data: Record<string, unknown>,
    lang: Language,
  ) {
    const result = validateSubmission(published.definition, data, {
      permissions: JSON.parse(row.task.fieldPermissions || '{}'),
      previousData: await this.engine.getVariables(p.tenantId, row.task.instanceId),
    });
    if (!result.valid) throw formInvalid(result, lang);
    const reason = choice.reasonField ? result.data[choice.reasonField] : undefined;
    if (typeof reason !== 'string' || !reason.trim()) {
      throw Errors.validation([{ field: `/${choice.reasonField ?? choice.field}`, message: '请填写退回原因 / a return needs a reason' }]);
    }
    const returned = await this.sendBack(p, row, reason.trim(), undefined, async (m) => {
      await this.submissions.record(
        {
          id: newId(),
          tenantId: p.tenantId,
          instanceId: row.task.instanceId,
          taskId: row.task.id,
          activityId: row.task.activityId,
          formKey: result.key,
          formVersion: result.version,
          formHash: published.hash,
          data: result.data as never,
          submittedBy: p.userId,
          submittedByName: p.displayName,
          submittedAt: nowIso(),
        },
        m,
      );
      await fileFromSubmission(this.attachments, p, row.task, result.data, m);
    });
    return { ...presentTask(returned), returned: { reason: reason.trim() } };
  }
}

/**
 * What a step's form opens with: its own earlier submission (after a return or a loop back), else what its input
 * mapping gave it, else the form's defaults — only the form's own fields. Never the process variables: a
 * township review would open with the school's decision, one click from approving it.
 */
export function openingValues(form: FormDefinition | null, values: StepValues): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...values.inputs, ...(values.previousSubmission ?? {}) };
  if (!form) return merged;
  const fields = new Set(Object.keys((form.schema as { properties?: Record<string, unknown> }).properties ?? {}));
  const own = Object.fromEntries(Object.entries(merged).filter(([name]) => fields.has(name)));
  return applyDefaults(form.schema as Record<string, unknown>, own) ?? {};
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
    stepName: r.task.name ?? r.task.activityId,
    processKey: r.processKey,
    businessKey: r.businessKey,
    orgUnit: r.orgUnitCode,
    orgUnitName: r.orgUnitName,
  };
}
