import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { newId } from '../database/columns';
import { FormDefinitionRow, FormDraft, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The designer's drafts (`form_draft`), and the published versions and publishers a designer reads beside them. */
@Injectable()
export class FormDesignRepository {
  constructor(private readonly ds: DataSource) {}

  drafts(tenantId: string): Promise<FormDraft[]> {
    return this.ds.getRepository(FormDraft).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  draft(tenantId: string, key: string): Promise<FormDraft | null> {
    return this.ds.getRepository(FormDraft).findOneBy({ tenantId, key });
  }

  /** writes the draft over the county's draft of that key, or as a new one */
  async saveDraft(tenantId: string, key: string, values: Omit<FormDraft, 'id' | 'tenantId' | 'key'>): Promise<void> {
    const repo = this.ds.getRepository(FormDraft);
    const existing = await repo.findOneBy({ tenantId, key });
    if (existing) await repo.update({ id: existing.id }, values as never);
    else await repo.insert({ id: newId(), tenantId, key, ...values } as never);
  }

  /** whether there was a draft to delete; `tx`: the publishing transaction */
  async deleteDraft(tenantId: string, key: string, tx?: Tx): Promise<boolean> {
    return !!(await (tx ?? this.ds.manager).getRepository(FormDraft).delete({ tenantId, key })).affected;
  }

  /** the form's published versions, newest first */
  versions(tenantId: string, key: string): Promise<FormDefinitionRow[]> {
    return this.ds.getRepository(FormDefinitionRow).find({ where: { tenantId, key }, order: { version: 'DESC' } });
  }

  latestVersion(tenantId: string, key: string): Promise<FormDefinitionRow | null> {
    return this.ds.getRepository(FormDefinitionRow).findOne({ where: { tenantId, key }, order: { version: 'DESC' } });
  }

  users(ids: string[]): Promise<User[]> {
    return this.ds.getRepository(User).find({ where: { id: In(ids) } });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}
