import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { Attachment, InstanceAttachment } from '../database/entities';
import type { Tx } from '../database/transaction';

/** where a file is filed: a task, or the start event (id null) */
export interface Step {
  instanceId: string;
  id: string | null;
  activityId: string | null;
}

/** Files filed with a case (`instance_attachment`) and the uploaded files they point to. */
@Injectable()
export class CaseAttachmentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** files the attachments with the step (once each: a second filing is ignored); `tx`: the step's transaction */
  async file(
    filer: { tenantId: string; userId: string; displayName: string },
    step: Step,
    attachmentIds: string[],
    tx?: Tx,
  ): Promise<void> {
    const on = tx ?? this.ds.manager;
    for (const attachmentId of attachmentIds) {
      await on
        .getRepository(InstanceAttachment)
        .createQueryBuilder()
        .insert()
        .orIgnore()
        .values({
          id: newId(),
          tenantId: filer.tenantId,
          instanceId: step.instanceId,
          taskId: step.id,
          activityId: step.activityId,
          attachmentId,
          linkedBy: filer.userId,
          linkedByName: filer.displayName,
          linkedAt: nowIso(),
        })
        .execute();
    }
  }

  /** the county's uploaded files among these ids */
  attachments(tenantId: string, ids: string[], tx?: Tx): Promise<Attachment[]> {
    if (!ids.length) return Promise.resolve([]);
    return (tx ?? this.ds.manager).getRepository(Attachment).findBy({ tenantId, id: In(ids) });
  }

  attachment(tenantId: string, id: string): Promise<Attachment | null> {
    return this.ds.getRepository(Attachment).findOneBy({ id, tenantId });
  }

  /** what was filed with these cases, in filing order */
  filedWith(tenantId: string, instanceIds: string[]): Promise<InstanceAttachment[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.ds.getRepository(InstanceAttachment).find({ where: { tenantId, instanceId: In(instanceIds) }, order: { linkedAt: 'ASC' } });
  }
}
