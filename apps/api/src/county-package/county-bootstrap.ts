import type { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '../audit-log/audit.service';
import { AppError } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { PERMISSIONS } from '../database/entities';
import { Principal } from '../identity/principal';
import { CountyPackage, ImportReport } from './county-package.model';
import { CountyPackageRepository } from './county-package.repository';
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
  const county = app.get(CountyPackageRepository);
  const { code, name } = pkg.tenant;
  const root = pkg.orgUnits.find((u) => u.parentCode === null || u.parentCode === undefined);
  if (!/^\d{6}$/.test(code) || (root && root.code !== code)) {
    throw new AppError('PACKAGE_REFUSED/county-code', { code, root: root?.code ?? '' });
  }
  const tenantId = newId();
  const { tenant, created: createdHere } = await county.countyOrNew(
    { id: tenantId, code, name, createdAt: nowIso() },
    { id: newId(), tenantId, code, name: root?.name ?? name, kind: 'county', parentId: null, path: `/${code}/`, createdAt: nowIso() },
  );
  const rootUnit = await county.unit(tenant.id, code);
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
    if (createdHere && (opts.dryRun || !(await county.hasContent(tenant.id)))) await county.removeEmptyCounty(tenant.id);
  }
}
