/** Users, roles, org units and the administration screens' shapes (/api/auth, /api/me, /api/admin/*). */

export type OrgUnitKind = 'county' | 'township' | 'school' | 'village' | 'office';
export const ORG_UNIT_KINDS: OrgUnitKind[] = ['county', 'township', 'school', 'village', 'office'];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  phone?: string | null;
  tenant: { id: string; code: string; name: string };
  roles: {
    role: { key: string; name: string; nameEn?: string | null };
    orgUnit: { id: string; code: string; name: string; kind: OrgUnitKind };
  }[];
  permissions: string[];
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: Me;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  path: string;
}

export interface Role {
  id: string;
  key: string;
  name: string;
  nameEn?: string | null;
  permissions: string[];
}

/** A role as the county package lists it to the designers (GET /api/roles). */
export interface CountyRole {
  key: string;
  name: string;
  nameEn?: string | null;
}

export interface RoleAt {
  role: string;
  orgUnit: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  phone?: string | null;
  active: boolean;
  roles: { role: string; roleName: string; orgUnit: string; orgUnitName: string }[];
}

export interface ImportReport {
  rows: number;
  accepted: number;
  unchanged?: number;
  rejected: { row: number; field?: string; message: string }[];
  dryRun: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}
