import type { ComponentType } from 'react';
import * as pages from './lazyPages';

export interface PageRoute {
  /** under the signed-in shell; absent for its index page */
  path?: string;
  page: ComponentType;
  /** who may open it; others see 403 */
  permission?: string;
  /** shows its own spinner while its code loads, instead of the shell's */
  ownSuspense?: boolean;
}

/** Every signed-in page, in the order the router tries them. */
export const PAGE_ROUTES: PageRoute[] = [
  { page: pages.HomePage },
  { path: 'inbox', page: pages.InboxPage, ownSuspense: true },
  { path: 'tasks/:id', page: pages.TaskPage },
  { path: 'start', page: pages.StartPage },
  { path: 'start/:key', page: pages.StartPage },
  { path: 'students', page: pages.StudentsPage },
  { path: 'students/:id', page: pages.StudentFilePage },
  { path: 'registers', page: pages.RegistersPage, permission: 'ledger.manage' },
  { path: 'ledgers', page: pages.LedgersPage },
  { path: 'dashboard', page: pages.DashboardPage, permission: 'report.read' },
  { path: 'reports', page: pages.PeriodReportPage, permission: 'report.read' },
  { path: 'reconciliation', page: pages.ReconciliationPage, permission: 'report.read' },
  { path: 'visit-assignments', page: pages.VisitAssignmentsPage, permission: 'report.read' },
  { path: 'rectification', page: pages.RectificationPage, permission: 'report.read' },
  { path: 'design/forms', page: pages.FormsListPage, permission: 'design' },
  { path: 'design/forms/:key', page: pages.FormBuilderPage, permission: 'design' },
  { path: 'design/decisions', page: pages.DecisionsPage, permission: 'design' },
  { path: 'design/processes', page: pages.ProcessesPage, permission: 'design' },
  { path: 'design/processes/:key', page: pages.ModelerPage, permission: 'design' },
  { path: 'design/instances', page: pages.InstancesPage, permission: 'design' },
  { path: 'admin/org-units', page: pages.OrgUnitsPage, permission: 'admin' },
  { path: 'admin/users', page: pages.UsersPage, permission: 'admin' },
  { path: 'admin/notifications', page: pages.NotificationOutboxPage, permission: 'admin' },
  { path: 'admin/api-keys', page: pages.ApiKeysPage, permission: 'admin' },
  { path: 'admin/retention', page: pages.RetentionPage, permission: 'admin' },
  { path: 'admin/roles', page: pages.RolesPage, permission: 'admin' },
  { path: 'admin/imports', page: pages.ImportPage, permission: 'admin' },
  { path: 'admin/audit', page: pages.AuditPage, permission: 'audit.read' },
];
