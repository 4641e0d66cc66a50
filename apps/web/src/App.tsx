import { lazy, Suspense, type ReactNode } from 'react';
import { ConfigProvider, Spin } from 'antd';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { hasSession } from './api/client';
import { AuthProvider, useAuth } from './auth/auth';
import { antdLocale, loadAppStrings } from './i18n/dictionaries';
import { I18nProvider, initialLang, useI18n } from './i18n/i18n';
import { LoginPage } from './pages/LoginPage';

// Every page but the login page is loaded on demand, the shell included: a phone opening the login page on a
// slow line downloads only the login form (acceptance: under 300 KiB), the rest comes while the user types.
// The signed-in app waits for the whole dictionary of the language in use (the login page needs only its own
// strings) and comes inside antd's App (message, notification and modal for its pages, which the login page
// does without); all three download side by side.
const loadSignedInApp = () => Promise.all([import('./shell/AppShell'), import('antd/es/app'), loadAppStrings(initialLang())]);
const AppShell = lazy(async () => {
  const [shell, app] = await loadSignedInApp();
  const AntApp = app.default;
  const Shell = shell.AppShell;
  return {
    default: function SignedInApp() {
      return (
        <AntApp>
          <Shell />
        </AntApp>
      );
    },
  };
});
// 403 and 404 only: antd's Result carries large illustrations the first screen does without.
const Result = lazy(() => import('antd/es/result'));
const loadHomePage = () => import('./pages/HomePage');
const HomePage = lazy(() => loadHomePage().then((m) => ({ default: m.HomePage })));
const OrgUnitsPage = lazy(() => import('./pages/admin/OrgUnitsPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const RolesPage = lazy(() => import('./pages/admin/RolesPage'));
const NotificationOutboxPage = lazy(() => import('./pages/admin/NotificationOutboxPage'));
const ApiKeysPage = lazy(() => import('./pages/admin/ApiKeysPage'));
const RetentionPage = lazy(() => import('./pages/admin/RetentionPage'));
const DecisionsPage = lazy(() => import('./pages/modeler/DecisionsPage'));
const ImportPage = lazy(() => import('./pages/admin/ImportPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const loadInboxPage = () => import('./pages/InboxPage');
const InboxPage = lazy(loadInboxPage);
const loadTaskPage = () => import('./pages/tasks/TaskPage');
const TaskPage = lazy(loadTaskPage);
const StartPage = lazy(() => import('./pages/tasks/StartPage'));
const StudentsPage = lazy(() => import('./pages/students/StudentsPage'));
const loadStudentFilePage = () => import('./pages/students/StudentFilePage');
const StudentFilePage = lazy(loadStudentFilePage);
const RegistersPage = lazy(() => import('./pages/ledgers/RegistersPage'));
const LedgersPage = lazy(() => import('./pages/ledgers/LedgersPage'));
const DashboardPage = lazy(() => import('./pages/ledgers/DashboardPage'));
const PeriodReportPage = lazy(() => import('./pages/reports/PeriodReportPage'));
const ReconciliationPage = lazy(() => import('./pages/reports/ReconciliationPage'));
const VisitAssignmentsPage = lazy(() => import('./pages/visits/VisitAssignmentsPage'));
const RectificationPage = lazy(() => import('./pages/rectification/RectificationPage'));
const FormsListPage = lazy(() => import('./pages/forms/FormsListPage'));
const FormBuilderPage = lazy(() => import('./pages/forms/FormBuilderPage'));
const ProcessesPage = lazy(() => import('./pages/modeler/ProcessesPage'));
const ModelerPage = lazy(() => import('./pages/modeler/ModelerPage'));
const InstancesPage = lazy(() => import('./pages/modeler/InstancesPage'));

// A tab that has a session (a reload, a link to a task or a student's file) starts the signed-in shell and the
// page of its address downloading at once, beside the check of who we are, not after it: one wait fewer on a
// slow line. The lazy components above then find them loaded.
const FIRST_PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, loadHomePage],
  [/^\/inbox\/?$/, loadInboxPage],
  [/^\/tasks\/[^/]+$/, loadTaskPage],
  [/^\/students\/[^/]+$/, loadStudentFilePage],
];
if (hasSession()) {
  const ignore = () => undefined; // the component that needs it asks again and shows the failure
  loadSignedInApp().catch(ignore);
  FIRST_PAGES.find(([path]) => path.test(window.location.pathname))?.[1]().catch(ignore);
}

// Users who ask their system for less motion get none (also what the browser tests ask for).
const prefersReducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

function Loading() {
  return <Spin style={{ display: 'block', margin: '80px auto' }} />;
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <Loading />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      {can(permission) ? children : <Result status="403" title="403" subTitle={t('shell.forbidden')} />}
    </Suspense>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      <Result status="404" title="404" subTitle={t('shell.notFound')} />
    </Suspense>
  );
}

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocale(lang)}
      theme={{
        token: {
          colorPrimary: '#1d5fa8',
          colorLink: '#1d5fa8',
          // WCAG AA (4.5:1) for small text on white and on #f5f5f5: antd's greys (45 %) and red (#ff4d4f) fall short.
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          colorError: '#cf1322',
          colorWarning: '#ad6800',
          colorSuccess: '#237804',
          motion: !prefersReducedMotion,
        },
      }}
      // antd spaces out two-character Chinese labels (登 录); staff read and search for the plain word.
      button={{ autoInsertSpace: false }}
    >
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireLogin>
                  <Suspense fallback={<Loading />}>
                    <AppShell />
                  </Suspense>
                </RequireLogin>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="inbox"
                element={
                  <Suspense fallback={<Loading />}>
                    <InboxPage />
                  </Suspense>
                }
              />
              <Route path="tasks/:id" element={<TaskPage />} />
              <Route path="start" element={<StartPage />} />
              <Route path="start/:key" element={<StartPage />} />
              <Route path="students" element={<StudentsPage />} />
              <Route path="students/:id" element={<StudentFilePage />} />
              <Route
                path="registers"
                element={
                  <RequirePermission permission="ledger.manage">
                    <RegistersPage />
                  </RequirePermission>
                }
              />
              <Route path="ledgers" element={<LedgersPage />} />
              <Route
                path="dashboard"
                element={
                  <RequirePermission permission="report.read">
                    <DashboardPage />
                  </RequirePermission>
                }
              />
              <Route
                path="reports"
                element={
                  <RequirePermission permission="report.read">
                    <PeriodReportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="reconciliation"
                element={
                  <RequirePermission permission="report.read">
                    <ReconciliationPage />
                  </RequirePermission>
                }
              />
              <Route
                path="visit-assignments"
                element={
                  <RequirePermission permission="report.read">
                    <VisitAssignmentsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="rectification"
                element={
                  <RequirePermission permission="report.read">
                    <RectificationPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/forms"
                element={
                  <RequirePermission permission="design">
                    <FormsListPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/forms/:key"
                element={
                  <RequirePermission permission="design">
                    <FormBuilderPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/decisions"
                element={
                  <RequirePermission permission="design">
                    <DecisionsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/processes"
                element={
                  <RequirePermission permission="design">
                    <ProcessesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/processes/:key"
                element={
                  <RequirePermission permission="design">
                    <ModelerPage />
                  </RequirePermission>
                }
              />
              <Route
                path="design/instances"
                element={
                  <RequirePermission permission="design">
                    <InstancesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/org-units"
                element={
                  <RequirePermission permission="admin">
                    <OrgUnitsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/users"
                element={
                  <RequirePermission permission="admin">
                    <UsersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/notifications"
                element={
                  <RequirePermission permission="admin">
                    <NotificationOutboxPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/api-keys"
                element={
                  <RequirePermission permission="admin">
                    <ApiKeysPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/retention"
                element={
                  <RequirePermission permission="admin">
                    <RetentionPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/roles"
                element={
                  <RequirePermission permission="admin">
                    <RolesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/imports"
                element={
                  <RequirePermission permission="admin">
                    <ImportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="admin/audit"
                element={
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
