import { Injectable } from '@nestjs/common';
import type { DefinitionRecord, HistoryRecord, InstanceRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { InstanceLink, OrgUnit } from '../database/entities';
import type { PendingRows } from '../database/row-insert';
import type { Tx } from '../database/transaction';

/** `process_instance_link` rows, and what a missing one is rebuilt from (the instance's start event, its unit). */
@Injectable()
export class InstanceLinksRepository {
  constructor(private readonly ds: DataSource) {}

  /** `tx`: the start command's transaction */
  async insert(link: InstanceLink, tx?: Tx): Promise<void> {
    await (tx ?? this.ds.manager).getRepository(InstanceLink).insert(link);
  }

  /** the link for another repository's write in the same statement (`AuditService.inCommand`'s `alongside`) */
  pending(link: InstanceLink): PendingRows<InstanceLink> {
    return { entity: InstanceLink, rows: [link] };
  }

  /** a link written late; one that another request wrote meanwhile is kept */
  async insertUnlessThere(link: InstanceLink): Promise<void> {
    await this.ds.getRepository(InstanceLink).createQueryBuilder().insert().orIgnore().values(link).execute();
  }

  /** the county's instances that have no link yet (started at or after `startedSince`, when given) */
  unlinked(tenantId: string, startedSince?: number): Promise<InstanceRecord[]> {
    const qb = this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .leftJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .where('i.tenantId = :tenantId AND l.instanceId IS NULL', { tenantId });
    // The bound is written into the statement, not passed as a parameter: PostgreSQL's one plan for every value (the
    // API's sessions force generic plans, and they apply to unnamed statements too) judged "started since" a third
    // of the table and read every instance and link of the database, 0.6–1.1 s at a five-year county, on every
    // student file (#19). With the value in the text it is an index range of the last minutes. The comment keeps
    // the ever-changing text from being prepared by name (prepared-pg.ts).
    if (startedSince !== undefined) qb.andWhere(`i.startedAt >= ${Math.floor(Number(startedSince))}`).comment('planned per call');
    return qb.getMany();
  }

  /** the instance's `instance-started` history record (its data holds the start variables) */
  startEvent(instanceId: string): Promise<HistoryRecord | null> {
    return this.ds.getRepository<HistoryRecord>(ENGINE_SCHEMAS.history).findOneBy({ instanceId, type: 'instance-started' });
  }

  definition(id: string): Promise<DefinitionRecord | null> {
    return this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id });
  }

  unit(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }
}
