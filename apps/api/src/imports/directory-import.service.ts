import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isMobilePhone } from '@kcbx/cn-codes';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, OrgUnitKind, Role, RoleAssignment, User } from '../database/entities';
import { PasswordService } from '../identity/password.service';
import { Principal } from '../identity/principal';
import { OrgUnitsService } from '../org/org-units.service';
import { checkPassword } from '../org/users.service';
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
    private readonly ds: DataSource,
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
      const role = await m.getRepository(Role).findOneBy({ tenantId: p.tenantId, key: roleKey });
      if (!role) return fail('role', `未知角色“${roleKey}” / unknown role`);
      let unit: OrgUnit;
      try {
        unit = await this.units.requireAdministered(p, unitCode, m);
      } catch (e) {
        return fail('orgUnit', e instanceof AppError ? `${e.text.zh} / ${e.text.en}` : String(e));
      }
      let user = await m.getRepository(User).findOneBy({ username });
      if (user && user.tenantId !== p.tenantId) return fail('username', `用户名 ${username} 已被使用 / username taken`);
      let created = false;
      if (!user) {
        try {
          checkPassword(password);
        } catch {
          return fail('password', '初始密码至少 8 位，须含字母和数字 / password needs 8+ chars with letters and digits');
        }
        const now = nowIso();
        user = m.getRepository(User).create({
          id: newId(),
          tenantId: p.tenantId,
          username,
          displayName,
          phone: phone || null,
          passwordHash: await this.passwords.hash(password),
          active: true,
          createdAt: now,
          updatedAt: now,
        });
        await m.getRepository(User).insert(user);
        created = true;
      }
      const has = await m.getRepository(RoleAssignment).findOneBy({ userId: user.id, roleId: role.id, orgUnitId: unit.id });
      if (has) return created ? 'accepted' : 'unchanged';
      await m
        .getRepository(RoleAssignment)
        .insert({ id: newId(), tenantId: p.tenantId, userId: user.id, roleId: role.id, orgUnitId: unit.id });
      return 'accepted';
    });
  }

  private async run(
    rows: SheetRow[],
    dryRun: boolean,
    each: (m: EntityManager, r: SheetRow, problems: RowProblem[]) => Promise<'accepted' | 'unchanged' | 'rejected' | number>,
  ): Promise<ImportReport> {
    const report: ImportReport = { rows: rows.length, accepted: 0, unchanged: 0, rejected: [], dryRun };
    try {
      await this.ds.transaction(async (m) => {
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
