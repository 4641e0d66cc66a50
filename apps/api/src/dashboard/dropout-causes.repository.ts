import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FormSubmission, LedgerEntry } from '../database/entities';

/** A form submitted in the case of a ledger entry: the entry and what the form held. */
export interface CaseSubmission {
  entryId: string;
  data: Record<string, unknown> | null;
}

/** The forms submitted in the cases started from ledger entries (the persuasion visits' 辍学原因 among them). */
@Injectable()
export class DropoutCausesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every form submitted in the case of an entry at or under `path`, oldest first. */
  async caseSubmissions(tenantId: string, path: string): Promise<CaseSubmission[]> {
    const rows = await this.ds
      .getRepository(FormSubmission)
      .createQueryBuilder('s')
      .innerJoin(LedgerEntry, 'e', 'e.caseId = s.instanceId AND e.tenantId = s.tenantId')
      .select(['s.id', 's.data', 's.submittedAt'])
      .addSelect('e.id', 'entryId')
      .where('s.tenantId = :tenantId AND e.orgUnitPath LIKE :path', { tenantId, path: `${path}%` })
      .orderBy('s.submittedAt', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((s, i) => ({ entryId: (rows.raw[i] as { entryId: string }).entryId, data: s.data }));
  }
}
