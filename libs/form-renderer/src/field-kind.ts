import { schemaObject, type ElementOptions, type JsonSchema, type JsonSchemaObject, type Text } from '@kcbx/forms';

/** Which widget a control gets, decided from its schema and options alone (pure, so it is tested). */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'password'
  | 'number'
  | 'integer'
  | 'date'
  | 'datetime'
  | 'time'
  | 'date-range'
  | 'select'
  | 'radio'
  | 'checkbox-group'
  | 'multi-select'
  | 'switch'
  | 'checkbox'
  | 'yes-no'
  | 'resident-id'
  | 'phone'
  | 'region'
  | 'file'
  | 'files'
  | 'signature'
  | 'table'
  | 'list'
  | 'object'
  | 'unsupported';

export interface Choice {
  value: unknown;
  label: string;
}

/**
 * enum (labelled through the control's `options.labels`, e.g. {"male": {"zh": "男", "en": "male"}}), or
 * oneOf/anyOf of {const, title} — JSON Forms' labelled enums.
 */
export function choicesOf(
  value: JsonSchema | undefined,
  labels?: Record<string, Text>,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Choice[] | undefined {
  const schema = schemaObject(value);
  if (!schema) return undefined;
  const labelOf = (v: unknown) => {
    const l = labels?.[String(v)];
    return l === undefined ? String(v) : typeof l === 'string' ? l : locale === 'en' ? l.en : l.zh;
  };
  if (Array.isArray(schema.enum)) return schema.enum.map((v: unknown) => ({ value: v, label: labelOf(v) }));
  if (schema.const !== undefined && schema.const !== null && typeof schema.const !== 'object')
    return [{ value: schema.const, label: labelOf(schema.const) }];
  const alternatives = schema.oneOf ?? schema.anyOf;
  const constants = Array.isArray(alternatives) ? alternatives.map(schemaObject) : [];
  if (constants.length && constants.every((a) => a && a.const !== undefined)) {
    return constants.map((a) => ({ value: a?.const, label: String(a?.title ?? a?.const) }));
  }
  return undefined;
}

function typeOf(schema: JsonSchemaObject): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (choicesOf(schema)) return 'string';
  // an object amended through allOf (JSON Forms' allOf example, GEDCOM X persons in the huge one)
  if (Array.isArray(schema.allOf) && schema.allOf.map(schemaObject).some((b) => b && (b.type === 'object' || b.properties)))
    return 'object';
  return undefined;
}

export interface FieldContext {
  /** The schema requires the property (a question that must be answered). */
  required?: boolean;
}

export function fieldKind(value: JsonSchema | undefined, options: ElementOptions = {}, context: FieldContext = {}): FieldKind {
  const schema = schemaObject(value);
  if (!schema) return 'unsupported';
  const widget = options.widget;
  const format = options.format ?? schema.format;
  const type = typeOf(schema);
  if (widget === 'signature') return 'signature';
  if (widget === 'file' || schema.fileUpload) return 'file';
  if (widget === 'region' || schema.format === 'region-code') return 'region';
  if (widget === 'date-range' || schema.dateRange) return 'date-range';
  const choices = choicesOf(schema);
  if (choices && type !== 'array') return format === 'radio' ? 'radio' : 'select';
  switch (type) {
    case 'string':
      if (schema.format === 'resident-id') return 'resident-id';
      if (schema.format === 'mobile-cn') return 'phone';
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'datetime';
      if (schema.format === 'time') return 'time';
      if (schema.format === 'data-url') return 'signature';
      if (format === 'password') return 'password';
      return options.multi ? 'textarea' : 'text';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      // A question that must be answered is 是 / 否 with nothing chosen: an unticked box cannot say "no"
      // (it reads as "not answered", and the clerk could not record that the child has not come back).
      if (options.toggle) return 'switch';
      return context.required || format === 'radio' ? 'yes-no' : 'checkbox';
    case 'object':
      return 'object';
    case 'array': {
      const items = schemaObject(schema.items) ?? {};
      if (items.fileUpload) return 'files';
      if (choicesOf(items)) return format === 'select' ? 'multi-select' : 'checkbox-group';
      if (typeOf(items) === 'object') return 'table';
      return 'list';
    }
    default:
      return 'unsupported';
  }
}
