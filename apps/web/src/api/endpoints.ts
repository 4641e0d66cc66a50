import type {
  AdminUser,
  AuditEntry,
  ImportReport,
  Inbox,
  LoginResult,
  Me,
  OrgUnit,
  OrgUnitKind,
  Page,
  Role,
  RoleAt,
} from '@kcbx/api-contract';
import { request, upload } from './client';

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export interface InboxQuery {
  scope: 'all' | 'mine' | 'candidate' | 'done';
  due?: 'overdue' | 'soon';
  processKey?: string;
  orgUnit?: string;
}

export const api = {
  login: (username: string, password: string) =>
    request<LoginResult>('POST', '/api/auth/login', { username, password }, { anonymous: true }),
  me: () => request<Me>('GET', '/api/me'),
  /** Ends the session on the server too (its HttpOnly refresh cookie and every token of it). */
  logout: () => request<void>('POST', '/api/auth/logout', undefined, { anonymous: true }),

  orgUnits: () => request<OrgUnit[]>('GET', '/api/org-units'),
  createOrgUnit: (body: { code: string; name: string; kind: OrgUnitKind; parentCode: string }) =>
    request<OrgUnit>('POST', '/api/admin/org-units', body),
  renameOrgUnit: (code: string, name: string) => request<OrgUnit>('PATCH', `/api/admin/org-units/${encodeURIComponent(code)}`, { name }),

  roles: () => request<Role[]>('GET', '/api/admin/roles'),
  createRole: (body: { key: string; name: string; nameEn?: string; permissions?: string[] }) =>
    request<Role>('POST', '/api/admin/roles', body),

  users: (q: string, page: number, pageSize: number) => request<Page<AdminUser>>('GET', `/api/admin/users?${qs({ q, page, pageSize })}`),
  createUser: (body: { username: string; password: string; displayName: string; phone?: string; roles: RoleAt[] }) =>
    request<AdminUser>('POST', '/api/admin/users', body),
  updateUser: (id: string, body: { displayName?: string; phone?: string; active?: boolean; password?: string }) =>
    request<AdminUser>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, body),
  setUserRoles: (id: string, roles: RoleAt[]) => request<AdminUser>('PUT', `/api/admin/users/${encodeURIComponent(id)}/roles`, { roles }),

  importFile: (what: 'org-units' | 'users', file: File, dryRun: boolean, onProgress: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return upload<ImportReport>(`/api/admin/imports/${what}?dryRun=${dryRun}`, form, onProgress);
  },

  /**
   * scope done = 已办 (tasks I completed); due: overdue | soon (within 3 days); absent filters are not sent.
   * `after`: the previous page's nextCursor (the server reads only the page's rows); without it, the page number.
   */
  inbox: (query: InboxQuery, page: number, pageSize: number, after?: string) =>
    request<Inbox>(
      'GET',
      `/api/tasks?${qs({
        scope: query.scope,
        overdue: query.due === 'overdue' ? 'true' : undefined,
        due: query.due,
        processKey: query.processKey,
        orgUnit: query.orgUnit,
        page,
        pageSize,
        after,
      })}`,
    ),
  claimTask: (id: string) => request<unknown>('POST', `/api/tasks/${encodeURIComponent(id)}/claim`),

  audit: (filter: { username?: string; entity?: string }, page: number, pageSize: number) =>
    request<Page<AuditEntry>>('GET', `/api/admin/audit?${qs({ ...filter, page, pageSize })}`),
};
