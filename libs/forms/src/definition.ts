/** The form definition model: JSON Schema 2020-12 for the data, a JSON Forms-style UI schema for the layout. */

export interface LocalizedText {
  zh: string;
  en: string;
}

/** Either one string for both languages or a {zh, en} pair. */
export type Text = string | LocalizedText;

/** Any JSON value: what a form's data, a schema's `default`, `const` and `enum` hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * A JSON Schema (2020-12, with draft-07's `definitions`/`dependencies` as imported forms carry them) as an
 * object. The keywords the forms read are named with the types the specification gives them; the rest (the
 * custom keywords of custom-keywords.ts, annotations) are `unknown` and narrowed where read. A schema comes
 * from JSON that may have been written by hand, so readers still check shapes that matter (arrays, objects).
 */
export interface JsonSchemaObject {
  $id?: string;
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  pattern?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  dependentRequired?: Record<string, string[]>;
  dependentSchemas?: Record<string, JsonSchema>;
  /** draft-07: a list of required names or a schema, per property. */
  dependencies?: Record<string, string[] | JsonSchema>;
  readOnly?: boolean;
  /** Our keywords (custom-keywords.ts): a file's limits (FileLimits there), a [start, end] date pair. */
  fileUpload?: { maxBytes?: number; accept?: string[] };
  dateRange?: boolean;
  [keyword: string]: unknown;
}

export type JsonSchema = JsonSchemaObject | boolean;

/** The schema as an object, or undefined for a boolean schema, a missing one or a value that is no schema. */
export function schemaObject(schema: unknown): JsonSchemaObject | undefined {
  return schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? (schema as JsonSchemaObject) : undefined;
}

/** A plain JSON object (not an array, not null), or undefined. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';

/** The value at `scope` is checked against `schema` (what the builder writes). */
export interface SchemaCondition {
  /** "#" (the whole form) or "#/properties/x/properties/y" */
  scope: string;
  schema?: JsonSchema;
  /** JSON Forms' option: when the scoped value is missing, the condition fails instead of passing. */
  failWhenUndefined?: boolean;
  type?: undefined;
}

/** JSON Forms' older form: the value at `scope` equals `expectedValue`. */
export interface LeafCondition {
  type: 'LEAF';
  scope: string;
  expectedValue: unknown;
}

/** Conditions joined (imported forms: an RJSF field shown by several `dependencies` branches). */
export interface CompoundCondition {
  type: 'OR' | 'AND';
  conditions: RuleCondition[];
}

export type RuleCondition = SchemaCondition | LeafCondition | CompoundCondition;

export function isCompoundCondition(condition: RuleCondition): condition is CompoundCondition {
  return condition.type === 'OR' || condition.type === 'AND';
}

export interface Rule {
  effect: RuleEffect;
  condition: RuleCondition;
}

/**
 * JSON Forms' `options` on an element: the ones the renderer reads, typed; others a form may carry (imported
 * from JSON Forms or RJSF) are kept as `unknown`.
 */
export interface ElementOptions {
  /** A widget other than the schema's own: "signature", "file", "region", "date-range". */
  widget?: string;
  /** "radio" for choices and yes/no, "select" for multi-choice, "password" for text. */
  format?: string;
  /** Text over several lines. */
  multi?: boolean;
  /** Lines of a multi-line text. */
  rows?: number;
  /** A boolean as a switch. */
  toggle?: boolean;
  /** Typing stops at maxLength instead of an error afterwards. */
  restrict?: boolean;
  readonly?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  help?: string;
  /** Captions of enum values, by value. */
  labels?: Record<string, Text>;
  /** The layout of a table's rows or a nested object. */
  detail?: UiElement;
  addable?: boolean;
  removable?: boolean;
  /** Categorization: "stepper" for previous/next steps instead of tabs. */
  variant?: string;
  showNavButtons?: boolean;
  [option: string]: unknown;
}

interface BaseElement {
  rule?: Rule;
  options?: ElementOptions;
  label?: Text | boolean;
}

export interface ControlElement extends BaseElement {
  type: 'Control';
  scope: string;
  /** Help text shown under the field. */
  description?: Text;
}

export interface LayoutElement extends BaseElement {
  type: 'VerticalLayout' | 'HorizontalLayout' | 'Group' | 'Categorization' | 'Category';
  elements: UiElement[];
}

export interface LabelElement extends BaseElement {
  type: 'Label';
  text: Text;
}

export type UiElement = ControlElement | LayoutElement | LabelElement;

export interface FormDefinition {
  key: string;
  version: number;
  title: Text;
  description?: Text;
  schema: JsonSchemaObject;
  uiSchema: UiElement;
}

export function textIn(text: Text | undefined, locale: 'zh' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[locale];
}

export function localized(text: Text): LocalizedText {
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

export function isLayout(element: UiElement): element is LayoutElement {
  return element.type !== 'Control' && element.type !== 'Label';
}
