import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';

// 403 and 404 only: antd's Result carries large illustrations the first screen does without.
const Result = lazy(() => import('antd/es/result'));

export function Loading() {
  return <Spin style={{ display: 'block', margin: '80px auto' }} />;
}

export function RequireLogin({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <Loading />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      {can(permission) ? children : <Result status="403" title="403" subTitle={t('shell.forbidden')} />}
    </Suspense>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      <Result status="404" title="404" subTitle={t('shell.notFound')} />
    </Suspense>
  );
}
