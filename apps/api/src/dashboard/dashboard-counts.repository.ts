import { Injectable } from '@nestjs/common';
import type { LedgerKind, LedgerStatus } from '@kcbx/api-contract';
import { DataSource } from 'typeorm';
import { LedgerEntry, OrgUnit } from '../database/entities';
import type { CountRow } from './ledger-rollup';

export interface ReasonCount {
  kind: LedgerKind;
  reason: string;
  n: number;
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  n: number;
}

/** COUNT(*) comes back as text on PostgreSQL (bigint) and as a number on SQLite. */
type Counted<T> = Omit<T, 'n'> & { n: string | number };
const counted = <T extends { n: number }>(rows: Counted<T>[]): T[] => rows.map((r) => ({ ...r, n: Number(r.n) }) as T);

/** The county's units and the ledger entries at or under one of them, counted for the dashboard and the monthly report. */
@Injectable()
export class DashboardCountsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every unit of the county, parents before children. */
  units(tenantId: string): Promise<OrgUnit[]> {
    return this.ds.getRepository(OrgUnit).find({ where: { tenantId }, order: { path: 'ASC' } });
  }

  unitByCode(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  /** The entries at or under the unit at `path`, as they stand now. */
  entries(tenantId: string, path: string): Promise<LedgerEntry[]> {
    return this.under(tenantId, path).getMany();
  }

  /** Entries per unit they sit at, ledger and status. */
  async countRows(tenantId: string, path: string): Promise<CountRow[]> {
    const raw = await this.under(tenantId, path)
      .select('e.orgUnitPath', 'orgUnitPath')
      .addSelect('e.kind', 'kind')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.orgUnitPath')
      .addGroupBy('e.kind')
      .addGroupBy('e.status')
      .getRawMany<Counted<CountRow>>();
    return counted(raw);
  }

  /** Entries per ledger and reason, by ledger. */
  async byReason(tenantId: string, path: string): Promise<ReasonCount[]> {
    const raw = await this.under(tenantId, path)
      .select('e.kind', 'kind')
      .addSelect('e.reason', 'reason')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.kind')
      .addGroupBy('e.reason')
      .orderBy('e.kind')
      .getRawMany<Counted<ReasonCount>>();
    return counted(raw);
  }

  /** Entries opened per month (timestamps are ISO text: the month is its first 7 characters). */
  async openedPerMonth(tenantId: string, path: string): Promise<MonthCount[]> {
    const raw = await this.under(tenantId, path)
      .select('SUBSTR(e.createdAt, 1, 7)', 'month')
      .addSelect('COUNT(*)', 'n')
      .groupBy('SUBSTR(e.createdAt, 1, 7)')
      .getRawMany<Counted<MonthCount>>();
    return counted(raw);
  }

  /** Entries signed off per month, by the month they were last changed (`updatedAt`). */
  async signedOffPerMonth(tenantId: string, path: string): Promise<MonthCount[]> {
    const raw = await this.under(tenantId, path)
      .andWhere('e.status = :signedOff', { signedOff: 'signed-off' satisfies LedgerStatus })
      .select('SUBSTR(e.updatedAt, 1, 7)', 'month')
      .addSelect('COUNT(*)', 'n')
      .groupBy('SUBSTR(e.updatedAt, 1, 7)')
      .getRawMany<Counted<MonthCount>>();
    return counted(raw);
  }

  private under(tenantId: string, path: string) {
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :t AND e.orgUnitPath LIKE :p', { t: tenantId, p: `${path}%` });
  }
}
