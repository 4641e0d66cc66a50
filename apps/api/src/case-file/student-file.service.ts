import { Injectable } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import { Principal, scopePaths } from '../identity/principal';
import { attachmentsOfInstances } from '../workflow/case-attachments';
import { CaseAttachmentsRepository } from '../workflow/case-attachments.repository';
import { InstanceLinksService } from '../workflow/instance-links.service';
import { ProcessesService } from '../workflow/processes.service';
import { presentComment } from '../workflow/task-comments.service';
import { StudentStatusService } from '../students/student-status.service';
import { StudentsService } from '../students/students.service';
import { StudentFileRepository } from './student-file.repository';

interface FileEvent {
  at: string;
  kind: string;
  instanceId: string;
  title: string;
  by: string | null;
}

/**
 * 一生一案: one student's file — the student (full ID, audited), every case about them with its timeline,
 * every pinned form submission, decision, return, comment and filed attachment, and all of it merged into
 * one list in time order (`events`) for the printed file. Cases outside the caller's scope are left out,
 * like everywhere else.
 */
@Injectable()
export class StudentFileService {
  constructor(
    private readonly rows: StudentFileRepository,
    private readonly engine: Engine,
    private readonly students: StudentsService,
    private readonly links: InstanceLinksService,
    private readonly processes: ProcessesService,
    private readonly statuses: StudentStatusService,
    private readonly attachmentRows: CaseAttachmentsRepository,
  ) {}

  async file(p: Principal, studentId: string) {
    const student = await this.students.getWithFullId(p, studentId);
    await this.links.catchUp(p.tenantId);
    const linked = await this.rows.casesOf(p.tenantId, studentId, scopePaths(p));
    const ids = linked.map((l) => l.instanceId);
    const tasks = await this.rows.steps(ids);
    const stepName = (activityId: string | null) => tasks.find((t) => t.activityId === activityId)?.name ?? activityId;
    const units = await this.rows.unitsByPath(p.tenantId, [...new Set(linked.map((l) => l.orgUnitPath))]);

    // every case's instance and timeline, their definitions and the names in them: a few statements for the whole
    // file, not a few per case (a child with ten cases cost about seventy round trips)
    const cases = await this.engine.getInstancesWithHistory(p.tenantId, ids);
    const definitions = await this.rows.definitions([...new Set(cases.map((c) => c.instance.definitionId))]);
    const names = await this.processes.userNames(cases.flatMap((c) => c.history.map((h) => h.userId)));

    const instances = [];
    const returns = [];
    const events: FileEvent[] = [];
    for (const [n, link] of linked.entries()) {
      const { instance, history } = cases[n];
      const definition = definitions.find((d) => d.id === instance.definitionId);
      const timeline = history
        .filter(
          (h) =>
            h.type.startsWith('task-') ||
            h.type.startsWith('instance-') ||
            h.type === 'message-correlated' ||
            h.type === 'timer-fired' ||
            h.type.startsWith('incident-'),
        )
        .map((h) => ({
          ...h,
          at: new Date(h.at).toISOString(),
          userName: h.userId ? (names.get(h.userId) ?? h.userId) : null,
          stepName: stepName(h.elementId),
        }));
      const procedure = definition?.name ?? instance.key;
      instances.push({
        id: instance.id,
        key: instance.key,
        name: procedure,
        version: definition?.version ?? null,
        state: instance.state,
        startedAt: new Date(instance.startedAt).toISOString(),
        endedAt: instance.endedAt ? new Date(instance.endedAt).toISOString() : null,
        orgUnitName: units.find((u) => u.path === link.orgUnitPath)?.name ?? null,
        timeline,
        stepNames: Object.fromEntries(tasks.filter((t) => t.instanceId === instance.id).map((t) => [t.activityId, t.name ?? t.activityId])),
      });
      for (const h of timeline) {
        if (h.type === 'instance-started')
          events.push({ at: h.at, kind: 'case-started', instanceId: instance.id, title: `发起 ${procedure}`, by: h.userName });
        if (h.type === 'instance-ended' || h.type === 'instance-terminated')
          events.push({
            at: h.at,
            kind: 'case-ended',
            instanceId: instance.id,
            title: `${procedure} ${h.type === 'instance-ended' ? '办结' : '终止'}`,
            by: null,
          });
        if (h.type === 'task-returned') {
          const data = h.data as { reason?: string; toActivityId?: string };
          returns.push({
            instanceId: instance.id,
            taskId: h.taskId,
            reason: data.reason ?? '',
            fromActivityId: h.elementId,
            toActivityId: data.toActivityId ?? null,
            fromStepName: h.stepName,
            toStepName: stepName(data.toActivityId ?? null),
            by: h.userId,
            byName: h.userName,
            at: h.at,
          });
          events.push({
            at: h.at,
            kind: 'return',
            instanceId: instance.id,
            title: `退回：${h.stepName} → ${stepName(data.toActivityId ?? null)}（${data.reason ?? ''}）`,
            by: h.userName,
          });
        }
      }
    }

    const submitted = await this.rows.submissions(p.tenantId, ids);
    const forms = await this.rows.formVersions(p.tenantId, [...new Set(submitted.map((r) => r.formKey))]);
    const submissions = submitted.map((s) => ({
      instanceId: s.instanceId,
      taskId: s.taskId,
      activityId: s.activityId,
      stepName: s.taskId ? stepName(s.activityId) : '发起',
      formKey: s.formKey,
      formVersion: s.formVersion,
      formHash: s.formHash,
      title: forms.find((f) => f.key === s.formKey && f.version === s.formVersion)?.title ?? s.formKey,
      data: s.data,
      submittedBy: s.submittedByName,
      submittedAt: s.submittedAt,
    }));
    // a decision is what a step's form decided (its `decision` field, the convention of the shipped forms)
    const decisions = submissions
      .filter((s) => typeof s.data?.decision === 'string')
      .map((s) => ({
        instanceId: s.instanceId,
        taskId: s.taskId,
        activityId: s.activityId,
        stepName: s.stepName,
        decision: s.data.decision as string,
        comment: typeof s.data.comment === 'string' ? s.data.comment : null,
        by: s.submittedBy,
        at: s.submittedAt,
      }));
    for (const s of submissions)
      events.push({
        at: s.submittedAt,
        kind: 'submission',
        instanceId: s.instanceId,
        title: `${s.stepName}：${titleText(s.title)}`,
        by: s.submittedBy,
      });
    for (const d of decisions)
      events.push({
        at: d.at,
        kind: 'decision',
        instanceId: d.instanceId,
        title: `${d.stepName} 决定：${d.decision}${d.comment ? `（${d.comment}）` : ''}`,
        by: d.by,
      });

    // each case's remarks oldest first, case by case in the file's order; the step a remark was made at is one of
    // the cases' steps read above
    const remarks = await this.rows.comments(p.tenantId, ids);
    const comments = ids.flatMap((id) =>
      remarks.filter((c) => c.instanceId === id).map((c) => presentComment(c, tasks.find((t) => t.id === c.taskId)?.name ?? null)),
    );
    for (const c of comments) events.push({ at: c.createdAt, kind: 'comment', instanceId: c.instanceId, title: c.body, by: c.authorName });
    const attachments = await attachmentsOfInstances(this.attachmentRows, p, ids);
    for (const a of attachments)
      events.push({ at: a.linkedAt, kind: 'attachment', instanceId: a.instanceId, title: a.name, by: a.linkedByName });

    const statusHistory = await this.statuses.history(p.tenantId, studentId);
    for (const h of statusHistory)
      events.push({
        at: h.at,
        kind: 'status',
        instanceId: h.instanceId ?? '',
        title: `学籍状态：${h.fromStatus ?? '—'} → ${h.toStatus}`,
        by: null,
      });

    // the approval verbs (加签, 会签, 撤回, 抄送, 批量审批, 催办, reminders), each a line of its own
    const actions = (await this.rows.actions(p.tenantId, ids)).map((a) => ({
      id: a.id,
      instanceId: a.instanceId,
      taskId: a.taskId,
      kind: a.kind,
      title: a.title,
      by: a.actorName,
      at: a.createdAt,
    }));
    for (const a of actions) events.push({ at: a.at, kind: a.kind, instanceId: a.instanceId, title: a.title, by: a.by });

    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { student, instances, submissions, decisions, returns, comments, attachments, actions, events, statusHistory };
  }
}

function titleText(title: unknown): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'zh' in title) return String((title as { zh: unknown }).zh);
  return '';
}
