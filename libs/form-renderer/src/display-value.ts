import { formatMobilePhone, maskResidentId } from '@kcbx/cn-codes';
import type { RegionIndex } from '@kcbx/cn-codes';
import { isPngDataUrl, schemaObject, type JsonSchema, type Text } from '@kcbx/forms';
import { choicesOf, type FieldKind } from './field-kind';

export interface DisplayOptions {
  locale: 'zh-CN' | 'en';
  /** The control's options.labels for enum values. */
  labels?: Record<string, Text>;
  regions?: RegionIndex;
  /** Review screens mask ID numbers; the print view (a record to stamp) shows them in full. */
  maskIds?: boolean;
}

const YES_NO = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] } as const;

/** A value as text for review and print ("" when empty). */
export function displayValue(kind: FieldKind, schema: JsonSchema | undefined, value: unknown, options: DisplayOptions): string {
  if (value === undefined || value === null || value === '') return '';
  switch (kind) {
    case 'checkbox':
    case 'switch':
    case 'yes-no':
      return value ? YES_NO[options.locale][0] : YES_NO[options.locale][1];
    case 'select':
    case 'radio':
      return choicesOf(schema, options.labels, options.locale)?.find((c) => c.value === value)?.label ?? String(value);
    case 'checkbox-group':
    case 'multi-select': {
      const choices = choicesOf(schemaObject(schema)?.items, options.labels, options.locale) ?? [];
      return (Array.isArray(value) ? value : [value]).map((v) => choices.find((c) => c.value === v)?.label ?? String(v)).join('、');
    }
    case 'date-range':
      return Array.isArray(value) ? value.join(' ~ ') : String(value);
    case 'resident-id':
      return options.maskIds ? maskResidentId(String(value)) : String(value);
    case 'phone':
      return formatMobilePhone(String(value));
    case 'region': {
      const path = options.regions?.path(String(value)) ?? [];
      return path.length ? path.map((n) => n.name).join(' / ') : String(value);
    }
    case 'file':
      return (value as { name?: string }).name ?? '';
    case 'files':
      return (value as Array<{ name?: string }>).map((f) => f.name).join('、');
    case 'signature':
      if (!isPngDataUrl(value)) return options.locale === 'en' ? '(signature not valid)' : '（签名无效）';
      return options.locale === 'en' ? '(signed)' : '（已签名）';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
