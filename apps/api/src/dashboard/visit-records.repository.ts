import { Injectable } from '@nestjs/common';
import { completedInstancesOf } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { FormSubmission, User } from '../database/entities';

/** A form submitted in a completed case: which case, who submitted it and what it held. */
export type CaseForm = Pick<FormSubmission, 'id' | 'instanceId' | 'data' | 'submittedBy' | 'submittedAt'>;

/** The 包抓 visits as recorded: the forms of completed visit cases, and the names of the people who made them. */
@Injectable()
export class VisitRecordsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The forms submitted in the county's cases of the procedure `key` that ended at or after `since` (ms), oldest
   * first. Bounded by `since` so the dashboard reads the months it shows, not every year of visits (#19).
   */
  formsOfCompletedCases(tenantId: string, key: string, since: number): Promise<CaseForm[]> {
    const completed = completedInstancesOf(this.ds, tenantId, key).andWhere('i.endedAt >= :completedSince', { completedSince: since });
    return this.ds
      .getRepository(FormSubmission)
      .createQueryBuilder('s')
      .select(['s.id', 's.instanceId', 's.data', 's.submittedBy', 's.submittedAt'])
      .where(`s.tenantId = :tenantId AND s.instanceId IN (${completed.getQuery()})`, { tenantId, ...completed.getParameters() })
      .orderBy('s.submittedAt', 'ASC')
      .getMany();
  }

  /** Display names of some users by id (ids not found are absent). */
  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const users = await this.ds.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In(userIds) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
