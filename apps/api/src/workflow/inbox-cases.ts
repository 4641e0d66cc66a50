import type { Engine, TaskRecord } from '@kcbx/engine';
import { maskResidentId } from '@kcbx/cn-codes';
import type { InboxCasesRepository } from './inbox-cases.repository';

/** Who and what a task is about, as an inbox row shows it: identical rows could not be told apart without it. */
export interface CaseOfTask {
  studentId: string | null;
  studentName: string | null;
  /** 640422********0017: lists never show the full ID number */
  studentIdNumber: string | null;
  schoolName: string | null;
  /** the procedure's Chinese name (劝返复学), not its key */
  processName: string | null;
}

/**
 * The cases behind one page of tasks, in three bounded queries whatever the page size: the instances'
 * `studentId` variables, their students (with the school's name), and the procedures' names (from the engine's
 * definition cache). Kept out of the inbox's own query, whose SQL is cached per shape and counts the badges.
 */
export async function casesOf(
  repo: InboxCasesRepository,
  engine: Pick<Engine, 'getDefinition'>,
  tenantId: string,
  tasks: TaskRecord[],
): Promise<Map<string, CaseOfTask>> {
  const instanceIds = [...new Set(tasks.map((t) => t.instanceId))];
  const out = new Map<string, CaseOfTask>();
  if (!instanceIds.length) return out;
  const { studentOf, students, schools } = await repo.studentsOfCases(tenantId, instanceIds);
  const names = new Map<string, string | null>();
  for (const t of tasks) {
    if (!names.has(t.definitionId)) names.set(t.definitionId, (await engine.getDefinition(tenantId, t.definitionId))?.name ?? null);
  }
  for (const t of tasks) {
    if (out.has(t.instanceId)) continue;
    const student = students.find((s) => s.id === studentOf.get(t.instanceId));
    out.set(t.instanceId, {
      studentId: student?.id ?? null,
      studentName: student?.name ?? null,
      studentIdNumber: student ? maskResidentId(student.idNumber) : null,
      schoolName: schools.find((o) => o.id === student?.schoolId)?.name ?? null,
      processName: names.get(t.definitionId) ?? null,
    });
  }
  return out;
}

/**
 * 已办: the steps the caller completed, newest first, each with where its case stands now (the names of its open
 * steps, none when the case has ended). A page at a time, like the inbox.
 */
export async function doneTasks(repo: InboxCasesRepository, tenantId: string, userId: string, page: number, pageSize: number) {
  const [tasks, total] = await repo.completedBy(tenantId, userId, page, pageSize);
  const open = await repo.openSteps(tenantId, [...new Set(tasks.map((t) => t.instanceId))]);
  return {
    tasks,
    total,
    currentSteps: (instanceId: string) => [...new Set(open.filter((t) => t.instanceId === instanceId).map((t) => t.name ?? t.activityId))],
    // by id too: 撤回 and 催办 in the 已办 list act on the case's open steps
    currentTasks: (instanceId: string) =>
      open.filter((t) => t.instanceId === instanceId).map((t) => ({ id: t.id, name: t.name ?? t.activityId })),
  };
}
