import { lazy } from 'react';
import { hasSession, startEarlyReadsFor } from '../api/client';
import { loadAppStrings } from '../i18n/dictionaries';
import { initialLang } from '../i18n/i18n';

// Every page but the login page is loaded on demand, the shell included: a phone opening the login page on a
// slow line downloads only the login form (acceptance: under 200 KiB), the rest comes while the user types.
// The signed-in shell waits for the whole dictionary of the language in use (the login page needs only its own
// strings); both download side by side.
const loadSignedInApp = () => Promise.all([import('./SignedInApp'), loadAppStrings(initialLang())]).then(([m]) => m);
export const AppShell = lazy(loadSignedInApp);
const loadHomePage = () => import('../pages/HomePage');
export const HomePage = lazy(() => loadHomePage().then((m) => ({ default: m.HomePage })));
export const OrgUnitsPage = lazy(() => import('../pages/admin/OrgUnitsPage'));
export const UsersPage = lazy(() => import('../pages/admin/UsersPage'));
export const RolesPage = lazy(() => import('../pages/admin/RolesPage'));
export const NotificationOutboxPage = lazy(() => import('../pages/admin/NotificationOutboxPage'));
export const ApiKeysPage = lazy(() => import('../pages/admin/ApiKeysPage'));
export const RetentionPage = lazy(() => import('../pages/admin/RetentionPage'));
export const DecisionsPage = lazy(() => import('../pages/modeler/DecisionsPage'));
export const ImportPage = lazy(() => import('../pages/admin/ImportPage'));
export const AuditPage = lazy(() => import('../pages/admin/AuditPage'));
const loadInboxPage = () => import('../pages/InboxPage');
export const InboxPage = lazy(loadInboxPage);
const loadTaskPage = () => import('../pages/tasks/TaskPage');
export const TaskPage = lazy(loadTaskPage);
export const StartPage = lazy(() => import('../pages/tasks/StartPage'));
export const StudentsPage = lazy(() => import('../pages/students/StudentsPage'));
const loadStudentFilePage = () => import('../pages/students/StudentFilePage');
export const StudentFilePage = lazy(loadStudentFilePage);
export const RegistersPage = lazy(() => import('../pages/ledgers/RegistersPage'));
export const LedgersPage = lazy(() => import('../pages/ledgers/LedgersPage'));
export const DashboardPage = lazy(() => import('../pages/ledgers/DashboardPage'));
export const PeriodReportPage = lazy(() => import('../pages/reports/PeriodReportPage'));
export const ReconciliationPage = lazy(() => import('../pages/reports/ReconciliationPage'));
export const VisitAssignmentsPage = lazy(() => import('../pages/visits/VisitAssignmentsPage'));
export const RectificationPage = lazy(() => import('../pages/rectification/RectificationPage'));
export const FormsListPage = lazy(() => import('../pages/forms/FormsListPage'));
export const FormBuilderPage = lazy(() => import('../pages/forms/FormBuilderPage'));
export const ProcessesPage = lazy(() => import('../pages/modeler/ProcessesPage'));
export const ModelerPage = lazy(() => import('../pages/modeler/ModelerPage'));
export const InstancesPage = lazy(() => import('../pages/modeler/InstancesPage'));

const FIRST_PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, loadHomePage],
  [/^\/inbox\/?$/, loadInboxPage],
  [/^\/tasks\/[^/]+$/, loadTaskPage],
  [/^\/students\/[^/]+$/, loadStudentFilePage],
];

/**
 * A tab that has a session (a reload, a link to a task or a student's file) starts the signed-in shell and the
 * page of its address downloading at once, beside the check of who we are, not after it: one wait fewer on a
 * slow line. The lazy components above then find them loaded, and the first reads (api/early.ts) answered.
 */
export function startSignedInDownloads(path: string): void {
  if (!hasSession()) return;
  startEarlyReadsFor(path, initialLang());
  const ignore = () => undefined; // the component that needs it asks again and shows the failure
  loadSignedInApp().catch(ignore);
  FIRST_PAGES.find(([page]) => page.test(path))?.[1]().catch(ignore);
}
