import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { caseVariable, openStepsOf, stepsCompletedBy } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { OrgUnit, Student } from '../database/entities';

/** What an inbox or 已办 row shows beside its task: the case's student and school, the caller's completed steps. */
@Injectable()
export class InboxCasesRepository {
  constructor(private readonly ds: DataSource) {}

  /** each case's student (its case-level `studentId` variable), those students, and their schools: three bounded queries */
  async studentsOfCases(
    tenantId: string,
    instanceIds: string[],
  ): Promise<{ studentOf: Map<string, string>; students: Student[]; schools: OrgUnit[] }> {
    const studentOf = new Map<string, string>();
    for (const [instanceId, id] of await caseVariable(this.ds, tenantId, instanceIds, 'studentId')) {
      if (typeof id === 'string') studentOf.set(instanceId, id);
    }
    const studentIds = [...new Set(studentOf.values())];
    const students = studentIds.length ? await this.ds.getRepository(Student).findBy({ tenantId, id: In(studentIds) }) : [];
    const schoolIds = [...new Set(students.map((s) => s.schoolId).filter((id): id is string => !!id))];
    const schools = schoolIds.length ? await this.ds.getRepository(OrgUnit).findBy({ tenantId, id: In(schoolIds) }) : [];
    return { studentOf, students, schools };
  }

  /** one page of the steps `userId` completed, newest first, and the total */
  completedBy(tenantId: string, userId: string, page: number, pageSize: number): Promise<[TaskRecord[], number]> {
    return stepsCompletedBy(this.ds, tenantId, userId, page, pageSize);
  }

  /** the open steps of these cases */
  openSteps(tenantId: string, instanceIds: string[]): Promise<TaskRecord[]> {
    return openStepsOf(this.ds, tenantId, instanceIds);
  }
}
