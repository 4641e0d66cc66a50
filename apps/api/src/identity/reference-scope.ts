import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit-log/audit.service';
import { AppError, Errors } from '../common/app-error';
import type { Attachment, LedgerEntry, OrgUnit, Student, User } from '../database/entities';
import type { Tx } from '../database/transaction';
import { fileReferences, fileShapedValues } from './file-references';
import { coversPath, Principal } from './principal';
import { ReferencesRepository } from './references.repository';

/**
 * Every reference a client passes — a student, a ledger entry, an org unit, an attachment, a user — checked in one place the services
 * share (issue #14 point 1): it must be of the caller's county and inside the caller's scope, and references
 * given together must agree (a ledger entry belongs to the student named with it). Out of scope answers like
 * "not there", so clerks learn nothing about other schools' children; a reference that exists elsewhere is an
 * attempt on someone else's data and goes to the audit log (rate-limited, #14 point 10).
 */
@Injectable()
export class ReferenceScope {
  constructor(
    private readonly rows: ReferencesRepository,
    private readonly audit: AuditService,
  ) {}

  async student(p: Principal, id: string): Promise<Student> {
    const student = await this.rows.student(id);
    if (student && student.tenantId === p.tenantId && coversPath(p, student.schoolPath)) return student;
    if (student) this.denied(p, 'students', id, student.tenantId);
    throw Errors.notFound('student');
  }

  /** A ledger entry in scope; with `studentId`, it must be that student's (by id, or by ID number for entries not yet matched). */
  async ledgerEntry(
    p: Principal,
    id: string,
    expect: { kind?: LedgerEntry['kind']; studentId?: string | null } = {},
  ): Promise<LedgerEntry> {
    const entry = await this.rows.ledgerEntry(id);
    const visible =
      entry && entry.tenantId === p.tenantId && coversPath(p, entry.orgUnitPath) && (!expect.kind || entry.kind === expect.kind);
    if (!entry || !visible) {
      if (entry) this.denied(p, 'ledgers', id, entry.tenantId);
      throw Errors.notFound('ledgerEntry');
    }
    if (expect.studentId && entry.studentId !== expect.studentId) {
      const student = await this.rows.studentOfTenant(p.tenantId, expect.studentId);
      if (!student || student.idNumber !== entry.idNumber) {
        this.denied(p, 'ledgers', id, entry.tenantId, { studentId: expect.studentId });
        throw Errors.validation([
          {
            field: 'ledgerEntryId',
            keyword: 'sameStudent',
            message: new AppError('VALIDATION_FAILED/ledger-entry-other-student').text,
          },
        ]);
      }
    }
    return entry;
  }

  /** An org unit by code in the caller's scope (the 404 names the code). */
  async unit(p: Principal, code: string): Promise<OrgUnit> {
    const unit = await this.rows.unitByCode(p.tenantId, code);
    if (unit && coversPath(p, unit.path)) return unit;
    if (unit) this.denied(p, 'org-units', unit.id, unit.tenantId);
    throw Errors.notFound('orgUnit', code);
  }

  /** One upload named by id (filing it with a step): of the caller's county and in scope, else 400 at `field`. */
  async attachment(p: Principal, id: string, field = 'attachmentId'): Promise<Attachment> {
    const file = await this.rows.attachment(String(id).slice(0, 64));
    if (file && file.tenantId === p.tenantId && coversPath(p, file.orgUnitPath)) return file;
    if (file) this.denied(p, 'attachments', file.id, file.tenantId);
    throw Errors.validation([
      { field, keyword: 'attachmentScope', message: new AppError('VALIDATION_FAILED/attachment-out-of-scope').text },
    ]);
  }

  /**
   * The files a submission names: at its `fileUpload` fields, and any file-shaped value (`{id, name}`) that is an
   * upload — what the case's file list would take up. Each must be an upload of the caller's county inside the
   * caller's scope, else 400 at that field (a declared file field naming no upload at all too). A file of another
   * school never reaches a case's variables, its submission or its file list (#14 point 1).
   */
  async formFiles(p: Principal, schema: unknown, data: unknown, caseId?: string, m?: Tx): Promise<void> {
    const declared = fileReferences(schema, data);
    const shaped = fileShapedValues(data);
    if (!declared.length && !shaped.length) return;
    const ids = [...new Set([...declared, ...shaped].map((r) => r.id.slice(0, 64)))];
    const found = await this.rows.attachments(ids, m);
    const visible = (f: Attachment) => f.tenantId === p.tenantId && coversPath(p, f.orgUnitPath);
    const refused = new Map<string, string>();
    for (const r of declared) {
      const file = found.find((f) => f.id === r.id);
      if (!file || !visible(file)) refused.set(r.pointer, r.id);
    }
    for (const r of shaped) {
      const file = found.find((f) => f.id === r.id);
      if (file && !visible(file)) refused.set(r.pointer, r.id);
    }
    // a file already filed with this case is the case's own (a form sending back an earlier step's upload, e.g. one
    // a township official added, to a school clerk whose scope does not cover the township)
    if (refused.size && caseId) {
      const filed = await this.rows.filedWithCase(p.tenantId, caseId, [...new Set(refused.values())], m);
      for (const [pointer, id] of [...refused]) if (filed.some((f) => f.attachmentId === id)) refused.delete(pointer);
    }
    if (!refused.size) return;
    for (const file of found)
      if (!visible(file) && [...refused.values()].includes(file.id)) this.denied(p, 'attachments', file.id, file.tenantId);
    const message = new AppError('VALIDATION_FAILED/attachment-out-of-scope').text;
    throw Errors.validation([...refused.keys()].map((field) => ({ field, keyword: 'attachmentScope', message })));
  }

  /**
   * Users a client names for a case (加签, 抄送): active users of the caller's county who either hold a role inside
   * the caller's scope or whose own scope covers the case's unit (`casePath`) — a clerk cannot hand or copy a
   * child's case to someone at another school. Returned in the order asked; unknown or out-of-reach names are one
   * 400 at `field`, the same for both (nobody learns who works elsewhere).
   */
  async users(p: Principal, usernames: string[], casePath: string | null, field = 'usernames'): Promise<User[]> {
    if (!usernames.length) return [];
    const users = await this.rows.activeUsersNamed(p.tenantId, usernames);
    const paths = users.length ? await this.rows.assignmentPaths(users.map((u) => u.id)) : [];
    const reachable = (u: User) =>
      paths.some((a) => a.userId === u.id && (coversPath(p, a.path) || (!!casePath && casePath.startsWith(a.path))));
    const refused = usernames.filter((name) => {
      const user = users.find((u) => u.username === name);
      if (user && !reachable(user)) this.denied(p, 'users', user.id, user.tenantId);
      return !user || !reachable(user);
    });
    if (refused.length) {
      const message = new AppError('VALIDATION_FAILED/user-out-of-scope', { names: refused.join('、') }).text;
      throw Errors.validation([{ field, keyword: 'userScope', message }]);
    }
    return usernames.map((name) => users.find((u) => u.username === name)!);
  }

  /** A refused reference to data that exists: one audit line (rate-limited per user). */
  denied(p: Principal, entity: string, id: string, ownerTenant: string, detail: Record<string, unknown> = {}): void {
    this.audit.recordLimited(`denied:${p.userId}`, p, {
      action: ownerTenant === p.tenantId ? 'scope.denied' : 'scope.denied-other-county',
      entity,
      entityId: id.slice(0, 64),
      detail,
      status: 404,
    });
  }
}
