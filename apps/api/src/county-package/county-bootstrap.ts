import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, PERMISSIONS, Role, Tenant } from '../database/entities';
import { Principal } from '../identity/principal';
import { CountyPackage, ImportReport } from './county-package.model';
import { PackageImportService } from './package-import.service';

/** Who a bootstrap acts as: nobody logged in, so a system principal with every permission at the county. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Brings a county package into a database directly, for a server that has no county to log in to yet (a new
 * county's installation): creates the county (tenant and its root unit) when it is missing, then runs the same
 * import as `POST /api/admin/county-package` — checked first, additive, idempotent, refused as a whole.
 */
export async function bootstrapCounty(
  app: INestApplicationContext,
  pkg: CountyPackage,
  opts: { initialPassword?: string; dryRun?: boolean } = {},
): Promise<ImportReport> {
  const ds = app.get(DataSource);
  const { code, name } = pkg.tenant;
  const root = pkg.orgUnits.find((u) => u.parentCode === null || u.parentCode === undefined);
  if (!/^\d{6}$/.test(code) || (root && root.code !== code)) {
    throw new AppError('PACKAGE_REFUSED', 400, {
      zh: `县代码 ${code} 须为 6 位数字，且数据包的根单位（${root?.code}）须是该县本身`,
      en: `county code ${code} must be 6 digits and the package's root unit (${root?.code}) must be the county itself`,
    });
  }
  let createdHere = false;
  const tenant = await ds.transaction(async (m) => {
    const existing = await m.getRepository(Tenant).findOneBy({ code });
    if (existing) return existing;
    createdHere = true;
    const created = { id: newId(), code, name, createdAt: nowIso() };
    await m.getRepository(Tenant).insert(created);
    await m.getRepository(OrgUnit).insert({
      id: newId(),
      tenantId: created.id,
      code,
      name: root?.name ?? name,
      kind: 'county',
      parentId: null,
      path: `/${code}/`,
      createdAt: nowIso(),
    });
    return created;
  });
  const rootUnit = await ds.getRepository(OrgUnit).findOneByOrFail({ tenantId: tenant.id, code });
  const system: Principal = {
    userId: SYSTEM_USER_ID,
    username: 'system',
    displayName: '系统初始化 / bootstrap',
    phone: null,
    tenantId: tenant.id,
    tenantCode: tenant.code,
    tenantName: tenant.name,
    assignments: [
      {
        roleId: SYSTEM_USER_ID,
        roleKey: 'system',
        roleName: '系统',
        roleNameEn: 'System',
        permissions: [...PERMISSIONS],
        orgUnitId: rootUnit.id,
        orgUnitCode: rootUnit.code,
        orgUnitName: rootUnit.name,
        orgUnitKind: rootUnit.kind,
        orgUnitPath: rootUnit.path,
      },
    ],
  };
  try {
    const report = await app
      .get(PackageImportService)
      .import(system, { ...pkg, initialPassword: opts.initialPassword }, opts.dryRun ?? false);
    // no HTTP request, so no audit interceptor: the bootstrap writes its own entry
    if (!report.dryRun)
      await app.get(AuditService).record(system, { action: 'county.bootstrap', entity: 'tenant', entityId: tenant.id, detail: report });
    return report;
  } finally {
    // a dry run (or a refused package) leaves no county behind that was not there before
    if (createdHere && (opts.dryRun || !(await hasContent(ds, tenant.id)))) {
      await ds.transaction(async (m) => {
        await m.getRepository(OrgUnit).delete({ tenantId: tenant.id });
        await m.getRepository(Tenant).delete({ id: tenant.id });
      });
    }
  }
}

/** whether the import put anything besides the root unit into the county */
async function hasContent(ds: DataSource, tenantId: string): Promise<boolean> {
  return (await ds.getRepository(OrgUnit).countBy({ tenantId })) > 1 || (await ds.getRepository(Role).countBy({ tenantId })) > 0;
}
