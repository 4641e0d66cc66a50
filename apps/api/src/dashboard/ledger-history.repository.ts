import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerEntry, LedgerEvent } from '../database/entities';
import { EntryAsOf, StatusChange, statusesAsOf } from './ledger-as-of';

/** The ledger's history read as it stood at an instant: a past month's report, the period reports. */
@Injectable()
export class LedgerHistoryRepository {
  constructor(private readonly ds: DataSource) {}

  /** The entries at or under `path` recorded before `end`. */
  entriesBefore(tenantId: string, path: string, end: string): Promise<LedgerEntry[]> {
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :t AND e.orgUnitPath LIKE :p AND e.createdAt < :end', { t: tenantId, p: `${path}%`, end })
      .getMany();
  }

  /** The status changes of those entries made before `end`, oldest first. */
  statusChangesBefore(tenantId: string, path: string, end: string): Promise<StatusChange[]> {
    return this.ds
      .getRepository(LedgerEvent)
      .createQueryBuilder('v')
      .innerJoin(LedgerEntry, 'e', 'e.id = v.entryId')
      .select('v.entryId', 'entryId')
      .addSelect('v.toStatus', 'toStatus')
      .where('e.tenantId = :t AND e.orgUnitPath LIKE :p AND v.at < :end AND v.toStatus IS NOT NULL', { t: tenantId, p: `${path}%`, end })
      .orderBy('v.at', 'ASC')
      .getRawMany<StatusChange>();
  }

  /** The ledger at or under `path` as it stood at `end` (see `statusesAsOf`). */
  async entriesAsOf(tenantId: string, path: string, end: string): Promise<EntryAsOf[]> {
    const entries = await this.entriesBefore(tenantId, path, end);
    if (!entries.length) return [];
    return statusesAsOf(entries, await this.statusChangesBefore(tenantId, path, end));
  }
}
