import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import { LedgerEntry, LedgerEvent, LedgerKind, OrgUnit, Student } from '../database/entities';

/** The reads and writes of a reported ledger entry; the writes go through the case start's transaction `m`. */
@Injectable()
export class LedgerReportsRepository {
  constructor(private readonly ds: DataSource) {}

  unitAt(tenantId: string, path: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, path });
  }

  studentWithIdNumber(tenantId: string, idNumber: string): Promise<Student | null> {
    return this.ds.getRepository(Student).findOneBy({ tenantId, idNumber });
  }

  /** The child's entry on that ledger that is not signed off (the oldest, should there be two). */
  openEntry(tenantId: string, kind: LedgerKind, idNumber: string): Promise<LedgerEntry | null> {
    return this.ds.getRepository(LedgerEntry).findOne({
      where: { tenantId, kind, idNumber, status: Not('signed-off') },
      order: { createdAt: 'ASC' },
    });
  }

  async insert(m: EntityManager, entry: LedgerEntry | null, event: LedgerEvent): Promise<void> {
    if (entry) await m.getRepository(LedgerEntry).insert(entry);
    await m.getRepository(LedgerEvent).insert(event);
  }
}
