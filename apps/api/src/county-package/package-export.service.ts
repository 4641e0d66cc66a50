import { Injectable } from '@nestjs/common';
import type { DefinitionRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { FormDefinitionRow, OrgUnit, Role, RoleAssignment, User } from '../database/entities';
import { Principal } from '../identity/principal';
import { parentCodeOf } from '../org/org-units.service';
import { CountyPackage, PACKAGE_FORMAT, PackageWorkflow } from './county-package.model';
import { requireCountyAdmin } from './county-scope';

/** The caller's county as a package: latest form and procedure versions, users without password hashes. */
@Injectable()
export class PackageExportService {
  constructor(private readonly ds: DataSource) {}

  async export(p: Principal): Promise<CountyPackage> {
    requireCountyAdmin(p);
    const t = p.tenantId;
    const units = await this.ds.getRepository(OrgUnit).find({ where: { tenantId: t }, order: { path: 'ASC' } });
    const roles = await this.ds.getRepository(Role).find({ where: { tenantId: t }, order: { key: 'ASC' } });
    const users = await this.ds.getRepository(User).find({ where: { tenantId: t }, order: { username: 'ASC' } });
    const assignments = await this.ds.getRepository(RoleAssignment).find({ where: { tenantId: t } });
    const unitById = new Map(units.map((u) => [u.id, u]));
    const roleById = new Map(roles.map((r) => [r.id, r]));
    const rolesOf = new Map<string, { role: string; orgUnit: string }[]>();
    for (const a of assignments) {
      const role = roleById.get(a.roleId);
      const unit = unitById.get(a.orgUnitId);
      if (!role || !unit) continue;
      rolesOf.set(a.userId, [...(rolesOf.get(a.userId) ?? []), { role: role.key, orgUnit: unit.code }]);
    }
    return {
      format: PACKAGE_FORMAT,
      tenant: { code: p.tenantCode, name: p.tenantName },
      // ordered by path: every parent comes before its children, so an import can go top to bottom
      orgUnits: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parentCode: parentCodeOf(u) })),
      roles: roles.map((r) => ({ key: r.key, name: r.name, nameEn: r.nameEn, permissions: r.permissions })),
      users: users.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        phone: u.phone,
        active: u.active,
        roles: (rolesOf.get(u.id) ?? []).sort((a, b) => a.role.localeCompare(b.role) || a.orgUnit.localeCompare(b.orgUnit)),
      })),
      forms: await this.latestForms(t),
      workflows: await this.latestWorkflows(t),
    };
  }

  private async latestForms(tenantId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.ds.getRepository(FormDefinitionRow).find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.key) && seen.add(r.key)).map((r) => r.definition);
  }

  /** one file per distinct BPMN text among the latest version of each procedure (a file may hold several) */
  private async latestWorkflows(tenantId: string): Promise<PackageWorkflow[]> {
    const rows = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).find({
      where: { tenantId },
      order: { key: 'ASC', version: 'DESC' },
    });
    const seenKeys = new Set<string>();
    const byXml = new Map<string, PackageWorkflow>();
    const names = new Set<string>();
    for (const d of rows) {
      if (seenKeys.has(d.key)) continue;
      seenKeys.add(d.key);
      if (byXml.has(d.xml)) continue;
      const preferred = fileNameOf(d.resourceName, d.key);
      const name = names.has(preferred) ? `${d.key}.bpmn` : preferred;
      names.add(name);
      byXml.set(d.xml, { name, content: d.xml });
    }
    return [...byXml.values()];
  }
}

/** the stored resource name without folders, so an export never writes outside its workflows/ folder */
function fileNameOf(resourceName: string, key: string): string {
  const base = resourceName.split(/[\\/]/).pop() ?? '';
  return /^[\w.-]+\.(bpmn|bpmn20\.xml)$/.test(base) ? base : `${key}.bpmn`;
}
