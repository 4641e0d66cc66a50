import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { LedgerEntry, LedgerEvent, LedgerKind, LedgerStatus, OrgUnit, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/**
 * The ledger entries of persuasion cases: reads and plain statements (no TypeORM save transactions) through the
 * transaction `tx` the engine command or job step passes on, so an entry moves with its case or not at all.
 */
@Injectable()
export class LedgerCasesRepository {
  constructor(private readonly ds: DataSource) {}

  /** the unit at `path`; throws when the county has none there */
  unitAt(tenantId: string, path: string): Promise<OrgUnit> {
    return this.ds.getRepository(OrgUnit).findOneByOrFail({ tenantId, path });
  }

  entry(tx: Tx, tenantId: string, id: string): Promise<LedgerEntry | null> {
    return tx.getRepository(LedgerEntry).findOneBy({ id, tenantId });
  }

  /** the child's open entries on these ledgers that no case has taken */
  openWithoutCase(tx: Tx, tenantId: string, idNumber: string, kinds: LedgerKind[]): Promise<LedgerEntry[]> {
    return tx.getRepository(LedgerEntry).findBy({ tenantId, idNumber, kind: In(kinds), status: 'open', caseId: IsNull() });
  }

  /** the child's other entries of the case `caseId` whose status is none of `statuses` */
  othersOfCase(
    tx: Tx,
    a: { tenantId: string; caseId: string; idNumber: string; exceptId: string; statuses: LedgerStatus[] },
  ): Promise<LedgerEntry[]> {
    return tx.getRepository(LedgerEntry).findBy({
      tenantId: a.tenantId,
      caseId: a.caseId,
      idNumber: a.idNumber,
      id: Not(a.exceptId),
      status: Not(In(a.statuses)),
    });
  }

  /** the id of the county's user with this username, if any */
  async userIdOf(tx: Tx, tenantId: string, username: string): Promise<string | null> {
    const user = await tx.getRepository(User).findOne({ where: { tenantId, username }, select: { id: true } });
    return user?.id ?? null;
  }

  /**
   * Sets the entry's status and case. `joining`: only while the entry is open and without a case, so of two
   * starts racing for one entry the second changes nothing. Whether a row changed.
   */
  async setStatus(
    tx: Tx,
    id: string,
    change: { status: LedgerStatus; caseId: string | null; at: string; joining: boolean },
  ): Promise<boolean> {
    const update = tx
      .createQueryBuilder()
      .update(LedgerEntry)
      .set({ status: change.status, caseId: change.caseId, updatedAt: change.at })
      .where('id = :id', { id });
    if (change.joining) update.andWhere('status = \'open\' AND "caseId" IS NULL');
    const done = await update.execute();
    return !!done.affected;
  }

  async addEvent(tx: Tx, event: LedgerEvent): Promise<void> {
    await tx.createQueryBuilder().insert().into(LedgerEvent).values(event).execute();
  }
}
