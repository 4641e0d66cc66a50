import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from '../pages/LoginPage';
import { AppShell } from './lazyPages';
import { Loading, NotFound, RequireLogin, RequirePermission } from './routeGuards';
import { PAGE_ROUTES, type PageRoute } from './routeTable';

function routeElement({ page: Page, permission, ownSuspense }: PageRoute) {
  if (permission)
    return (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    );
  if (ownSuspense)
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  return <Page />;
}

/** The login page, and every other page inside the signed-in shell (see PAGE_ROUTES). */
export function AppRoutes() {
  return (
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
        {PAGE_ROUTES.map((r) =>
          r.path === undefined ? (
            <Route key="index" index element={routeElement(r)} />
          ) : (
            <Route key={r.path} path={r.path} element={routeElement(r)} />
          ),
        )}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
