import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@kcbx/cn-codes';
import { Errors } from '../common/app-error';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { rollUp, UnitCounts } from './ledger-rollup';
import { CauseCount, dropoutCauses } from './dropout-causes';
import { beijingMonth, countAsOf, EntryAsOf } from './ledger-as-of';
import { overdueWork, OverdueCount } from './overdue-work';
import type { VisitCompliance } from '@kcbx/api-contract';
import { VisitAssignmentsRepository } from '../visit-assignments/visit-assignments.repository';
import { lastMonths, visitCompliance } from './visit-compliance';
import { CountyParametersRepository } from './county-parameters.repository';
import { DashboardCountsRepository, ReasonCount } from './dashboard-counts.repository';
import { DropoutCausesRepository } from './dropout-causes.repository';
import { LedgerHistoryRepository } from './ledger-history.repository';
import { OverdueWorkRepository } from './overdue-work.repository';
import { VisitRecordsRepository } from './visit-records.repository';

/** Months of 包抓 visits the dashboard shows. */
const VISIT_MONTHS = 6;

export interface Dashboard {
  unit: UnitCounts;
  /** the unit's direct children (townships under a county, schools under a township) */
  children: UnitCounts[];
  byReason: ReasonCount[];
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
    private readonly counts: DashboardCountsRepository,
    private readonly history: LedgerHistoryRepository,
    private readonly causes: DropoutCausesRepository,
    private readonly overdue: OverdueWorkRepository,
    private readonly visits: VisitRecordsRepository,
    private readonly assignments: VisitAssignmentsRepository,
    private readonly parameters: CountyParametersRepository,
  ) {}

  /**
   * Counts for a unit in the caller's scope (default: the widest unit they hold a role at); with `asOf` (an
   * instant in the past) the ledger counts are those that stood then.
   */
  async forUnit(p: Principal, code?: string, asOf?: string): Promise<Dashboard> {
    const units = await this.counts.units(p.tenantId);
    const top = code
      ? units.find((u) => u.code === code)
      : units.find((u) => u.path === scopePaths(p).sort((a, b) => a.length - b.length)[0]);
    if (!top || !coversPath(p, top.path)) throw Errors.notFound('orgUnit');
    const rows = asOf
      ? countAsOf(await this.history.entriesAsOf(p.tenantId, top.path, asOf))
      : await this.counts.countRows(p.tenantId, top.path);
    const rolled = rollUp(
      units.filter((u) => u.path.startsWith(top.path)),
      rows,
    );
    const childUnits = units.filter((u) => u.parentId === top.id && u.kind !== 'village');
    const townships = units.filter((u) => u.kind === 'township' && u.path.startsWith(top.path));
    return {
      unit: rolled.get(top.path)!,
      children: childUnits.map((u) => rolled.get(u.path)!),
      byReason: await this.counts.byReason(p.tenantId, top.path),
      byCause: dropoutCauses(await this.causes.causeCounts(p.tenantId, top.path)),
      byMonth: await this.byMonth(p.tenantId, top.path),
      overdue: overdueWork(await this.overdue.perUnit(p.tenantId, top.path, Date.now()), top, childUnits),
      // The visit months end with the report's month (a past report shows the half-year before it).
      visits: await visitCompliance(
        this.visits,
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
    const unit = await this.counts.unitByCode(p.tenantId, code);
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound('orgUnit');
    const names = new Map((await this.counts.units(p.tenantId)).map((u) => [u.path, u.name]));
    const list: EntryAsOf[] = asOf
      ? await this.history.entriesAsOf(p.tenantId, unit.path, asOf)
      : (await this.counts.entries(p.tenantId, unit.path)).map((entry) => ({ entry, status: entry.status }));
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

  /** Entries opened and signed off per month, oldest month first. */
  private async byMonth(tenantId: string, path: string) {
    const created = await this.counts.openedPerMonth(tenantId, path);
    const signed = await this.counts.signedOffPerMonth(tenantId, path);
    const months = new Map<string, { month: string; created: number; signedOff: number }>();
    const at = (m: string) => months.get(m) ?? months.set(m, { month: m, created: 0, signedOff: 0 }).get(m)!;
    for (const r of created) at(r.month).created = r.n;
    for (const r of signed) at(r.month).signedOff = r.n;
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }
}
