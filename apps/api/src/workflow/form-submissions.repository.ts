import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FormSubmission } from '../database/entities';
import { insertRows, type PendingRows } from '../database/row-insert';
import type { Tx } from '../database/transaction';

/** What was submitted at a case's start and steps (`form_submission`), each pinned to the form version it was checked against. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** `tx`: the engine command's transaction (start, completion, return) the submission commits with */
  async record(row: FormSubmission, tx: Tx): Promise<void> {
    await insertRows(tx, FormSubmission, [row]);
  }

  /** the row for another repository's write in the same statement (`AuditService.inCommand`'s `alongside`) */
  pending(row: FormSubmission): PendingRows<FormSubmission> {
    return { entity: FormSubmission, rows: [row] };
  }

  /** a case's submissions, oldest first */
  ofCase(tenantId: string, instanceId: string): Promise<FormSubmission[]> {
    return this.ds.getRepository(FormSubmission).find({ where: { tenantId, instanceId }, order: { submittedAt: 'ASC' } });
  }
}
