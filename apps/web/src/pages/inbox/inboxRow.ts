import type { InboxTask } from '@kcbx/api-contract';

/** 640422200801011234 → 640422…1234: enough to tell two children of the same name apart, no more. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (/[*…]/.test(id)) return id; // masked by the server already
  return id.length > 10 ? `${id.slice(0, 6)}…${id.slice(-4)}` : id;
}

/** What a row says about the student; every part may be missing (older servers, cases about nobody). */
export function studentOf(task: InboxTask): { name: string | null; id: string | null; school: string | null } {
  return {
    name: task.studentName ?? null,
    id: task.studentIdNumberMasked ?? maskIdNumber(task.studentIdNumber),
    school: task.schoolName ?? null,
  };
}

const SOON_MS = 3 * 24 * 3600 * 1000;

/** Due within three days and not yet overdue. */
export function dueSoon(task: InboxTask, now = Date.now()): boolean {
  if (!task.dueAt || task.overdue) return false;
  return new Date(task.dueAt).getTime() - now <= SOON_MS;
}
