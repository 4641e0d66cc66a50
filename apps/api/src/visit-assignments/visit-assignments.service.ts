import { Injectable } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import type { VisitAssignment as VisitAssignmentView, VisitAssignmentInput } from '@kcbx/api-contract';
import { AppError, Errors } from '../common/app-error';
import { VisitAssignment } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { readTabularFile } from '../imports/tabular-file';
import { AssignmentDirectory, AssignmentProblem, resolveAssignmentRows, resolveOne } from './assignment-rows';
import { VisitAssignmentsRepository } from './visit-assignments.repository';
import { visitRoles } from './visit-roles';

/** Rows an assignment list may have (a county bureau has dozens of people, a few townships each). */
const MAX_ASSIGNMENT_ROWS = 2000;

/**
 * 包抓分工: who of the county bureau visits which township and its schools (#16 point 3). Everyone who reads
 * reports sees the assignments of the townships in their scope; the bureau office that manages the ledgers
 * (ledger.manage at the county) edits them or replaces them with the 附件's list.
 */
@Injectable()
export class VisitAssignmentsService {
  constructor(
    private readonly repo: VisitAssignmentsRepository,
    private readonly engine: Engine,
  ) {}

  async list(p: Principal): Promise<VisitAssignmentView[]> {
    const rows = await this.repo.list(p.tenantId);
    const { units, users } = await this.repo.names(p.tenantId);
    // the county and its offices see every township; a township's staff see their own
    const readers = p.assignments.filter((a) => a.permissions.includes('report.read'));
    const scope = (townshipCode: string) =>
      readers.some((a) => a.orgUnitKind === 'county' || a.orgUnitKind === 'office' || a.orgUnitCode === townshipCode);
    return rows.filter((r) => scope(r.townshipCode)).map((r) => present(r, units, users));
  }

  async create(p: Principal, input: VisitAssignmentInput): Promise<VisitAssignmentView> {
    this.mayEdit(p);
    const roles = await visitRoles(this.engine, p.tenantId);
    const row = await this.repo.transaction(async (m) => {
      const dir = await this.repo.directory(p.tenantId, m, roles);
      const resolved = this.resolve(input, dir);
      const existing = (await this.repo.list(p.tenantId, m)).find(
        (r) => r.userId === resolved.userId && r.townshipCode === resolved.townshipCode,
      );
      if (existing) throw exists(existing, dir);
      return this.repo.insert(m, p.tenantId, resolved, p.userId);
    });
    return this.view(p, row);
  }

  async update(p: Principal, id: string, input: VisitAssignmentInput): Promise<VisitAssignmentView> {
    this.mayEdit(p);
    const roles = await visitRoles(this.engine, p.tenantId);
    const row = await this.repo.transaction(async (m) => {
      const current = await this.repo.findOne(p.tenantId, id, m);
      if (!current) throw Errors.notFound('visitAssignment', id);
      const dir = await this.repo.directory(p.tenantId, m, roles);
      const resolved = this.resolve(input, dir);
      const other = (await this.repo.list(p.tenantId, m)).find(
        (r) => r.id !== id && r.userId === resolved.userId && r.townshipCode === resolved.townshipCode,
      );
      if (other) throw exists(other, dir);
      return this.repo.update(m, current, resolved, p.userId);
    });
    return this.view(p, row);
  }

  async remove(p: Principal, id: string): Promise<void> {
    this.mayEdit(p);
    if (!(await this.repo.findOne(p.tenantId, id))) throw Errors.notFound('visitAssignment', id);
    await this.repo.remove(p.tenantId, id);
  }

  /**
   * The 附件-style list (CSV or XLSX: 姓名 or 账号, 科室, 包抓乡镇, 联系学校) replaces the table. Any bad cell
   * refuses the whole list with every problem by row and column, and nothing changes; a dry run only checks.
   */
  async import(p: Principal, fileName: string, buffer: Buffer, dryRun: boolean) {
    this.mayEdit(p);
    const sheet = await readTabularFile(fileName, buffer, MAX_ASSIGNMENT_ROWS);
    const roles = await visitRoles(this.engine, p.tenantId);
    return this.repo.transaction(async (m) => {
      const { rows, problems } = resolveAssignmentRows(sheet, await this.repo.directory(p.tenantId, m, roles));
      if (problems.length > 0) throw refused(problems);
      const before = (await this.repo.list(p.tenantId, m)).length;
      if (!dryRun) await this.repo.replaceAll(m, p.tenantId, rows, p.userId);
      return { rows: rows.length, replaced: before, dryRun };
    });
  }

  private resolve(input: VisitAssignmentInput, dir: AssignmentDirectory) {
    const problems: { field: string; message: { zh: string; en: string } }[] = [];
    const resolved = resolveOne(
      { username: input.username, displayName: '', office: input.office ?? '', township: input.township, schools: input.schools ?? [] },
      dir,
      (field, e) => problems.push({ field, message: e.text }),
    );
    if (!resolved) throw Errors.validation(problems);
    return resolved;
  }

  /** Only the bureau office that manages the ledgers at the county edits the table. */
  private mayEdit(p: Principal) {
    const county = p.assignments.find((a) => a.orgUnitKind === 'county');
    if (!county || !coversPath(p, county.orgUnitPath, 'ledger.manage')) throw Errors.forbidden('FORBIDDEN/visit-assignments');
  }

  private async view(p: Principal, row: VisitAssignment): Promise<VisitAssignmentView> {
    const { units, users } = await this.repo.names(p.tenantId);
    return present(row, units, users);
  }
}

/** The person already has that township: refused at the township field, naming both. */
function exists(row: VisitAssignment, dir: AssignmentDirectory) {
  const params = {
    person: dir.staff.find((s) => s.userId === row.userId)?.displayName ?? row.userId,
    township: dir.townships.find((t) => t.code === row.townshipCode)?.name ?? row.townshipCode,
  };
  const e = new AppError('VALIDATION_FAILED/assignment-exists', params);
  return new AppError('VALIDATION_FAILED/assignment-exists', params, [{ field: 'township', message: e.text }]);
}

function refused(problems: AssignmentProblem[]) {
  return new AppError('VALIDATION_FAILED/assignment-import', { count: problems.length }, problems);
}

function present(
  r: VisitAssignment,
  units: Map<string, string>,
  users: Map<string, { username: string; displayName: string }>,
): VisitAssignmentView {
  const user = users.get(r.userId);
  return {
    id: r.id,
    userId: r.userId,
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    office: r.office,
    township: { code: r.townshipCode, name: units.get(r.townshipCode) ?? r.townshipCode },
    schools: r.schoolCodes.map((code) => ({ code, name: units.get(code) ?? code })),
    updatedAt: r.updatedAt,
  };
}
