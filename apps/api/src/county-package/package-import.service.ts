import { Injectable } from '@nestjs/common';
import { isMobilePhone } from '@kcbx/cn-codes';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { OrgUnit, Permission, User } from '../database/entities';
import type { Tx } from '../database/transaction';
import { PasswordService } from '../identity/password.service';
import { Principal } from '../identity/principal';
import { OrgUnitsService } from '../org/org-units.service';
import { checkPassword } from '../org/users.service';
import { DeploymentsService } from '../workflow/deployments.service';
import { resolveOne } from '../visit-assignments/assignment-rows';
import { VisitAssignmentsRepository } from '../visit-assignments/visit-assignments.repository';
import { visitRoles } from '../visit-assignments/visit-roles';
import { Engine } from '@kcbx/engine';
import { CountyPackage, emptyTally, ImportReport } from './county-package.model';
import { CountyPackageRepository } from './county-package.repository';
import { requireCountyAdmin } from './county-scope';
import { PackageResources } from './package-resources';

/**
 * A hash no password verifies against: users a package brings in without `initialPassword` exist with
 * their roles but cannot log in until an administrator sets their password.
 */
export const NO_PASSWORD = '!no-password-set';

class Rollback extends Error {}

/**
 * Brings a package into the caller's county. Additive and idempotent: units, roles and users are matched by
 * code, key and username; missing ones are created, changed names and permissions updated, nothing is
 * deleted or moved; importing the same package again changes nothing. Everything is checked first and the
 * org/role/user part runs in one transaction, so a refused package leaves no trace. `dryRun` does all of it
 * and rolls back, returning what would change.
 */
@Injectable()
export class PackageImportService {
  constructor(
    private readonly county: CountyPackageRepository,
    private readonly units: OrgUnitsService,
    private readonly passwords: PasswordService,
    private readonly resources: PackageResources,
    private readonly deployments: DeploymentsService,
    private readonly visitAssignments: VisitAssignmentsRepository,
    private readonly engine: Engine,
  ) {}

  async import(p: Principal, pkg: CountyPackage & { initialPassword?: string }, dryRun: boolean): Promise<ImportReport> {
    requireCountyAdmin(p);
    if (pkg.tenant.code !== p.tenantCode) {
      throw new AppError('COUNTY_MISMATCH', {
        packageCounty: pkg.tenant.name,
        packageCode: pkg.tenant.code,
        county: p.tenantName,
        code: p.tenantCode,
      });
    }
    if (pkg.initialPassword !== undefined) checkPassword(pkg.initialPassword);
    const files = await this.resources.preview(p.tenantId, pkg);
    const report: ImportReport = {
      dryRun,
      county: p.tenantCode,
      orgUnits: emptyTally(),
      roles: emptyTally(),
      users: { ...emptyTally(), withoutPassword: [] },
      forms: files.forms,
      workflows: files.workflows,
      visitAssignments: emptyTally(),
      problems: [...files.problems],
    };
    const passwordHash = pkg.initialPassword ? await this.passwords.hash(pkg.initialPassword) : NO_PASSWORD;
    const visitRoleKeys = pkg.visitAssignments?.length ? await visitRoles(this.engine, p.tenantId) : null;
    try {
      await this.county.transaction(async (m) => {
        await this.importUnits(m, p, pkg, report);
        await this.importRoles(m, p, pkg, report);
        await this.importUsers(m, p, pkg, report, passwordHash);
        await this.importVisitAssignments(m, p, pkg, report, visitRoleKeys);
        if (dryRun || report.problems.length > 0) throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    if (!dryRun && report.problems.length > 0) {
      throw new AppError('PACKAGE_REFUSED', { count: report.problems.length }, report.problems);
    }
    if (!dryRun && files.resources.length > 0) await this.deployments.deploy(p, files.resources);
    return report;
  }

  private async importUnits(m: Tx, p: Principal, pkg: CountyPackage, report: ImportReport) {
    const problem = (item: string, zh: string, en: string) => report.problems.push({ section: 'orgUnits', item, message: `${zh} / ${en}` });
    const pending = [...pkg.orgUnits];
    // parents first, whatever order the file has: take every unit whose parent exists, until none moves
    while (pending.length > 0) {
      const before = pending.length;
      for (const u of [...pending]) {
        const existing = await this.units.findByCode(p.tenantId, u.code, m);
        if (u.parentCode === null || u.parentCode === undefined) {
          pending.splice(pending.indexOf(u), 1);
          if (u.code !== p.tenantCode)
            problem(u.code, `只有县（${p.tenantCode}）可以没有上级单位`, `only the county (${p.tenantCode}) may have no parent`);
          else if (existing && existing.name !== u.name) await this.rename(m, existing, u.name, report);
          else report.orgUnits.unchanged++;
          continue;
        }
        const parent = await this.units.findByCode(p.tenantId, u.parentCode, m);
        if (!parent) continue;
        pending.splice(pending.indexOf(u), 1);
        if (existing) {
          if (existing.kind !== u.kind || existing.path !== `${parent.path}${u.code}/`) {
            problem(
              u.code,
              `单位 ${u.code} 已存在，但类型或上级不同（导入不移动单位）`,
              `unit ${u.code} exists with another kind or parent (an import does not move units)`,
            );
          } else if (existing.name !== u.name) await this.rename(m, existing, u.name, report);
          else report.orgUnits.unchanged++;
          continue;
        }
        try {
          await this.units.create(p, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode }, m);
          report.orgUnits.created++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          problem(u.code, `${e.text.zh}${detail(e)}`, `${e.text.en}${detail(e)}`);
        }
      }
      if (pending.length === before) {
        for (const u of pending) problem(u.code, `上级单位 ${u.parentCode} 不存在`, `parent unit ${u.parentCode} does not exist`);
        break;
      }
    }
  }

  private async rename(m: Tx, unit: OrgUnit, name: string, report: ImportReport) {
    await this.county.renameUnit(unit.id, name, m);
    report.orgUnits.updated++;
  }

  private async importRoles(m: Tx, p: Principal, pkg: CountyPackage, report: ImportReport) {
    for (const role of pkg.roles) {
      // permission names were checked against PERMISSIONS by the request DTO
      const r = { ...role, permissions: role.permissions as Permission[] | undefined };
      const existing = await this.county.role(p.tenantId, r.key, m);
      if (!existing) {
        await this.county.insertRole(
          {
            id: newId(),
            tenantId: p.tenantId,
            key: r.key,
            name: r.name,
            nameEn: r.nameEn ?? r.key,
            permissions: [...(r.permissions ?? [])].sort(),
          },
          m,
        );
        report.roles.created++;
        continue;
      }
      // what the package leaves out stays as the county has it
      const changes = differences(
        { ...existing, permissions: [...existing.permissions].sort() },
        { name: r.name, nameEn: r.nameEn, permissions: r.permissions ? [...r.permissions].sort() : undefined },
      );
      if (changes) {
        await this.county.updateRole(existing.id, changes, m);
        report.roles.updated++;
      } else report.roles.unchanged++;
    }
  }

  private async importUsers(m: Tx, p: Principal, pkg: CountyPackage, report: ImportReport, passwordHash: string) {
    const problem = (item: string, zh: string, en: string) => report.problems.push({ section: 'users', item, message: `${zh} / ${en}` });
    for (const u of pkg.users) {
      if (u.phone && !isMobilePhone(u.phone)) {
        problem(u.username, `手机号“${u.phone}”无效`, `invalid mobile number "${u.phone}"`);
        continue;
      }
      const assignments: { roleId: string; orgUnitId: string }[] = [];
      let bad = false;
      for (const at of u.roles) {
        const role = await this.county.role(p.tenantId, at.role, m);
        const unit = await this.units.findByCode(p.tenantId, at.orgUnit, m);
        if (!role) problem(u.username, `未知角色“${at.role}”`, `unknown role "${at.role}"`);
        if (!unit) problem(u.username, `未知单位“${at.orgUnit}”`, `unknown org unit "${at.orgUnit}"`);
        if (!role || !unit) bad = true;
        else assignments.push({ roleId: role.id, orgUnitId: unit.id });
      }
      if (bad) continue;
      let user: User | null = await this.county.user(u.username, m);
      if (user && user.tenantId !== p.tenantId) {
        problem(u.username, `用户名 ${u.username} 已被其他县使用`, `username ${u.username} is taken in another county`);
        continue;
      }
      let created = false;
      let changed = false;
      if (!user) {
        const now = nowIso();
        user = {
          id: newId(),
          tenantId: p.tenantId,
          username: u.username,
          displayName: u.displayName,
          phone: u.phone ?? null,
          active: u.active ?? true,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        };
        await this.county.insertUser(user, m);
        created = true;
        if (passwordHash === NO_PASSWORD) report.users.withoutPassword.push(u.username);
      } else {
        // a user the county disabled stays disabled unless the package says otherwise
        const changes = differences(user, { displayName: u.displayName, phone: u.phone, active: u.active });
        if (changes) {
          await this.county.updateUser(user.id, { ...changes, updatedAt: nowIso() }, m);
          changed = true;
        }
      }
      for (const a of assignments) {
        if (await this.county.assign({ id: newId(), tenantId: p.tenantId, userId: user.id, ...a }, m)) changed = true;
      }
      if (created) report.users.created++;
      else if (changed) report.users.updated++;
      else report.users.unchanged++;
    }
  }

  /**
   * The 包抓 assignments, checked like the table's own import (bureau staff, the township's schools); matched by
   * person and township, added or updated, none removed.
   */
  private async importVisitAssignments(m: Tx, p: Principal, pkg: CountyPackage, report: ImportReport, roles: string[] | null) {
    if (!pkg.visitAssignments?.length) return;
    const dir = await this.visitAssignments.directory(p.tenantId, m, roles);
    const existing = await this.visitAssignments.list(p.tenantId, m);
    for (const a of pkg.visitAssignments) {
      const item = `${a.username}/${a.township}`;
      const resolved = resolveOne(
        { username: a.username, displayName: '', office: a.office ?? '', township: a.township, schools: a.schools ?? [] },
        dir,
        (field, e) => report.problems.push({ section: 'visitAssignments', item, message: `${field}: ${e.text.zh} / ${e.text.en}` }),
      );
      if (!resolved) continue;
      const row = existing.find((r) => r.userId === resolved.userId && r.townshipCode === resolved.townshipCode);
      if (!row) {
        existing.push(await this.visitAssignments.insert(m, p.tenantId, resolved, p.userId));
        report.visitAssignments.created++;
      } else if (row.office !== resolved.office || JSON.stringify(row.schoolCodes) !== JSON.stringify(resolved.schoolCodes)) {
        await this.visitAssignments.update(m, row, resolved, p.userId);
        report.visitAssignments.updated++;
      } else report.visitAssignments.unchanged++;
    }
  }
}

/** the given (defined) fields whose value differs from the row's, or null when nothing differs */
function differences<T extends object>(row: T, wanted: Partial<T>): Partial<T> | null {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(wanted) as [keyof T, T[keyof T] | undefined][]) {
    if (v !== undefined && JSON.stringify(row[k]) !== JSON.stringify(v)) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function detail(e: AppError): string {
  return Array.isArray(e.details) ? `（${e.details.map((d: { message?: string }) => d.message).join('; ')}）` : '';
}
