import { useState } from 'react';
import { Alert } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { LightCard, LightSecondaryText, LightTitle } from '../shell/LightCard';
import { LoginForm, type Credentials } from './LoginForm';

export function LoginPage() {
  const { t } = useI18n();
  const { status, login, expired } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'signed-in') return <Navigate to={from} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      // The API words wrong-password and throttling messages itself, in the language we asked for.
      setError(e instanceof ApiError && !e.isNetwork ? e.message : t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', background: '#f0f4f9' }}>
      <div style={{ alignSelf: 'stretch', textAlign: 'right', padding: 12 }}>
        <LanguageSwitch />
      </div>
      <LightCard style={{ width: 380, marginTop: '8vh' }}>
        <LightTitle style={{ textAlign: 'center', marginBottom: 4 }}>{t('app.title')}</LightTitle>
        <LightSecondaryText style={{ textAlign: 'center' }}>{t('app.subtitle')}</LightSecondaryText>
        {expired && !error && <Alert type="info" showIcon message={t('shell.sessionExpired')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
        <LoginForm busy={busy} onSubmit={(v) => void submit(v)} />
      </LightCard>
    </div>
  );
}
