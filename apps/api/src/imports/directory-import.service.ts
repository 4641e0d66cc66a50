import { Injectable } from '@nestjs/common';
import { isMobilePhone } from '@kcbx/cn-codes';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { OrgUnit, OrgUnitKind } from '../database/entities';
import type { Tx } from '../database/transaction';
import { PasswordService } from '../identity/password.service';
import { Principal } from '../identity/principal';
import { OrgUnitsService } from '../org/org-units.service';
import { RolesRepository } from '../org/roles.repository';
import { UsersRepository } from '../org/users.repository';
import { passwordProblems } from '../org/users.service';
import { DryRunRollback, ImportReport, RowProblem } from './import-report';
import { pick, SheetRow } from './tabular-file';

const KIND_WORDS: Record<string, OrgUnitKind> = {
  县: 'county',
  county: 'county',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  街道: 'township',
  township: 'township',
  学校: 'school',
  教学点: 'school',
  school: 'school',
  村: 'village',
  village: 'village',
  科室: 'office',
  office: 'office',
};

const H = {
  code: ['代码', '单位代码', 'code'],
  name: ['名称', '单位名称', 'name'],
  kind: ['类型', 'kind'],
  parent: ['上级代码', '上级单位代码', 'parentCode'],
  username: ['用户名', 'username'],
  displayName: ['姓名', 'displayName'],
  phone: ['手机', '手机号', 'phone'],
  role: ['角色', 'role'],
  orgUnit: ['单位代码', 'orgUnit'],
  password: ['初始密码', '密码', 'password'],
};

/**
 * Bulk loading of the org tree and users from a spreadsheet. Good rows go in, bad rows are reported with
 * their row number; rows already present unchanged are counted, so importing a file twice changes nothing.
 * A dry run does the same work in a transaction that is rolled back.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly users: UsersRepository,
    private readonly roles: RolesRepository,
    private readonly units: OrgUnitsService,
    private readonly passwords: PasswordService,
  ) {}

  importOrgUnits(p: Principal, rows: SheetRow[], dryRun: boolean): Promise<ImportReport> {
    return this.run(rows, dryRun, async (m, r, problems) => {
      const code = pick(r.cells, H.code);
      const name = pick(r.cells, H.name);
      const kindWord = pick(r.cells, H.kind);
      const parentCode = pick(r.cells, H.parent);
      if (!code) return (problems.push({ row: r.row, field: 'code', message: '缺少单位代码 / missing code' }), 'rejected');
      if (!name) return (problems.push({ row: r.row, field: 'name', message: '缺少单位名称 / missing name' }), 'rejected');
      const kind = KIND_WORDS[kindWord];
      if (!kind) return (problems.push({ row: r.row, field: 'kind', message: `未知类型“${kindWord}” / unknown kind` }), 'rejected');
      const existing = await this.units.findByCode(p.tenantId, code, m);
      if (existing) {
        if (existing.name === name && existing.kind === kind) return 'unchanged';
        problems.push({ row: r.row, field: 'code', message: `单位代码 ${code} 已存在（${existing.name}） / code already used` });
        return 'rejected';
      }
      await this.units.create(p, { code, name, kind, parentCode }, m);
      return 'accepted';
    });
  }

  importUsers(p: Principal, rows: SheetRow[], dryRun: boolean): Promise<ImportReport> {
    return this.run(rows, dryRun, async (m, r, problems) => {
      const username = pick(r.cells, H.username);
      const displayName = pick(r.cells, H.displayName);
      const phone = pick(r.cells, H.phone);
      const roleKey = pick(r.cells, H.role);
      const unitCode = pick(r.cells, H.orgUnit);
      const password = pick(r.cells, H.password);
      const fail = (field: string, message: string) => (problems.push({ row: r.row, field, message }), 'rejected' as const);
      if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username)) return fail('username', '用户名须为 2-64 位字母、数字或 _.- / invalid username');
      if (!displayName) return fail('displayName', '缺少姓名 / missing name');
      if (phone && !isMobilePhone(phone)) return fail('phone', `手机号“${phone}”无效 / invalid mobile number`);
      const role = await this.roles.byKey(p.tenantId, roleKey, m);
      if (!role) return fail('role', `未知角色“${roleKey}” / unknown role`);
      let unit: OrgUnit;
      try {
        unit = await this.units.requireAdministered(p, unitCode, m);
      } catch (e) {
        return fail('orgUnit', e instanceof AppError ? `${e.text.zh} / ${e.text.en}` : String(e));
      }
      let user = await this.users.byUsername(username, m);
      if (user && user.tenantId !== p.tenantId) return fail('username', '该用户名不可用，请换一个 / this username is not available');
      let created = false;
      if (!user) {
        const weak = passwordProblems(password, username);
        if (weak) return fail('password', `${weak.zh} / ${weak.en}`);
        const now = nowIso();
        user = {
          id: newId(),
          tenantId: p.tenantId,
          username,
          displayName,
          phone: phone || null,
          passwordHash: await this.passwords.hash(password),
          active: true,
          createdAt: now,
          updatedAt: now,
        };
        await this.users.insert(user, m);
        created = true;
      }
      if (await this.users.holds(user.id, role.id, unit.id, m)) return created ? 'accepted' : 'unchanged';
      await this.users.assign({ id: newId(), tenantId: p.tenantId, userId: user.id, roleId: role.id, orgUnitId: unit.id }, m);
      return 'accepted';
    });
  }

  private async run(
    rows: SheetRow[],
    dryRun: boolean,
    each: (m: Tx, r: SheetRow, problems: RowProblem[]) => Promise<'accepted' | 'unchanged' | 'rejected' | number>,
  ): Promise<ImportReport> {
    const report: ImportReport = { rows: rows.length, accepted: 0, unchanged: 0, rejected: [], dryRun };
    try {
      await this.users.transaction(async (m) => {
        for (const r of rows) {
          try {
            const outcome = await each(m, r, report.rejected);
            if (outcome === 'accepted') report.accepted++;
            if (outcome === 'unchanged') report.unchanged++;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            const detail = Array.isArray(e.details) ? e.details.map((d: { message?: string }) => d.message).join('; ') : '';
            report.rejected.push({ row: r.row, message: `${e.text.zh} / ${e.text.en}${detail ? ` (${detail})` : ''}` });
          }
        }
        if (dryRun) throw new DryRunRollback(report);
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
    }
    return report;
  }
}
