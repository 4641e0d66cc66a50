import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { InstanceLink } from '../database/entities';

/** The platform's side of a migration: each moved case's link names its new version (lists filter by it). */
@Injectable()
export class InstanceMigrationRepository {
  /** the side write of a migration command: `tx` is the command's EntityManager (the API's engine runs on TypeOrmStore) */
  moveLinksIn(tenantId: string, version: number) {
    return (tx: unknown, result: { migrated: string[] }) => this.moveLinks(tx as EntityManager, tenantId, result.migrated, version);
  }

  async moveLinks(m: EntityManager, tenantId: string, instanceIds: string[], version: number): Promise<void> {
    for (let i = 0; i < instanceIds.length; i += 500) {
      await m
        .getRepository(InstanceLink)
        .update({ tenantId, instanceId: In(instanceIds.slice(i, i + 500)) }, { definitionVersion: version });
    }
  }
}
