import type { FileAttachment, FileInstance, FileSubmission, StudentFile } from '@kcbx/api-contract';
import { commentParts } from '../tasks/commentParts';

export type FileEventKind = 'started' | 'ended' | 'terminated' | 'step' | 'return' | 'comment' | 'attachment' | 'action';

/** One line of the student file's history, already merged across procedures. */
export interface FileEvent {
  key: string;
  at: string;
  kind: FileEventKind;
  instanceId: string | null;
  processName: string;
  stepName: string | null;
  who: string | null;
  /** The reason of a return, the text of a comment. */
  text?: string;
  /** The form submitted when the step was completed. */
  submission?: FileSubmission;
  attachment?: FileAttachment;
}

/** Names the file cannot carry itself: the procedure's and its steps', read from each definition's diagram. */
export interface NameSource {
  process(instance: FileInstance): string;
  step(instanceId: string | null | undefined, activityId: string | null | undefined): string | null;
}

const INSTANCE_EVENTS: Record<string, FileEventKind> = {
  'instance-started': 'started',
  'instance-ended': 'ended',
  'instance-terminated': 'terminated',
};

/**
 * An instance no person took part in — e.g. 县级流程参数, which a procedure calls to read the county's
 * settings — is machinery, not part of the child's story: it never had a step for a person (no task event; the
 * starter's id it carries is inherited from the calling case) and no form, comment, return or file.
 */
export function isInternal(instance: FileInstance, file: StudentFile): boolean {
  const events = instance.timeline ?? instance.history ?? [];
  if (events.some((h) => h.type.startsWith('task-'))) return false;
  const mine = (x: { instanceId?: string | null }) => x.instanceId === instance.id;
  return !(file.submissions.some(mine) || file.comments.some(mine) || file.returns.some(mine) || file.attachments.some(mine));
}

/**
 * Every instance, step, form, return, comment and attachment of a student in time order (internal instances
 * left out). A completed step and
 * the form submitted with it are one line; a submission without a history event still gets its own line.
 */
export function buildFileTimeline(file: StudentFile, names: NameSource): FileEvent[] {
  const events: FileEvent[] = [];
  const byInstance = new Map(file.instances.map((i) => [i.id, i]));
  const processOf = (instanceId: string | null | undefined) => {
    const i = instanceId ? byInstance.get(instanceId) : undefined;
    return i ? names.process(i) : '';
  };
  const submissionByTask = new Map(file.submissions.map((s) => [s.taskId, s]));
  const shown = new Set<string | null>();

  for (const instance of file.instances) {
    if (isInternal(instance, file)) continue;
    for (const [n, h] of (instance.timeline ?? instance.history ?? []).entries()) {
      const kind = INSTANCE_EVENTS[h.type] ?? (h.type === 'task-completed' ? 'step' : null);
      if (!kind) continue;
      const submission = h.taskId ? submissionByTask.get(h.taskId) : undefined;
      if (submission) shown.add(submission.taskId);
      events.push({
        key: h.id ?? `${instance.id}-${n}`,
        at: h.at,
        kind,
        instanceId: instance.id,
        processName: names.process(instance),
        stepName: kind === 'step' ? (submission?.stepName ?? names.step(instance.id, h.elementId)) : null,
        who: h.userName ?? submission?.submittedBy ?? null,
        submission,
      });
    }
  }
  for (const s of file.submissions) {
    if (shown.has(s.taskId)) continue;
    events.push({
      key: `form-${s.instanceId}-${s.taskId ?? 'start'}`,
      at: s.submittedAt,
      kind: 'step',
      instanceId: s.instanceId,
      processName: processOf(s.instanceId),
      stepName: s.stepName ?? names.step(s.instanceId, s.activityId),
      who: s.submittedBy,
      submission: s,
    });
  }
  file.returns.forEach((r, n) => {
    events.push({
      key: r.id ?? `return-${n}`,
      at: r.at ?? r.createdAt ?? '',
      kind: 'return',
      instanceId: r.instanceId ?? null,
      processName: processOf(r.instanceId),
      stepName: names.step(r.instanceId, r.fromActivityId),
      who: r.byName ?? r.by ?? null,
      text: r.reason,
    });
  });
  // 加签, 撤回, 抄送, 批量审批, 催办, reminders: each its own line, its text written by the server
  for (const a of file.actions ?? []) {
    events.push({
      key: `action-${a.id}`,
      at: a.at,
      kind: 'action',
      instanceId: a.instanceId,
      processName: processOf(a.instanceId),
      stepName: a.title,
      who: a.by,
    });
  }
  file.comments.forEach((c, n) => {
    const { text, who, at } = commentParts(c);
    events.push({
      key: c.id ?? `comment-${n}`,
      at: at ?? '',
      kind: 'comment',
      instanceId: c.instanceId ?? null,
      processName: processOf(c.instanceId),
      stepName: null,
      who: who || null,
      text,
    });
  });
  for (const a of file.attachments) {
    events.push({
      key: `attachment-${a.instanceId ?? ''}-${a.id}`,
      at: a.linkedAt ?? a.uploadedAt ?? a.createdAt ?? '',
      kind: 'attachment',
      instanceId: a.instanceId ?? null,
      processName: processOf(a.instanceId),
      stepName: null,
      who: a.linkedByName ?? a.uploadedByName ?? a.uploadedBy ?? null,
      attachment: a,
    });
  }
  // ISO-8601 UTC strings sort as text; the sort is stable, so same-instant events keep the order above.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
