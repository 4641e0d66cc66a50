import { Injectable } from '@nestjs/common';
import type { ReportPeriodType, SignOffLine, StudentStatus } from '@kcbx/api-contract';
import { DataSource } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import {
  InstanceLink,
  LedgerEntry,
  OrgUnit,
  ReconciliationNote,
  RegisterEntry,
  RegisterImport,
  ReportSignOffRow,
  Student,
  StudentStatusEvent,
} from '../database/entities';
import type { EntryAsOf } from '../dashboard/ledger-as-of';
import { LedgerHistoryRepository } from '../dashboard/ledger-history.repository';
import { statusesAt } from './status-as-of';

/** The procedures whose cases the reports count (keys of the shared procedures in workflows/). */
export const HOME_VISIT_PROCESS = 'home-visit';
export const HOME_TEACHING_PROCESS = 'home-teaching';
export const RECTIFICATION_ITEM_PROCESS = 'rectification-item';

export interface StudentAtEnd {
  id: string;
  schoolPath: string;
  status: StudentStatus;
}

export interface CaseAtEnd {
  orgUnitPath: string;
  studentId: string | null;
  startedAt: string;
  /** ms since the epoch; null while running */
  endedAt: number | null;
  state: string;
}

export interface RegisterRow {
  idNumber: string;
  name: string;
  school: string | null;
  township: string | null;
  birthDate: string | null;
}

/** Everything the period reports and the 三统一 check read or write; nothing else here touches the database. */
@Injectable()
export class ReportsRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly ledgerHistory: LedgerHistoryRepository,
  ) {}

  units(tenantId: string) {
    return this.ds.getRepository(OrgUnit).find({ where: { tenantId }, order: { path: 'ASC' } });
  }

  ledgerAsOf(tenantId: string, path: string, end: string): Promise<EntryAsOf[]> {
    return this.ledgerHistory.entriesAsOf(tenantId, path, end);
  }

  /**
   * The students at or under a unit recorded before `end`, each with the status they had then: the last change
   * before `end` in the status history, else the status the first later change started from, else today's.
   */
  async studentsAsOf(tenantId: string, path: string, end: string): Promise<StudentAtEnd[]> {
    const students = await this.ds
      .getRepository(Student)
      .createQueryBuilder('s')
      .select(['s.id', 's.schoolPath', 's.status'])
      .where('s.tenantId = :t AND s.schoolPath LIKE :p AND s.createdAt < :end', { t: tenantId, p: `${path}%`, end })
      .getMany();
    if (!students.length) return [];
    const events = await this.ds
      .getRepository(StudentStatusEvent)
      .createQueryBuilder('v')
      .innerJoin(Student, 's', 's.id = v.studentId')
      .select(['v.studentId', 'v.fromStatus', 'v.toStatus', 'v.at'])
      .where('s.tenantId = :t AND s.schoolPath LIKE :p', { t: tenantId, p: `${path}%` })
      .orderBy('v.at', 'ASC')
      .getMany();
    const at = statusesAt(students, events, end);
    return students.map((s) => ({ id: s.id, schoolPath: s.schoolPath, status: at.get(s.id)! }));
  }

  /** Cases of one procedure at or under a unit started before `end`, with their engine state and end. */
  async casesBefore(tenantId: string, key: string, path: string, end: string): Promise<CaseAtEnd[]> {
    const rows: { orgUnitPath: string; studentId: string | null; startedAt: string; endedAt: string | number | null; state: string }[] =
      await this.ds
        .getRepository(InstanceLink)
        .createQueryBuilder('l')
        .innerJoin('bpmn_instance', 'i', 'i.id = l.instanceId')
        .select('l.orgUnitPath', 'orgUnitPath')
        .addSelect('l.studentId', 'studentId')
        .addSelect('l.startedAt', 'startedAt')
        .addSelect('i.endedAt', 'endedAt')
        .addSelect('i.state', 'state')
        .where('l.tenantId = :t AND l.definitionKey = :key AND l.orgUnitPath LIKE :p AND l.startedAt < :end', {
          t: tenantId,
          key,
          p: `${path}%`,
          end,
        })
        .getRawMany();
    return rows.map((r) => ({ ...r, endedAt: r.endedAt === null || r.endedAt === undefined ? null : Number(r.endedAt) }));
  }

  async latestImport(tenantId: string, source: 'student' | 'poverty') {
    return this.ds.getRepository(RegisterImport).findOne({ where: { tenantId, source }, order: { importedAt: 'DESC' } });
  }

  registerRows(importId: string): Promise<RegisterRow[]> {
    return this.ds.getRepository(RegisterEntry).find({
      where: { importId },
      select: { idNumber: true, name: true, school: true, township: true, birthDate: true },
    });
  }

  /** Every student of the county with where they are and their status (the platform's roll). */
  roll(tenantId: string) {
    return this.ds
      .getRepository(Student)
      .find({ where: { tenantId }, select: { id: true, idNumber: true, name: true, schoolPath: true, status: true } });
  }

  /** Children on a ledger not yet signed off. */
  openLedgerChildren(tenantId: string) {
    return this.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .select(['e.idNumber', 'e.studentName', 'e.orgUnitPath'])
      .where("e.tenantId = :t AND e.status <> 'signed-off'", { t: tenantId })
      .getMany();
  }

  async notes(tenantId: string, keys: string[]): Promise<Map<string, ReconciliationNote>> {
    const out = new Map<string, ReconciliationNote>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.ds
        .getRepository(ReconciliationNote)
        .createQueryBuilder('n')
        .where('n.tenantId = :t AND n.diffKey IN (:...keys)', { t: tenantId, keys: keys.slice(i, i + 500) })
        .orderBy('n.at', 'ASC')
        .getMany();
      for (const n of rows) out.set(n.diffKey, n);
    }
    return out;
  }

  async addNote(row: Omit<ReconciliationNote, 'id' | 'at'>): Promise<ReconciliationNote> {
    const note = { ...row, id: newId(), at: nowIso() };
    await this.ds.getRepository(ReconciliationNote).insert(note);
    return note;
  }

  signOffs(tenantId: string, orgUnitPath: string, periodType: ReportPeriodType, period: string) {
    return this.ds.getRepository(ReportSignOffRow).find({ where: { tenantId, orgUnitPath, periodType, period }, order: { at: 'ASC' } });
  }

  signOffLine(tenantId: string, orgUnitPath: string, periodType: ReportPeriodType, period: string, line: SignOffLine) {
    return this.ds.getRepository(ReportSignOffRow).findOneBy({ tenantId, orgUnitPath, periodType, period, line });
  }

  /** Records a signature; null when the line was signed meanwhile (the unique line index refused the second). */
  async addSignOff(row: Omit<ReportSignOffRow, 'id' | 'at'>): Promise<ReportSignOffRow | null> {
    const signed = { ...row, id: newId(), at: nowIso() };
    try {
      await this.ds.getRepository(ReportSignOffRow).insert(signed);
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
    return signed;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const driver = (e as { driverError?: { code?: string } } | undefined)?.driverError;
  return (
    driver?.code === '23505' ||
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(String((e as Error)?.message))
  );
}
