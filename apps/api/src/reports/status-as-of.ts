import type { StudentStatus } from '@kcbx/api-contract';

export interface StatusChange {
  studentId: string;
  fromStatus: StudentStatus | null;
  toStatus: StudentStatus;
  at: string;
}

/**
 * Each student's status at `end` from the append-only history (changes in time order): the last change before
 * `end`; else the status the first later change started from (the child was that until then); else today's.
 */
export function statusesAt(
  students: { id: string; status: StudentStatus }[],
  changes: StatusChange[],
  end: string,
): Map<string, StudentStatus> {
  const before = new Map<string, StudentStatus>();
  const firstAfter = new Map<string, StudentStatus | null>();
  for (const c of changes) {
    if (c.at < end) before.set(c.studentId, c.toStatus);
    else if (!firstAfter.has(c.studentId)) firstAfter.set(c.studentId, c.fromStatus);
  }
  return new Map(students.map((s) => [s.id, before.get(s.id) ?? firstAfter.get(s.id) ?? s.status]));
}
