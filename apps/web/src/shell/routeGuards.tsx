import { Suspense, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';

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
  if (!can(permission)) return <Result status="403" title="403" subTitle={t('shell.forbidden')} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('shell.notFound')} />;
}
