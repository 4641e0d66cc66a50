import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@kcbx/cn-codes';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { LedgerEntry, OrgUnit } from '../database/entities';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { CountRow, rollUp, UnitCounts } from './ledger-rollup';
import { CauseCount, dropoutCauses } from './dropout-causes';
import { beijingMonth, countAsOf, entriesAsOf } from './ledger-as-of';
import { overdueWork, OverdueCount } from './overdue-work';
import type { VisitCompliance } from '@kcbx/api-contract';
import { VisitAssignmentsRepository } from '../visit-assignments/visit-assignments.repository';
import { lastMonths, visitCompliance } from './visit-compliance';
import { CountyParametersRepository } from './county-parameters.repository';

/** Months of 包抓 visits the dashboard shows. */
const VISIT_MONTHS = 6;

export interface Dashboard {
  unit: UnitCounts;
  /** the unit's direct children (townships under a county, schools under a township) */
  children: UnitCounts[];
  byReason: { kind: string; reason: string; n: number }[];
  /** 辍学原因 recorded by the persuasion visits of the cases started from entries in the unit */
  byCause: CauseCount[];
  byMonth: { month: string; created: number; signedOff: number }[];
  /** open tasks past due, in the unit and per child unit */
  overdue: { total: number; children: OverdueCount[] };
  /** 包抓走访 per month: per township within the unit, per assigned person and per office */
  visits: VisitCompliance;
}

/** One line of a school's report: the child, masked, and where their entry stands. */
export interface ReportEntry {
  studentName: string;
  idNumberMasked: string;
  kind: string;
  reason: string;
  status: string;
  unitName: string;
  createdAt: string;
  updatedAt: string;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly ds: DataSource,
    private readonly assignments: VisitAssignmentsRepository,
    private readonly parameters: CountyParametersRepository,
  ) {}

  /**
   * Counts for a unit in the caller's scope (default: the widest unit they hold a role at); with `asOf` (an
   * instant in the past) the ledger counts are those that stood then.
   */
  async forUnit(p: Principal, code?: string, asOf?: string): Promise<Dashboard> {
    const units = await this.ds.getRepository(OrgUnit).find({ where: { tenantId: p.tenantId }, order: { path: 'ASC' } });
    const top = code
      ? units.find((u) => u.code === code)
      : units.find((u) => u.path === scopePaths(p).sort((a, b) => a.length - b.length)[0]);
    if (!top || !coversPath(p, top.path)) throw Errors.notFound('orgUnit');
    const rows = asOf ? countAsOf(await entriesAsOf(this.ds, p.tenantId, top.path, asOf)) : await this.countRows(p.tenantId, top.path);
    const rolled = rollUp(
      units.filter((u) => u.path.startsWith(top.path)),
      rows,
    );
    const childUnits = units.filter((u) => u.parentId === top.id && u.kind !== 'village');
    const townships = units.filter((u) => u.kind === 'township' && u.path.startsWith(top.path));
    return {
      unit: rolled.get(top.path)!,
      children: childUnits.map((u) => rolled.get(u.path)!),
      byReason: await this.byReason(p.tenantId, top.path),
      byCause: await dropoutCauses(this.ds, p.tenantId, top.path),
      byMonth: await this.byMonth(p.tenantId, top.path),
      overdue: await overdueWork(this.ds, p.tenantId, top, childUnits),
      // The visit months end with the report's month (a past report shows the half-year before it).
      visits: await visitCompliance(
        this.ds,
        p.tenantId,
        townships,
        lastMonths(asOf ? beijingMonth(new Date(Date.parse(asOf) - 1)) : beijingMonth(), VISIT_MONTHS),
        await this.assignments.list(p.tenantId),
        await this.parameters.visitsPerMonth(p.tenantId),
      ),
    };
  }

  /** Every entry at or under a unit, for a school's report (names kept, ID numbers masked). */
  async reportEntries(p: Principal, code: string, asOf?: string): Promise<ReportEntry[]> {
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code });
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound('orgUnit');
    const names = new Map((await this.ds.getRepository(OrgUnit).findBy({ tenantId: p.tenantId })).map((u) => [u.path, u.name]));
    const list = asOf
      ? await entriesAsOf(this.ds, p.tenantId, unit.path, asOf)
      : (await this.entries(p.tenantId, unit.path).getMany()).map((entry) => ({ entry, status: entry.status }));
    list.sort(
      (a, b) =>
        a.entry.kind.localeCompare(b.entry.kind) ||
        a.entry.createdAt.localeCompare(b.entry.createdAt) ||
        a.entry.studentName.localeCompare(b.entry.studentName),
    );
    return list.map(({ entry: e, status }) => ({
      studentName: e.studentName,
      idNumberMasked: maskResidentId(e.idNumber),
      kind: e.kind,
      reason: e.reason,
      status,
      unitName: names.get(e.orgUnitPath) ?? '',
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    }));
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
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.tenantId = :t AND e.orgUnitPath LIKE :p', { t: tenantId, p: `${path}%` });
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
    const created = await this.entries(tenantId, path)
      .select('SUBSTR(e.createdAt, 1, 7)', 'month')
      .addSelect('COUNT(*)', 'n')
      .groupBy('SUBSTR(e.createdAt, 1, 7)')
      .getRawMany();
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
