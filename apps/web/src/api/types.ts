/** Shapes of the API's JSON (see the shared API contract). */
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

export interface Page<T> {
  items: T[];
  total: number;
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

/** One row of the inbox (GET /api/tasks). */
export interface InboxTask {
  id: string;
  name: string | null;
  activityId: string;
  instanceId: string;
  processKey: string;
  businessKey: string | null;
  orgUnit: string | null;
  orgUnitName: string | null;
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export interface Inbox extends Page<InboxTask> {
  counts: { mine: number; candidate: number; overdue: number };
}
