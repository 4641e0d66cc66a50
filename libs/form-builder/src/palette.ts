import type { ControlElement, JsonSchemaObject, LocalizedText } from '@kcbx/forms';

/** What a designer can drag from the palette: a field kind (a schema + control) or a layout. */
export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'integer',
  'date',
  'select',
  'radio',
  'checkboxes',
  'checkbox',
  'resident-id',
  'phone',
  'region',
  'file',
  'table',
] as const;
export type FieldKindName = (typeof FIELD_KINDS)[number];

export const LAYOUT_KINDS = ['HorizontalLayout', 'Group', 'VerticalLayout'] as const;
export type LayoutKindName = (typeof LAYOUT_KINDS)[number];

/** The kinds whose values come from a list of options (edited as options in the property panel). */
export const CHOICE_KINDS: readonly FieldKindName[] = ['select', 'radio', 'checkboxes'];

const DEFAULT_LABELS: Record<FieldKindName, LocalizedText> = {
  text: { zh: '单行文本', en: 'Text' },
  textarea: { zh: '多行文本', en: 'Paragraph' },
  number: { zh: '数字', en: 'Number' },
  integer: { zh: '整数', en: 'Whole number' },
  date: { zh: '日期', en: 'Date' },
  select: { zh: '下拉选择', en: 'Dropdown' },
  radio: { zh: '单选', en: 'Single choice' },
  checkboxes: { zh: '多选', en: 'Multiple choice' },
  checkbox: { zh: '勾选', en: 'Checkbox' },
  'resident-id': { zh: '身份证号', en: 'Resident ID' },
  phone: { zh: '手机号', en: 'Mobile phone' },
  region: { zh: '行政区划', en: 'Region' },
  file: { zh: '附件', en: 'Attachment' },
  table: { zh: '表格（多行）', en: 'Table (rows)' },
};

const STARTER_OPTIONS = [
  { value: 'option1', label: { zh: '选项一', en: 'Option 1' } },
  { value: 'option2', label: { zh: '选项二', en: 'Option 2' } },
];

function optionLabels(): Record<string, LocalizedText> {
  return Object.fromEntries(STARTER_OPTIONS.map((o) => [o.value, o.label]));
}

/** The starting schema and control of a new field; the renderer picks its widget from exactly these. */
export function newField(kind: FieldKindName, scope: string): { schema: JsonSchemaObject; control: ControlElement } {
  const control: ControlElement = { type: 'Control', scope, label: { ...DEFAULT_LABELS[kind] } };
  const values = STARTER_OPTIONS.map((o) => o.value);
  switch (kind) {
    case 'text':
      return { schema: { type: 'string' }, control };
    case 'textarea':
      return { schema: { type: 'string' }, control: { ...control, options: { multi: true } } };
    case 'number':
      return { schema: { type: 'number' }, control };
    case 'integer':
      return { schema: { type: 'integer' }, control };
    case 'date':
      return { schema: { type: 'string', format: 'date' }, control };
    case 'select':
      return { schema: { type: 'string', enum: values }, control: { ...control, options: { labels: optionLabels() } } };
    case 'radio':
      return { schema: { type: 'string', enum: values }, control: { ...control, options: { format: 'radio', labels: optionLabels() } } };
    case 'checkboxes':
      return {
        schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: values } },
        control: { ...control, options: { labels: optionLabels() } },
      };
    case 'checkbox':
      return { schema: { type: 'boolean' }, control };
    case 'resident-id':
      return { schema: { type: 'string', format: 'resident-id' }, control };
    case 'phone':
      return { schema: { type: 'string', format: 'mobile-cn' }, control };
    case 'region':
      return { schema: { type: 'string', format: 'region-code' }, control };
    case 'table':
      // rows of a family list etc.; the columns are edited with setTableColumns
      return {
        schema: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, relation: { type: 'string' } } } },
        control: {
          ...control,
          options: {
            detail: {
              type: 'HorizontalLayout',
              elements: [
                { type: 'Control', scope: '#/properties/name', label: { zh: '姓名', en: 'Name' } },
                { type: 'Control', scope: '#/properties/relation', label: { zh: '关系', en: 'Relation' } },
              ],
            },
          },
        },
      };
    case 'file':
      return { schema: { type: 'object', fileUpload: { maxBytes: 10 * 1024 * 1024 } }, control };
  }
}

export function defaultLabel(kind: FieldKindName): LocalizedText {
  return { ...DEFAULT_LABELS[kind] };
}
