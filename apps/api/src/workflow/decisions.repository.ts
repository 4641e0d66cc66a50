import { Injectable } from '@nestjs/common';
import type { DecisionRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';

/** The county's deployed decision tables (each row a decision; its xml the whole DMN file it came in). */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** every version, by decision id, newest first */
  versions(tenantId: string): Promise<DecisionRecord[]> {
    return this.ds
      .getRepository<DecisionRecord>(ENGINE_SCHEMAS.decision)
      .find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
  }

  one(tenantId: string, id: string): Promise<DecisionRecord | null> {
    return this.ds.getRepository<DecisionRecord>(ENGINE_SCHEMAS.decision).findOneBy({ tenantId, id });
  }
}
