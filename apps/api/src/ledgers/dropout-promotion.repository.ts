import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerEntry, LedgerEvent, LedgerStatus } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The suspected-dropout entries due for the dropout ledger, and the writes of one promotion in its transaction `tx`. */
@Injectable()
export class DropoutPromotionRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Open or in-progress suspected-dropout entries entered at or before `cutoff` whose child has no dropout entry
   * that is not signed off nor one entered since, oldest first.
   */
  due(cutoff: string): Promise<LedgerEntry[]> {
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('s')
      .where("s.kind = 'suspected-dropout' AND s.status IN ('open', 'in-progress') AND s.createdAt <= :cutoff", { cutoff })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ledger_entry d WHERE d."tenantId" = s."tenantId" AND d."kind" = 'dropout' AND d."idNumber" = s."idNumber"
           AND (d."status" <> 'signed-off' OR d."createdAt" >= s."createdAt"))`,
      )
      .orderBy('s.createdAt', 'ASC')
      .getMany();
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /**
   * Stores the dropout entry unless the unique index on the child's not-signed-off dropout entry already holds one
   * (another process was first); whether it was stored.
   */
  async addUnlessPresent(tx: Tx, entry: LedgerEntry): Promise<boolean> {
    await tx.createQueryBuilder().insert().into(LedgerEntry).values(entry).orIgnore().execute();
    return tx.getRepository(LedgerEntry).existsBy({ id: entry.id });
  }

  /** The entry as it is now, held until commit on PostgreSQL (SQLite's one writer holds it anyway). */
  lockedEntry(tx: Tx, id: string): Promise<LedgerEntry | null> {
    const qb = tx.getRepository(LedgerEntry).createQueryBuilder('s').where('s.id = :id', { id });
    if (tx.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async setStatusAndCase(tx: Tx, id: string, status: LedgerStatus, caseId: string | null): Promise<void> {
    await tx.createQueryBuilder().update(LedgerEntry).set({ status, caseId }).where('id = :id', { id }).execute();
  }

  async addEvents(tx: Tx, events: LedgerEvent[]): Promise<void> {
    await tx.getRepository(LedgerEvent).insert(events);
  }
}
