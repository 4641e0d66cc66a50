import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Attachment, OrgUnit } from '../database/entities';

/** Uploaded files' rows (`attachment`; their bytes are in the file store) and the units they are filed under. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly ds: DataSource) {}

  async add(row: Attachment): Promise<void> {
    await this.ds.getRepository(Attachment).insert(row);
  }

  /** an upload of the county by id */
  ofTenant(tenantId: string, id: string): Promise<Attachment | null> {
    return this.ds.getRepository(Attachment).findOneBy({ id, tenantId });
  }

  /** the county's org unit with this code */
  unitByCode(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }
}
