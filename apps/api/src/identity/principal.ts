import type { Permission } from '../database/entities/role.entity';

export interface Assignment {
  roleId: string;
  roleKey: string;
  roleName: string;
  roleNameEn: string;
  permissions: Permission[];
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitKind: string;
  orgUnitPath: string;
}

/** The authenticated caller, loaded fresh from the database on every request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  assignments: Assignment[];
}

export function hasPermission(p: Principal, permission: Permission): boolean {
  return p.assignments.some((a) => a.permissions.includes(permission));
}

/**
 * The visibility rule: a role at a unit covers the unit and everything below it. With a permission,
 * only the assignments whose role carries it count.
 */
export function scopePaths(p: Principal, permission?: Permission): string[] {
  const paths = p.assignments.filter((a) => !permission || a.permissions.includes(permission)).map((a) => a.orgUnitPath);
  // Drop paths already covered by a shorter one, so queries stay small.
  return paths.filter((path, i) => !paths.some((other, j) => j !== i && other !== path && path.startsWith(other)));
}

export function coversPath(p: Principal, unitPath: string, permission?: Permission): boolean {
  return scopePaths(p, permission).some((scope) => unitPath.startsWith(scope));
}
