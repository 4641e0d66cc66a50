import { Principal } from './principal';

/** What GET /api/me (and the login response) say about the caller. */
export function presentMe(p: Principal) {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    phone: p.phone,
    tenant: { id: p.tenantId, code: p.tenantCode, name: p.tenantName },
    roles: p.assignments.map((a) => ({
      role: { key: a.roleKey, name: a.roleName, nameEn: a.roleNameEn },
      orgUnit: { id: a.orgUnitId, code: a.orgUnitCode, name: a.orgUnitName, kind: a.orgUnitKind },
    })),
    permissions: [...new Set(p.assignments.flatMap((a) => a.permissions))].sort(),
  };
}
