import { Injectable } from '@nestjs/common';
import { isPhoneNumber, residentIdProblem } from '@kcbx/cn-codes';
import type { LedgerEntryReported, LedgerPerson, NewLedgerEntry } from '@kcbx/api-contract';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { LedgerEntry, LedgerEvent, LedgerKind, OrgUnit, Student } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { LEDGER_NAME, LedgerCasesService } from './ledger-cases.service';
import { LedgerReportsRepository } from './ledger-reports.repository';

type Problem = { field: string; message: string };

const LEDGER_NAME_EN: Record<LedgerKind, string> = {
  'school-age': 'ledger of school-age children not enrolled',
  'suspected-dropout': 'suspected-dropout ledger',
  dropout: 'dropout ledger',
};

const ID_PROBLEMS = {
  format: '身份证号应为 18 位（末位可为 X） / must be 18 characters',
  region: '身份证号地区码无效 / invalid region code',
  birthDate: '身份证号中的出生日期无效 / invalid birth date',
  checksum: '身份证号校验位不正确，请核对 / wrong check character',
};

/**
 * Ledger entries made by hand (issue #16): a class teacher reports a child missing (连续缺课, 开学未到校), township
 * staff find one door to door. The child is a student of the caller's scope or a person (name, ID number, household
 * address, guardian, phone); the unit is the student's school or one the caller names, and the caller's role there
 * must carry `ledger.report` (or `ledger.manage`). A child already on that ledger is not entered twice: an open entry
 * the comparison made is taken into the case, one with a case running is refused at the field. The report starts
 * the county's persuasion procedure at once; whether the school checks first is the procedure's county parameter
 * (`reportCheck`), so the entry, its history and the case start are one transaction.
 */
@Injectable()
export class LedgerReportsService {
  constructor(
    private readonly repo: LedgerReportsRepository,
    private readonly scope: ReferenceScope,
    private readonly cases: LedgerCasesService,
  ) {}

  async report(p: Principal, kind: LedgerKind, input: NewLedgerEntry): Promise<LedgerEntryReported> {
    const problems = checkInput(input);
    if (problems.length) throw Errors.validation(problems);
    let student: Student | null = null;
    let unit: OrgUnit | null = null;
    if (input.studentId) {
      student = await this.scope.student(p, input.studentId);
      unit = input.orgUnit ? null : await this.repo.unitAt(p.tenantId, student.schoolPath);
    }
    if (input.orgUnit) unit = await this.scope.unit(p, input.orgUnit);
    if (!unit) throw Errors.validation([{ field: 'orgUnit', message: '请选择责任单位 / choose the responsible unit' }]);
    if (!coversPath(p, unit.path, 'ledger.report') && !coversPath(p, unit.path, 'ledger.manage')) {
      throw Errors.forbidden('FORBIDDEN/ledger-report', { code: unit.code });
    }
    const idNumber = student?.idNumber ?? input.person!.idNumber.toUpperCase();
    if (!student) student = await this.repo.studentWithIdNumber(p.tenantId, idNumber);
    const name = student?.name ?? input.person!.name.trim();
    const source = input.source ?? 'report';
    const who = p.displayName || p.username;
    const said = `${source === 'door-to-door' ? '入户摸排发现' : '报告'}：${input.reason}（自 ${input.since}）`;
    const extra = { reported: true, reportSource: source, reportSince: input.since };

    // Deduplicated by ID number against the entries the comparison (or an earlier report) made.
    const existing = await this.repo.openEntry(p.tenantId, kind, idNumber);
    if (existing) {
      if (existing.status !== 'open' || existing.caseId) {
        throw new AppError('LEDGER_ENTRY_EXISTS', { student: name, ledger: { zh: LEDGER_NAME[kind], en: LEDGER_NAME_EN[kind] } }, [
          { field: input.studentId ? 'studentId' : 'person.idNumber', message: `已在${LEDGER_NAME[kind]}中 / already on the ledger` },
        ]);
      }
      const instance = await this.cases.startCase(p, existing, {
        extra,
        note: `${who}${said}，发起劝返复学`,
        prepare: (m) =>
          m
            .getRepository(LedgerEvent)
            .insert(event(existing, 'seen-again', 'open', `${who}${said}`, p.userId))
            .then(() => undefined),
      });
      return { entryId: existing.id, instanceId: instance.id, joinedExisting: true };
    }

    const now = nowIso();
    const entry: LedgerEntry = {
      id: newId(),
      tenantId: p.tenantId,
      kind,
      idNumber,
      studentName: name,
      studentId: student?.id ?? null,
      orgUnitPath: unit.path,
      status: 'open',
      reason: input.reason.trim(),
      caseId: null,
      comparisonId: null,
      source,
      since: input.since,
      person: student ? null : normalisePerson(input.person!),
      reportedBy: p.userId,
      createdAt: now,
      updatedAt: now,
    };
    const instance = await this.cases.startCase(p, entry, {
      extra,
      prepare: (m) => this.repo.insert(m, entry, event(entry, 'created', 'open', `${who}${said}`, p.userId)),
    });
    return { entryId: entry.id, instanceId: instance.id, joinedExisting: false };
  }
}

function event(entry: LedgerEntry, action: LedgerEvent['action'], status: LedgerEntry['status'], note: string, by: string): LedgerEvent {
  return {
    id: newId(),
    tenantId: entry.tenantId,
    entryId: entry.id,
    action,
    fromStatus: action === 'created' ? null : status,
    toStatus: status,
    note: note.slice(0, 200),
    by,
    at: nowIso(),
  };
}

function normalisePerson(person: LedgerPerson): LedgerPerson {
  return {
    name: person.name.trim(),
    idNumber: person.idNumber.toUpperCase(),
    householdAddress: person.householdAddress.trim(),
    guardian: person.guardian.trim(),
    phone: person.phone.replace(/\s/g, ''),
  };
}

/** Every problem at its field: the form shows them where they are. */
export function checkInput(input: NewLedgerEntry, today = nowIso().slice(0, 10)): Problem[] {
  const problems: Problem[] = [];
  if (!input.studentId === !input.person) {
    problems.push({ field: 'studentId', message: '请选择学生，或填写儿童信息（二选一） / give a student or a person, not both' });
  }
  if (!input.reason?.trim()) problems.push({ field: 'reason', message: '请填写原因 / give the reason' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.since ?? '') || Number.isNaN(Date.parse(input.since))) {
    problems.push({ field: 'since', message: '请填写日期（YYYY-MM-DD） / give the date as YYYY-MM-DD' });
  } else if (input.since > today) {
    problems.push({ field: 'since', message: '日期不能晚于今天 / the date cannot be in the future' });
  }
  const person = input.person;
  if (person) {
    if (!person.name?.trim()) problems.push({ field: 'person.name', message: '请填写姓名 / give the name' });
    const idProblem = residentIdProblem((person.idNumber ?? '').toUpperCase());
    if (idProblem) problems.push({ field: 'person.idNumber', message: ID_PROBLEMS[idProblem] });
    if (!person.householdAddress?.trim())
      problems.push({ field: 'person.householdAddress', message: '请填写户籍地址 / give the household address' });
    if (!person.guardian?.trim()) problems.push({ field: 'person.guardian', message: '请填写监护人 / give the guardian' });
    if (!isPhoneNumber(person.phone ?? '')) {
      problems.push({
        field: 'person.phone',
        message: '联系电话无效（手机号或带区号的固话） / a mobile number or a fixed line with area code',
      });
    }
  }
  return problems;
}
