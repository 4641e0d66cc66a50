import { Injectable } from '@nestjs/common';
import type {
  PeriodReport,
  Reconciliation,
  ReportExtras,
  ReportPeriod,
  ReportPeriodType,
  ReportUnitRow,
  SignOffLine,
} from '@kcbx/api-contract';
import { maskResidentId } from '@kcbx/cn-codes';
import { AppError, Errors } from '../common/app-error';
import { shippedSchoolTerms } from '../calendar/shipped-calendar';
import { schoolAgeWindow } from '../comparison/comparison-queries';
import { OrgUnit } from '../database/entities';
import { countAsOf } from '../dashboard/ledger-as-of';
import { rollUp } from '../dashboard/ledger-rollup';
import { coversPath, Principal, scopePaths } from '../identity/principal';
import { reconcile } from './reconciliation';
import { currentPeriodValue, reportPeriod } from './report-period';
import {
  HOME_TEACHING_PROCESS,
  HOME_VISIT_PROCESS,
  RECTIFICATION_ITEM_PROCESS,
  ReportsRepository,
  StudentAtEnd,
  CaseAtEnd,
} from './reports.repository';

const LINE_NAME: Record<SignOffLine, { zh: string; en: string }> = {
  preparer: { zh: '制表人', en: 'preparer' },
  reviewer: { zh: '审核人', en: 'reviewer' },
  head: { zh: '负责人', en: 'head' },
};

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * One report builder for every period (month, quarter, term, year): the ledgers as they stood at the period's
 * end per unit, with the counts the ledgers do not hold (缓学 / 休学 / 送教上门 from the status history, 家访
 * coverage, rectification progress), the sign-off lines, and the 三统一 check that signing waits for.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly repo: ReportsRepository) {}

  period(p: Principal, type: ReportPeriodType, value?: string): ReportPeriod {
    const terms = shippedSchoolTerms(p.tenantCode);
    const v = value ?? currentPeriodValue(type, beijingToday(), terms) ?? '';
    const period = reportPeriod(type, v, terms);
    if (typeof period === 'string') throw Errors.validation([{ field: 'period', message: period }]);
    return period;
  }

  /** The county's school terms, for the term picker. */
  terms(p: Principal) {
    return shippedSchoolTerms(p.tenantCode);
  }

  async report(p: Principal, type: ReportPeriodType, value?: string, code?: string): Promise<PeriodReport> {
    const period = this.period(p, type, value);
    const units = await this.repo.units(p.tenantId);
    const top = this.unit(p, units, code);
    const inTree = units.filter((u) => u.path.startsWith(top.path));
    const rolled = rollUp(inTree, countAsOf(await this.repo.ledgerAsOf(p.tenantId, top.path, period.end)));
    const students = await this.repo.studentsAsOf(p.tenantId, top.path, period.end);
    const [visits, teaching, rectification] = await Promise.all(
      [HOME_VISIT_PROCESS, HOME_TEACHING_PROCESS, RECTIFICATION_ITEM_PROCESS].map((key) =>
        this.repo.casesBefore(p.tenantId, key, top.path, period.end),
      ),
    );
    const startOfPeriod = reportPeriodStart(period);
    const row = (u: OrgUnit): ReportUnitRow => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      counts: rolled.get(u.path)!.counts,
      extras: extrasFor(u.path, Date.parse(period.end), startOfPeriod, students, visits, teaching, rectification),
    });
    const signOffs = await this.repo.signOffs(p.tenantId, top.path, type, period.value);
    return {
      period,
      unit: row(top),
      children: units.filter((u) => u.parentId === top.id && u.kind !== 'village').map(row),
      signOffs: signOffs.map((s) => ({ line: s.line, userId: s.userId, name: s.userName, at: s.at })),
      unexplainedDifferences: (await this.reconciliation(p, top.code)).unit.unexplained,
    };
  }

  async reconciliation(p: Principal, code?: string): Promise<Reconciliation> {
    const { top, units, result, mine, notes, imports } = await this.check(p, code);
    const explained = (key: string) => notes.has(key);
    const unitOf = (path: string) => units.filter((u) => path.startsWith(u.path)).sort((a, b) => b.path.length - a.path.length)[0];
    const kindOrder = { 'poverty-only': 0, 'register-only': 1, 'ledger-only': 2 };
    return {
      unit: result.row(top, explained),
      children: units.filter((u) => u.parentId === top.id && u.kind !== 'village').map((u) => result.row(u, explained)),
      differences: mine
        .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.path.localeCompare(b.path) || a.name.localeCompare(b.name))
        .map((d) => {
          const note = notes.get(d.key);
          const unit = unitOf(d.path);
          return {
            key: d.key,
            kind: d.kind,
            name: d.name,
            idNumberMasked: maskResidentId(d.idNumber),
            unitCode: unit?.code ?? '',
            unitName: unit?.name ?? '',
            explanation: note ? { note: note.note, by: note.byName, at: note.at } : null,
          };
        }),
      imports,
    };
  }

  private async check(p: Principal, code?: string) {
    const units = await this.repo.units(p.tenantId);
    const top = this.unit(p, units, code);
    const [studentImport, povertyImport] = await Promise.all([
      this.repo.latestImport(p.tenantId, 'student'),
      this.repo.latestImport(p.tenantId, 'poverty'),
    ]);
    const result = reconcile({
      tenantId: p.tenantId,
      units,
      students: await this.repo.roll(p.tenantId),
      ledger: await this.repo.openLedgerChildren(p.tenantId),
      register: studentImport ? await this.repo.registerRows(studentImport.id) : null,
      poverty: povertyImport ? await this.repo.registerRows(povertyImport.id) : null,
      window: schoolAgeWindow(beijingToday()),
    });
    const mine = result.differences.filter((d) => d.path.startsWith(top.path));
    const notes = await this.repo.notes(
      p.tenantId,
      mine.map((d) => d.key),
    );
    return { top, units, result, mine, notes, imports: { student: studentImport?.id ?? null, poverty: povertyImport?.id ?? null } };
  }

  /** Records why a difference is no error; the difference must be one the caller's scope shows now. */
  async explain(p: Principal, key: string, note: string) {
    const { mine } = await this.check(p);
    const diff = mine.find((d) => d.key === key);
    if (!diff) throw Errors.validation([{ field: 'key', message: '差异不存在或已消除（请刷新核对结果） / no such difference now' }]);
    const saved = await this.repo.addNote({
      tenantId: p.tenantId,
      diffKey: key,
      kind: diff.kind,
      idNumber: diff.idNumber,
      orgUnitPath: diff.path,
      note,
      by: p.userId,
      byName: p.displayName,
    });
    return { key, explanation: { note: saved.note, by: saved.byName, at: saved.at } };
  }

  /** Signs one line of a unit's report: refused while a 三统一 difference in the unit is unexplained, or the line is signed. */
  async sign(p: Principal, type: ReportPeriodType, value: string, code: string | undefined, line: SignOffLine) {
    const period = this.period(p, type, value);
    const units = await this.repo.units(p.tenantId);
    const top = this.unit(p, units, code);
    const check = await this.reconciliation(p, top.code);
    if (check.unit.unexplained > 0) {
      throw new AppError('REPORT_UNRECONCILED', { unit: top.name, count: check.unit.unexplained }, [
        {
          field: 'line',
          message: `尚有 ${check.unit.unexplained} 处三统一差异未说明，不能签字 / ${check.unit.unexplained} unexplained difference(s)`,
        },
      ]);
    }
    const lineSigned = (row: { userName: string; at: string } | null) =>
      new AppError('REPORT_LINE_SIGNED', {
        line: LINE_NAME[line],
        name: row?.userName ?? '',
        at: row ? new Date(Date.parse(row.at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '', // Beijing time
      });
    const existing = await this.repo.signOffLine(p.tenantId, top.path, type, period.value, line);
    if (existing) throw lineSigned(existing);
    const signed = await this.repo.addSignOff({
      tenantId: p.tenantId,
      orgUnitPath: top.path,
      periodType: type,
      period: period.value,
      line,
      userId: p.userId,
      userName: p.displayName,
    });
    // two signing the same line at once: the second is told who signed first
    if (!signed) throw lineSigned(await this.repo.signOffLine(p.tenantId, top.path, type, period.value, line));
    return { line: signed.line, userId: signed.userId, name: signed.userName, at: signed.at };
  }

  private unit(p: Principal, units: OrgUnit[], code?: string): OrgUnit {
    const top = code
      ? units.find((u) => u.code === code)
      : units.find((u) => u.path === scopePaths(p).sort((a, b) => a.length - b.length)[0]);
    if (!top || !coversPath(p, top.path)) throw Errors.notFound('orgUnit');
    return top;
  }
}

/** The instant (ms) the period began: its first day's Beijing midnight. */
function reportPeriodStart(period: ReportPeriod): number {
  const [y, m, d] = period.from.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - 8 * 3600_000;
}

/** Students no longer on the roll at the period's end. */
const OFF_ROLL = new Set(['transferred', 'graduated', 'dropout']);

function extrasFor(
  path: string,
  endMs: number,
  startMs: number,
  students: StudentAtEnd[],
  visits: CaseAtEnd[],
  teaching: CaseAtEnd[],
  rectification: CaseAtEnd[],
): ReportExtras {
  const here = students.filter((s) => s.schoolPath.startsWith(path));
  const schoolOf = new Map(students.map((s) => [s.id, s.schoolPath]));
  const inUnit = (c: CaseAtEnd) => (c.studentId && schoolOf.has(c.studentId) ? schoolOf.get(c.studentId)! : c.orgUnitPath).startsWith(path);
  const runningAtEnd = (c: CaseAtEnd) => c.endedAt === null || c.endedAt >= endMs;
  const onRoll = new Set(here.filter((s) => !OFF_ROLL.has(s.status)).map((s) => s.id));
  const visited = new Set(
    visits.filter((c) => c.studentId && onRoll.has(c.studentId) && Date.parse(c.startedAt) >= startMs).map((c) => c.studentId!),
  );
  const homeTaught = new Set(here.filter((s) => s.status === 'home-teaching').map((s) => s.id));
  for (const c of teaching) if (c.studentId && inUnit(c) && runningAtEnd(c)) homeTaught.add(c.studentId);
  const items = rectification.filter(inUnit);
  return {
    deferred: here.filter((s) => s.status === 'deferred').length,
    suspended: here.filter((s) => s.status === 'suspended').length,
    homeTeaching: homeTaught.size,
    homeVisits: { visited: visited.size, students: onRoll.size },
    rectification: {
      total: items.length,
      done: items.filter((c) => c.state === 'completed' && c.endedAt !== null && c.endedAt < endMs).length,
    },
  };
}
