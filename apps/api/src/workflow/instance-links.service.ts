import { Injectable } from '@nestjs/common';
import type { DefinitionRecord, HistoryRecord, InstanceRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InstanceLink, OrgUnit } from '../database/entities';

/**
 * Keeps `process_instance_link` (student and org-unit path per instance) complete. Starts through
 * `POST .../start` write their row in the start command's own transaction; instances started elsewhere — the
 * ledger's persuasion button, message and timer starts, call activities — are linked on the next read from the
 * variables their `instance-started` event recorded (`orgUnit`, `studentId`), so no start path can leave a case
 * unlisted.
 */
@Injectable()
export class InstanceLinksService {
  constructor(private readonly ds: DataSource) {}

  /** `m`: the start command's transaction (StartService writes the link in it), else the data source */
  async record(link: InstanceLink, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(InstanceLink).insert(link);
  }

  async catchUp(tenantId: string): Promise<void> {
    const missing = await this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .leftJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .where('i.tenantId = :tenantId AND l.instanceId IS NULL', { tenantId })
      .getMany();
    for (const instance of missing) {
      const started = await this.ds
        .getRepository<HistoryRecord>(ENGINE_SCHEMAS.history)
        .findOneBy({ instanceId: instance.id, type: 'instance-started' });
      const variables = (JSON.parse(started?.data ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {};
      const definition = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id: instance.definitionId });
      const unit =
        typeof variables.orgUnit === 'string'
          ? await this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code: variables.orgUnit })
          : null;
      await this.ds
        .getRepository(InstanceLink)
        .createQueryBuilder()
        .insert()
        .orIgnore()
        .values({
          instanceId: instance.id,
          tenantId,
          definitionKey: instance.key,
          definitionVersion: definition?.version ?? 0,
          studentId: typeof variables.studentId === 'string' ? variables.studentId : null,
          orgUnitPath: unit?.path ?? '',
          startedBy: instance.startedBy,
          startedAt: new Date(instance.startedAt).toISOString(),
        })
        .execute();
    }
  }
}
