import { Injectable, OnModuleInit } from '@nestjs/common';
import { Engine, type ServiceContext } from '@kcbx/engine';
import { STUDENT_STATUSES, StudentStatus } from '../database/entities';
import { StudentStatusRepository } from './student-status.repository';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Service task "set-student-status": the county package's procedures move a student through the status lifecycle
 * (a persuasion case marks the child 疑似辍学 and, once back, 已复学; an approved deferral 缓学 until the period's end).
 * Inputs: `studentStatus` (one of STUDENT_STATUSES), optional `statusUntil` (YYYY-MM-DD) and `statusNote`; the
 * student is the case's `studentId`. Written through `ctx.tx`, the step's own transaction, with a history line:
 * a step that fails leaves neither. A case about a child who is no student (a reported person) changes nothing.
 */
@Injectable()
export class StudentStatusService implements OnModuleInit {
  constructor(
    private readonly engine: Engine,
    private readonly statuses: StudentStatusRepository,
  ) {}

  onModuleInit(): void {
    this.engine.registerServiceHandler('set-student-status', (ctx) => this.fromStep(ctx));
  }

  history(tenantId: string, studentId: string) {
    return this.statuses.history(tenantId, studentId);
  }

  private async fromStep(ctx: ServiceContext<unknown>) {
    const v = ctx.variables;
    const status = v.studentStatus as StudentStatus;
    if (!STUDENT_STATUSES.includes(status)) {
      throw new Error(
        `set-student-status needs studentStatus, one of ${STUDENT_STATUSES.join(', ')}; got ${JSON.stringify(v.studentStatus)}`,
      );
    }
    const raw = v.statusUntil;
    const until = raw === null || raw === undefined || raw === '' ? null : String(raw).slice(0, 10);
    if (until !== null && !DATE.test(until)) throw new Error(`set-student-status: statusUntil must be a date (YYYY-MM-DD), got ${until}`);
    if (typeof v.studentId !== 'string' || !v.studentId) return;
    const note = typeof v.statusNote === 'string' ? v.statusNote.slice(0, 200) : null;
    await this.statuses.set(ctx.tx, ctx.tenantId, v.studentId, status, { until, note, instanceId: ctx.instanceId, by: null });
  }
}
