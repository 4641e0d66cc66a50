import { Checkbox, DatePicker, Input, InputNumber, Radio, Select, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { ElementOptions, JsonSchemaObject } from '@kcbx/forms';
import { displayValue } from '../display-value';
import { choicesOf, type FieldKind } from '../field-kind';
import { useFormEnv } from '../form-context';
import { useNearWidget } from '../near-viewport';
import { DeferredWidget } from './deferred-widget';
import { FieldFrame } from './field-frame';
import { dateText, listValue, numberValue, optionValue, textValue } from './field-value';
import { useField } from './use-field';

export interface WidgetProps {
  name: string;
  kind: FieldKind;
  schema: JsonSchemaObject;
  options: ElementOptions;
  readonly: boolean;
  placeholder?: string;
  /** A table cell shows no label; its input is named by this instead (the column's label). */
  ariaLabel?: string;
}

/** Label, required mark and help around the widget (the error comes from the field's own controller). */
export interface FrameProps {
  label?: string;
  required: boolean;
  help?: string;
}

const DATE = 'YYYY-MM-DD';

/** Widgets made of several inputs, each with its own caption: the group is named with aria-label, not a label[for]. */
const GROUPS = new Set<FieldKind>(['radio', 'yes-no', 'checkbox-group']);

/**
 * The plain widgets (text, numbers, choices, dates, switches) in their frame. The frame takes the error from
 * this field's controller rather than a second form-state subscription: one subscription per field instead of
 * two, which is most of what a field costs to mount.
 */
export function BasicField({ frame, ...props }: WidgetProps & { frame: FrameProps }) {
  const f = useField(props.name, props.readonly);
  return (
    <FieldFrame
      name={props.name}
      label={frame.label}
      required={frame.required}
      help={frame.help}
      error={f.error}
      htmlFor={GROUPS.has(props.kind) ? undefined : props.name}
    >
      {/* A group of choices is named by the field's label: its <label> cannot point at several inputs. */}
      <BasicWidget {...props} f={f} groupLabel={props.ariaLabel ?? frame.label} />
    </FieldFrame>
  );
}

function BasicWidget({
  name,
  kind,
  schema,
  options,
  placeholder,
  ariaLabel,
  groupLabel,
  f,
}: WidgetProps & { f: ReturnType<typeof useField>; groupLabel?: string }) {
  const { locale } = useFormEnv();
  const lazy = useNearWidget(name);
  if (!lazy.near) {
    return (
      <DeferredWidget
        name={name}
        text={displayValue(kind, schema, f.value, { locale, labels: options.labels })}
        onFocus={lazy.wakeForFocus}
      />
    );
  }
  const common = {
    id: name,
    'aria-label': ariaLabel,
    'aria-invalid': f.error ? true : undefined,
    disabled: f.disabled,
    onBlur: f.onBlur,
    status: f.error ? ('error' as const) : undefined,
  };
  const text = (v: string) => f.onChange(v === '' ? undefined : v); // empty means "not filled" to required
  switch (kind) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          rows={options.rows ?? 3}
          value={textValue(f.value)}
          maxLength={options.restrict ? schema.maxLength : undefined}
          placeholder={placeholder}
          onChange={(e) => text(e.target.value)}
        />
      );
    case 'password':
      return <Input.Password {...common} value={textValue(f.value)} onChange={(e) => text(e.target.value)} />;
    case 'phone':
      return (
        <Input
          {...common}
          type="tel"
          inputMode="numeric"
          maxLength={13}
          value={textValue(f.value)}
          placeholder={placeholder ?? '13800000000'}
          onChange={(e) => text(e.target.value.replace(/[\s-]/g, ''))}
        />
      );
    case 'number':
    case 'integer':
      return (
        <InputNumber
          {...common}
          style={{ width: '100%' }}
          precision={kind === 'integer' ? 0 : undefined}
          min={schema.minimum}
          max={schema.maximum}
          value={numberValue(f.value)}
          onChange={(v) => f.onChange(v === null ? undefined : v)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          style={{ width: '100%' }}
          allowClear
          value={f.value}
          placeholder={placeholder}
          options={(choicesOf(schema, options.labels, locale) ?? []).map((c) => ({ value: optionValue(c.value), label: c.label }))}
          onChange={(v) => f.onChange(v ?? undefined)}
        />
      );
    case 'radio':
      return (
        <div role="radiogroup" aria-label={groupLabel} aria-invalid={f.error ? true : undefined}>
          <Radio.Group disabled={f.disabled} value={f.value} onChange={(e) => f.onChange(e.target.value)}>
            {(choicesOf(schema, options.labels, locale) ?? []).map((c) => (
              <Radio key={String(c.value)} value={c.value}>
                {c.label}
              </Radio>
            ))}
          </Radio.Group>
        </div>
      );
    case 'yes-no':
      // Nothing chosen until the clerk answers; 否 (false) is an answer like 是.
      return (
        <div role="radiogroup" aria-label={groupLabel} aria-invalid={f.error ? true : undefined}>
          <Radio.Group disabled={f.disabled} value={f.value} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur}>
            <Radio value={true}>{locale === 'en' ? 'Yes' : '是'}</Radio>
            <Radio value={false}>{locale === 'en' ? 'No' : '否'}</Radio>
          </Radio.Group>
        </div>
      );
    case 'checkbox-group':
      return (
        <Checkbox.Group
          aria-label={groupLabel}
          disabled={f.disabled}
          value={listValue(f.value)}
          options={(choicesOf(schema.items, options.labels, locale) ?? []).map((c) => ({ value: optionValue(c.value), label: c.label }))}
          onChange={(v) => f.onChange(v.length ? v : undefined)}
        />
      );
    case 'multi-select':
      return (
        <Select
          {...common}
          mode="multiple"
          style={{ width: '100%' }}
          value={listValue(f.value)}
          options={(choicesOf(schema.items, options.labels, locale) ?? []).map((c) => ({ value: optionValue(c.value), label: c.label }))}
          onChange={(v) => f.onChange(v.length ? v : undefined)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          id={name}
          aria-label={ariaLabel}
          disabled={f.disabled}
          checked={f.value === true}
          onChange={(e) => f.onChange(e.target.checked)}
        />
      );
    case 'switch':
      return <Switch id={name} aria-label={ariaLabel} disabled={f.disabled} checked={f.value === true} onChange={(v) => f.onChange(v)} />;
    case 'date':
      return (
        <DatePicker
          {...common}
          style={{ width: '100%' }}
          format={DATE}
          value={dateText(f.value) ? dayjs(dateText(f.value), DATE) : null}
          onChange={(d) => f.onChange(d ? d.format(DATE) : undefined)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          {...common}
          showTime
          style={{ width: '100%' }}
          value={dateText(f.value) ? dayjs(dateText(f.value)) : null}
          onChange={(d) => f.onChange(d ? d.format() : undefined)}
        />
      );
    case 'time':
      return (
        <TimePicker
          {...common}
          format="HH:mm"
          value={dateText(f.value) ? dayjs(dateText(f.value), 'HH:mm') : null}
          onChange={(d) => f.onChange(d ? d.format('HH:mm') : undefined)}
        />
      );
    case 'date-range':
      return (
        <DatePicker.RangePicker
          {...common}
          style={{ width: '100%' }}
          format={DATE}
          value={Array.isArray(f.value) ? [dayjs(f.value[0], DATE), dayjs(f.value[1], DATE)] : null}
          onChange={(range) => f.onChange(range && range[0] && range[1] ? [range[0].format(DATE), range[1].format(DATE)] : undefined)}
        />
      );
    default:
      return (
        <Input
          {...common}
          value={textValue(f.value)}
          placeholder={placeholder}
          maxLength={options.restrict ? schema.maxLength : undefined}
          onChange={(e) => text(e.target.value)}
        />
      );
  }
}
