import { Input } from 'antd';
import { useWatch } from 'react-hook-form';
import { t, useFormEnv } from '../form-context';
import { residentIdHint } from '../resident-id-hints';
import { useField } from './use-field';

/** ID number input that shows the birth date and sex it encodes and flags sibling fields that disagree. */
export function ResidentIdField({ name, readonly, placeholder }: { name: string; readonly: boolean; placeholder?: string }) {
  const { locale } = useFormEnv();
  const f = useField(name, readonly);
  const parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.') + 1) : '';
  const [birthDate, sex] = useWatch({ name: [`${parent}birthDate`, `${parent}sex`] });
  const hint = residentIdHint(f.value, { birthDate, sex });
  const sexText = hint.sex ? (hint.sex === 'male' ? t(locale, '男', 'male') : t(locale, '女', 'female')) : '';
  return (
    <>
      <Input
        id={name}
        disabled={f.disabled}
        status={f.error ? 'error' : undefined}
        maxLength={18}
        value={f.value ?? ''}
        placeholder={placeholder ?? t(locale, '18位身份证号', '18-character ID number')}
        onBlur={f.onBlur}
        onChange={(e) => f.onChange(e.target.value ? e.target.value.toUpperCase().replace(/\s/g, '') : undefined)}
      />
      {hint.birthDate && (
        <div className="kcbx-id-hint" style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
          {t(locale, `出生日期 ${hint.birthDate} · ${sexText}`, `born ${hint.birthDate} · ${sexText}`)}
          {hint.mismatches.includes('birthDate') && <span style={{ color: '#faad14' }}>{t(locale, '（与填写的出生日期不一致）', ' (differs from the birth date entered)')}</span>}
          {hint.mismatches.includes('sex') && <span style={{ color: '#faad14' }}>{t(locale, '（与填写的性别不一致）', ' (differs from the sex entered)')}</span>}
        </div>
      )}
    </>
  );
}
