import { Input } from 'antd';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { JsonSchema } from '@kcbx/forms';
import { t, useFormEnv } from '../form-context';
import { sexValueFor } from '../resident-id-derive';
import { residentIdHint } from '../resident-id-hints';
import { textValue } from './field-value';
import { useField } from './use-field';

/** Schemas of the sibling birthDate/sex properties, when the form has them next to the ID number. */
export interface IdSiblings {
  birthDate?: JsonSchema;
  sex?: JsonSchema;
}

/**
 * ID number input that shows the birth date and sex it encodes and fills the sibling birthDate/sex fields
 * from it (the number is the authority, GB 11643); a sibling edited afterwards is flagged if it disagrees.
 */
export function ResidentIdField({
  name,
  readonly,
  placeholder,
  siblings = {},
}: {
  name: string;
  readonly: boolean;
  placeholder?: string;
  siblings?: IdSiblings;
}) {
  const { locale } = useFormEnv();
  const f = useField(name, readonly);
  const { setValue, getFieldState } = useFormContext();
  const parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.') + 1) : '';
  const [birthDate, sex] = useWatch({ name: [`${parent}birthDate`, `${parent}sex`] });
  const hint = residentIdHint(f.value, { birthDate, sex });
  const sexText = hint.sex ? (hint.sex === 'male' ? t(locale, '男', 'male') : t(locale, '女', 'female')) : '';

  // Only when the user changes the number to a valid one: a stored record is shown as it was saved (with its
  // mismatch flagged), and a later correction of a sibling is not overwritten.
  const initial = useRef(f.value);
  useEffect(() => {
    if (f.value === initial.current || f.disabled || !hint.birthDate || !hint.sex) return;
    const fill = (field: string, value: unknown) => {
      if (value === undefined) return;
      const full = `${parent}${field}`;
      setValue(full, value, { shouldDirty: true, shouldValidate: !!getFieldState(full).error });
    };
    if (siblings.birthDate) fill('birthDate', hint.birthDate);
    if (siblings.sex) fill('sex', sexValueFor(siblings.sex, hint.sex));
  }, [f.value]);

  return (
    <>
      <Input
        id={name}
        disabled={f.disabled}
        status={f.error ? 'error' : undefined}
        maxLength={18}
        value={textValue(f.value)}
        placeholder={placeholder ?? t(locale, '18位身份证号', '18-character ID number')}
        onBlur={f.onBlur}
        onChange={(e) => f.onChange(e.target.value ? e.target.value.toUpperCase().replace(/\s/g, '') : undefined)}
      />
      {hint.birthDate && (
        <div className="kcbx-id-hint" style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
          {t(locale, `出生日期 ${hint.birthDate} · ${sexText}`, `born ${hint.birthDate} · ${sexText}`)}
          {hint.mismatches.includes('birthDate') && (
            <span style={{ color: '#faad14' }}>{t(locale, '（与填写的出生日期不一致）', ' (differs from the birth date entered)')}</span>
          )}
          {hint.mismatches.includes('sex') && (
            <span style={{ color: '#faad14' }}>{t(locale, '（与填写的性别不一致）', ' (differs from the sex entered)')}</span>
          )}
        </div>
      )}
    </>
  );
}
