import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { LedgerEntry, OrgUnit } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { CountRow, rollUp, UnitCounts } from './ledger-rollup';

export interface Dashboard {
  unit: UnitCounts;
  /** the unit's direct children (townships under a county, schools under a township) */
  children: UnitCounts[];
  byReason: { kind: string; reason: string; n: number }[];
  byMonth: { month: string; created: number; signedOff: number }[];
}

@Injectable()
export class DashboardService {
  constructor(private readonly ds: DataSource) {}

  /** Counts for a unit in the caller's scope (default: the widest unit they hold a role at). */
  async forUnit(p: Principal, code?: string): Promise<Dashboard> {
    const units = await this.ds.getRepository(OrgUnit).find({ where: { tenantId: p.tenantId }, order: { path: 'ASC' } });
    const top = code ? units.find((u) => u.code === code) : units.find((u) => u.path === scopePaths(p).sort((a, b) => a.length - b.length)[0]);
    if (!top || !coversPath(p, top.path)) throw Errors.notFound({ zh: '单位', en: 'Org unit' });
    const rows = await this.countRows(p.tenantId, top.path);
    const rolled = rollUp(units.filter((u) => u.path.startsWith(top.path)), rows);
    const children = units.filter((u) => u.parentId === top.id && u.kind !== 'village').map((u) => rolled.get(u.path)!);
    return { unit: rolled.get(top.path)!, children, byReason: await this.byReason(p.tenantId, top.path), byMonth: await this.byMonth(p.tenantId, top.path) };
  }

  async countRows(tenantId: string, path: string): Promise<CountRow[]> {
    const raw = await this.entries(tenantId, path)
      .select('e.orgUnitPath', 'orgUnitPath')
      .addSelect('e.kind', 'kind')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.orgUnitPath')
      .addGroupBy('e.kind')
      .addGroupBy('e.status')
      .getRawMany();
    return raw.map((r) => ({ ...r, n: Number(r.n) }));
  }

  private entries(tenantId: string, path: string) {
    return this.ds.getRepository(LedgerEntry).createQueryBuilder('e').where('e.tenantId = :t AND e.orgUnitPath LIKE :p', { t: tenantId, p: `${path}%` });
  }

  private async byReason(tenantId: string, path: string) {
    const raw = await this.entries(tenantId, path)
      .select('e.kind', 'kind')
      .addSelect('e.reason', 'reason')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.kind')
      .addGroupBy('e.reason')
      .orderBy('e.kind')
      .getRawMany();
    return raw.map((r) => ({ kind: r.kind, reason: r.reason, n: Number(r.n) }));
  }

  /** Entries opened and signed off per month (timestamps are ISO text: the month is its first 7 characters). */
  private async byMonth(tenantId: string, path: string) {
    const created = await this.entries(tenantId, path).select('SUBSTR(e.createdAt, 1, 7)', 'month').addSelect('COUNT(*)', 'n').groupBy('SUBSTR(e.createdAt, 1, 7)').getRawMany();
    const signed = await this.entries(tenantId, path)
      .andWhere("e.status = 'signed-off'")
      .select('SUBSTR(e.updatedAt, 1, 7)', 'month')
      .addSelect('COUNT(*)', 'n')
      .groupBy('SUBSTR(e.updatedAt, 1, 7)')
      .getRawMany();
    const months = new Map<string, { month: string; created: number; signedOff: number }>();
    const at = (m: string) => months.get(m) ?? months.set(m, { month: m, created: 0, signedOff: 0 }).get(m)!;
    for (const r of created) at(r.month).created = Number(r.n);
    for (const r of signed) at(r.month).signedOff = Number(r.n);
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }
}
