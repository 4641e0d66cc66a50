import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerEntry, LedgerEvent, LedgerKind, LedgerStatus, OrgUnit } from '../database/entities';

/** What the ledger pages read: a ledger's entries in the caller's scope, one entry's history, the county's units. */
@Injectable()
export class LedgerEntriesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One page of a ledger's entries under any of `scopes` (unit paths; none matches nothing), under `unitPath` and
   * of `status` when given, by unit then age, with their total.
   */
  page(
    tenantId: string,
    kind: LedgerKind,
    filter: { scopes: string[]; unitPath?: string; status?: LedgerStatus },
    page: number,
    pageSize: number,
  ): Promise<[LedgerEntry[], number]> {
    const qb = this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :t AND e.kind = :kind', { t: tenantId, kind });
    qb.andWhere(
      `(${filter.scopes.map((_, i) => `e.orgUnitPath LIKE :s${i}`).join(' OR ') || '1 = 0'})`,
      Object.fromEntries(filter.scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    if (filter.unitPath !== undefined) qb.andWhere('e.orgUnitPath LIKE :unit', { unit: `${filter.unitPath}%` });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    return qb
      .orderBy('e.orgUnitPath')
      .addOrderBy('e.createdAt')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  entry(tenantId: string, id: string): Promise<LedgerEntry | null> {
    return this.ds.getRepository(LedgerEntry).findOneBy({ id, tenantId });
  }

  /** an entry's history, oldest first */
  events(entryId: string): Promise<LedgerEvent[]> {
    return this.ds.getRepository(LedgerEvent).find({ where: { entryId }, order: { at: 'ASC' } });
  }

  unitWithCode(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  units(tenantId: string): Promise<OrgUnit[]> {
    return this.ds.getRepository(OrgUnit).findBy({ tenantId });
  }
}
