import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { Student, StudentStatus, StudentStatusEvent } from '../database/entities';

export interface StatusChange {
  until: string | null;
  note: string | null;
  instanceId: string | null;
  by: string | null;
}

/** A student's status and its history: read for the file, written in the transaction it is given. */
@Injectable()
export class StudentStatusRepository {
  constructor(private readonly ds: DataSource) {}

  /** The history of one student, oldest first (the caller has checked scope). */
  history(tenantId: string, studentId: string) {
    return this.ds.getRepository(StudentStatusEvent).find({
      where: { tenantId, studentId },
      order: { at: 'ASC' },
      select: { fromStatus: true, toStatus: true, until: true, note: true, instanceId: true, at: true },
    });
  }

  /**
   * Moves one student to `status` with a history line, through `tx` — an engine command's EntityManager (a step's
   * `ctx.tx`), so the change and its line commit with the step or not at all. Unchanged status and until: nothing.
   */
  async set(tx: unknown, tenantId: string, studentId: string, status: StudentStatus, how: StatusChange): Promise<void> {
    const m = tx as EntityManager;
    const student = await m
      .getRepository(Student)
      .findOne({ where: { id: studentId, tenantId }, select: { id: true, status: true, statusUntil: true } });
    if (!student) throw new Error(`student ${studentId} not found`);
    if (student.status === status && (student.statusUntil ?? null) === how.until) return;
    const at = nowIso();
    await m
      .createQueryBuilder()
      .update(Student)
      .set({ status, statusUntil: how.until, updatedAt: at })
      .where('id = :id', { id: studentId })
      .execute();
    const line: StudentStatusEvent = { id: newId(), tenantId, studentId, fromStatus: student.status, toStatus: status, ...how, at };
    await m.createQueryBuilder().insert().into(StudentStatusEvent).values(line).execute();
  }
}
