import { lazy } from 'react';

// Every page but the login page is loaded on demand, the shell included: a phone opening the login page on a
// slow line downloads only the login form (acceptance: under 300 KiB), the rest comes while the user types.
export const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));
export const HomePage = lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage })));
export const OrgUnitsPage = lazy(() => import('../pages/admin/OrgUnitsPage'));
export const UsersPage = lazy(() => import('../pages/admin/UsersPage'));
export const RolesPage = lazy(() => import('../pages/admin/RolesPage'));
export const NotificationOutboxPage = lazy(() => import('../pages/admin/NotificationOutboxPage'));
export const ApiKeysPage = lazy(() => import('../pages/admin/ApiKeysPage'));
export const RetentionPage = lazy(() => import('../pages/admin/RetentionPage'));
export const DecisionsPage = lazy(() => import('../pages/modeler/DecisionsPage'));
export const ImportPage = lazy(() => import('../pages/admin/ImportPage'));
export const AuditPage = lazy(() => import('../pages/admin/AuditPage'));
export const InboxPage = lazy(() => import('../pages/InboxPage'));
export const TaskPage = lazy(() => import('../pages/tasks/TaskPage'));
export const StartPage = lazy(() => import('../pages/tasks/StartPage'));
export const StudentsPage = lazy(() => import('../pages/students/StudentsPage'));
export const StudentFilePage = lazy(() => import('../pages/students/StudentFilePage'));
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
