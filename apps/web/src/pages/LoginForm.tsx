import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Input, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n';

export interface Credentials {
  username: string;
  password: string;
}

/** A labelled input with its "required" message below, in the look of antd's vertical Form.Item. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: error ? 0 : token.marginLG }}>
      <label
        htmlFor={id}
        style={{ display: 'block', paddingBottom: token.paddingXS, lineHeight: token.lineHeight, color: token.colorText }}
      >
        {label}
      </label>
      {children}
      {error && (
        <div role="alert" style={{ color: token.colorError, lineHeight: token.lineHeight, minHeight: token.marginLG }}>
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The login form: two required fields and the submit button. Plain React state rather than antd's Form: the
 * login page is the first screen on a phone, and antd's form stack (rc-field-form, async-validator, the label
 * tooltip) is about 12 KB gzipped it would download for two "required" checks (issue #19).
 */
export function LoginForm({ busy, onSubmit }: { busy: boolean; onSubmit(values: Credentials): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Credentials>({ username: '', password: '' });
  const [checked, setChecked] = useState(false);
  const missing = (v: string) => checked && !v;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (values.username && values.password) onSubmit(values);
  };
  const set = (key: keyof Credentials) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <form onSubmit={submit} noValidate>
      <Field id="username" label={t('login.username')} error={missing(values.username) ? t('login.usernameRequired') : undefined}>
        <Input
          id="username"
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          value={values.username}
          onChange={set('username')}
          status={missing(values.username) ? 'error' : undefined}
          aria-required
        />
      </Field>
      <Field id="password" label={t('login.password')} error={missing(values.password) ? t('login.passwordRequired') : undefined}>
        <Input.Password
          id="password"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          status={missing(values.password) ? 'error' : undefined}
          aria-required
        />
      </Field>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </form>
  );
}
