import { Input, InputNumber, Select } from 'antd';
import type { ChoiceOption, FieldPatch } from '@kcbx/form-builder';
import { useI18n } from '../../../i18n/i18n';
import { textOf } from './labels';

/** The value a field opens with, entered the way its type needs (a choice, yes/no, a number or text). */
export function DefaultEditor({
  schema,
  type,
  options,
  patch,
}: {
  schema: Record<string, any>;
  type: string | undefined;
  options?: ChoiceOption[];
  patch(p: FieldPatch): void;
}) {
  const { t, lang } = useI18n();
  const label = t('forms.props.default');
  const pick = (choices: Array<{ value: unknown; label: string }>) => (
    <Select
      allowClear
      aria-label={label}
      style={{ width: '100%' }}
      value={schema.default}
      onChange={(v) => patch({ schema: { default: v ?? null } })}
      options={choices as never}
    />
  );
  if (options && type !== 'array') return pick(options.map((o) => ({ value: o.value, label: textOf(o.label, lang, o.value) })));
  if (type === 'boolean')
    return pick([
      { value: true, label: t('forms.props.yes') },
      { value: false, label: t('forms.props.no') },
    ]);
  if (type === 'number' || type === 'integer')
    return (
      <InputNumber
        aria-label={label}
        style={{ width: '100%' }}
        value={schema.default}
        onChange={(v) => patch({ schema: { default: v === null ? null : v } })}
      />
    );
  if (type === 'string')
    return (
      <Input
        aria-label={label}
        data-testid="prop-default"
        value={schema.default ?? ''}
        onChange={(e) => patch({ schema: { default: e.target.value } })}
      />
    );
  return <span>—</span>;
}
