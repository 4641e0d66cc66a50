import { Injectable } from '@nestjs/common';
import { Principal } from '../identity/principal';
import { parentCodeOf } from '../org/org-units.service';
import { CountyPackage, PACKAGE_FORMAT, PackageWorkflow } from './county-package.model';
import { DecisionsRepository } from '../workflow/decisions.repository';
import { CountyPackageRepository } from './county-package.repository';
import { requireCountyAdmin } from './county-scope';
import { VisitAssignmentsRepository } from '../visit-assignments/visit-assignments.repository';

/** The caller's county as a package: latest form and procedure versions, users without password hashes. */
@Injectable()
export class PackageExportService {
  constructor(
    private readonly county: CountyPackageRepository,
    private readonly visitAssignments: VisitAssignmentsRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

  async export(p: Principal): Promise<CountyPackage> {
    requireCountyAdmin(p);
    const t = p.tenantId;
    const units = await this.county.units(t);
    const roles = await this.county.roles(t);
    const users = await this.county.users(t);
    const assignments = await this.county.assignments(t);
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
      // decision tables first: an import deploys them before the procedures that call them
      workflows: [...(await this.latestDecisionTables(t)), ...(await this.latestWorkflows(t))],
      visitAssignments: (await this.visitAssignments.list(t)).map((a) => ({
        username: users.find((u) => u.id === a.userId)?.username ?? a.userId,
        office: a.office,
        township: a.townshipCode,
        schools: a.schoolCodes,
      })),
    };
  }

  private async latestForms(tenantId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.county.formVersions(tenantId);
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.key) && seen.add(r.key)).map((r) => r.definition);
  }

  /** one .dmn file per distinct DMN text among the latest version of each decision (a file may hold several) */
  private async latestDecisionTables(tenantId: string): Promise<PackageWorkflow[]> {
    const seenKeys = new Set<string>();
    const byXml = new Map<string, PackageWorkflow>();
    for (const d of await this.decisions.versions(tenantId)) {
      if (seenKeys.has(d.key) || (seenKeys.add(d.key) && byXml.has(d.xml))) continue;
      const base = d.resourceName.split(/[\\/]/).pop() ?? '';
      byXml.set(d.xml, { name: /^[\w.-]+\.dmn$/.test(base) ? base : `${d.key}.dmn`, content: d.xml });
    }
    return [...byXml.values()];
  }

  /** one file per distinct BPMN text among the latest version of each procedure (a file may hold several) */
  private async latestWorkflows(tenantId: string): Promise<PackageWorkflow[]> {
    const rows = await this.county.procedureVersions(tenantId);
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
