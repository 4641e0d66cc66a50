import {
  schemaObject,
  type ElementOptions,
  type FormDefinition,
  type JsonSchemaObject,
  type LayoutElement,
  type UiElement,
} from '../definition';
import { feelToCondition } from './feel-condition';
import { finishImport, propertyScope, type ImportResult, type ImportTarget, type Unmapped } from './import-result';

/**
 * Camunda form-js schemas ({components: [...]}) → our definition. form-js keeps data shape in `key`
 * (dotted paths allowed) and `path` on groups and dynamic lists; we rebuild nested object/array schemas
 * from them and a layout from the component order.
 */
export interface FormJsSchema {
  components?: FormJsComponent[];
  id?: string;
  [other: string]: unknown;
}

export interface FormJsComponent {
  type: string;
  key?: string;
  path?: string;
  label?: string;
  description?: string;
  text?: string;
  components?: FormJsComponent[];
  values?: Array<{ label: string; value: unknown }>;
  validate?: Record<string, unknown>;
  conditional?: { hide?: string };
  [other: string]: unknown;
}

/** Component properties that only affect form-js's own editor or layout engine. */
const IGNORED = new Set([
  'id',
  'layout',
  'type',
  'key',
  'path',
  'label',
  'description',
  'components',
  'values',
  'validate',
  'conditional',
  'text',
  'defaultValue',
  'readonly',
  'disabled',
  'subtype',
  'isRepeating',
  'appearance',
  'properties',
]);
const UNSUPPORTED_TYPES: Record<string, string> = {
  button: 'submit/reset buttons are provided by the renderer',
  image: 'images are not form data',
  html: 'raw HTML is not rendered (markdown text is)',
  iframe: 'embedded pages are not rendered',
  spacer: 'layout spacing is the renderer’s',
  separator: 'layout spacing is the renderer’s',
  documentPreview: 'document previews are not supported',
  expression: 'computed fields (FEEL expressions) are not supported',
  filepicker: 'form-js file pickers keep files client-side; use a fileUpload field',
  table: 'read-only tables of process data are not supported',
};

interface Ctx {
  unmapped: Unmapped[];
}

interface Level {
  schema: JsonSchemaObject; // an object schema to add properties to
  scope: string;
}

function fieldSchema(c: FormJsComponent, path: string, ctx: Ctx): JsonSchemaObject | undefined {
  const options = c.values?.map((v) => v.value);
  if ((c.valuesKey || c.valuesExpression) && !c.values) {
    ctx.unmapped.push({
      path: `${path}/valuesKey`,
      reason: 'options loaded from process variables at runtime; the field accepts any value',
    });
  }
  switch (c.type) {
    case 'textfield':
    case 'textarea':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'checkbox':
      return { type: 'boolean' };
    case 'radio':
    case 'select':
      return options ? { enum: options } : { type: 'string' };
    case 'checklist':
    case 'taglist':
      return { type: 'array', uniqueItems: true, items: options ? { enum: options } : { type: 'string' } };
    case 'datetime': {
      const subtype = (c.subtype as string) ?? 'date';
      return { type: 'string', format: subtype === 'time' ? 'time' : subtype === 'datetime' ? 'date-time' : 'date' };
    }
    default:
      return undefined;
  }
}

function applyValidation(schema: JsonSchemaObject, c: FormJsComponent, path: string, ctx: Ctx): boolean {
  // limits are carried over as form-js has them; checkDefinition reports one that is not a number (or a pattern not a string)
  const keywords: Record<string, unknown> = schema;
  let required = false;
  for (const [rule, value] of Object.entries(c.validate ?? {})) {
    if (typeof value === 'string' && value.startsWith('=')) {
      ctx.unmapped.push({ path: `${path}/validate/${rule}`, reason: `FEEL expression ${value} evaluated at runtime; not enforced` });
      continue;
    }
    if (rule === 'required') required = value === true;
    else if (rule === 'min') keywords.minimum = value;
    else if (rule === 'max') keywords.maximum = value;
    else if (rule === 'minLength' || rule === 'maxLength' || rule === 'pattern') keywords[rule] = value;
    else if (rule === 'validationType' && value === 'email') schema.format = 'email';
    else if (rule === 'validationType' && value === 'phone') schema.format = 'mobile-cn';
    else ctx.unmapped.push({ path: `${path}/validate/${rule}`, reason: `validation rule "${rule}" has no counterpart` });
  }
  if (required && schema.type === 'array') schema.minItems = 1;
  if (required && schema.type === 'boolean') schema.const = true;
  return required;
}

/** Walks `a.b.c` below a level, creating the intermediate object schemas. */
function descend(level: Level, dotted: string): { level: Level; name: string } {
  const parts = dotted.split('.');
  let current = level;
  for (const part of parts.slice(0, -1))
    current = { schema: objectProperty(current.schema, part), scope: propertyScope(current.scope, part) };
  return { level: current, name: parts[parts.length - 1] };
}

/** The object schema of property `name`, added when the object has none yet. */
function objectProperty(schema: JsonSchemaObject, name: string): JsonSchemaObject {
  schema.properties ??= {};
  const existing = schemaObject(schema.properties[name]);
  if (existing) return existing;
  const created: JsonSchemaObject = { type: 'object', properties: {} };
  schema.properties[name] = created;
  return created;
}

function convertAll(components: FormJsComponent[], level: Level, path: string, ctx: Ctx): UiElement[] {
  return components.map((c, i) => convert(c, level, `${path}/${i}`, ctx)).filter((e): e is UiElement => !!e);
}

function withCommon(element: UiElement, c: FormJsComponent, path: string, ctx: Ctx): UiElement {
  if (c.conditional?.hide) {
    const condition = feelToCondition(c.conditional.hide);
    if (condition) element.rule = { effect: 'HIDE', condition };
    else
      ctx.unmapped.push({
        path: `${path}/conditional/hide`,
        reason: `FEEL condition ${c.conditional.hide} is not a simple comparison; the field is always shown`,
      });
  }
  if (c.readonly === true || c.disabled === true) element.options = { ...element.options, readonly: true };
  else if (typeof c.readonly === 'string')
    ctx.unmapped.push({ path: `${path}/readonly`, reason: `FEEL readonly ${c.readonly} is not supported` });
  for (const key of Object.keys(c))
    if (!IGNORED.has(key) && key !== 'valuesKey' && key !== 'valuesExpression' && key !== 'action' && key !== 'alt')
      ctx.unmapped.push({ path: `${path}/${key}`, reason: `property "${key}" has no counterpart` });
  return element;
}

function convert(c: FormJsComponent, level: Level, path: string, ctx: Ctx): UiElement | undefined {
  if (UNSUPPORTED_TYPES[c.type]) {
    ctx.unmapped.push({ path, reason: `${c.type}: ${UNSUPPORTED_TYPES[c.type]}` });
    return undefined;
  }
  if (c.type === 'text') return withCommon({ type: 'Label', text: String(c.text ?? '') }, c, path, ctx);
  if (c.type === 'group' || c.type === 'dynamiclist') {
    const target = c.path ? descend(level, c.path) : undefined;
    let inner = level;
    let element: LayoutElement | UiElement;
    if (c.type === 'dynamiclist' && target) {
      const item: JsonSchemaObject = { type: 'object', properties: {} };
      target.level.schema.properties ??= {};
      target.level.schema.properties[target.name] = { type: 'array', items: item };
      const detail: LayoutElement = {
        type: 'VerticalLayout',
        elements: convertAll(c.components ?? [], { schema: item, scope: '#' }, `${path}/components`, ctx),
      };
      element = { type: 'Control', scope: propertyScope(target.level.scope, target.name), options: { detail } };
      if (c.label) element.label = c.label;
      return withCommon(element, c, path, ctx);
    }
    if (target) inner = { schema: objectProperty(target.level.schema, target.name), scope: propertyScope(target.level.scope, target.name) };
    element = { type: 'Group', elements: convertAll(c.components ?? [], inner, `${path}/components`, ctx) };
    if (c.label) element.label = c.label;
    return withCommon(element, c, path, ctx);
  }
  const schema = fieldSchema(c, path, ctx);
  if (!schema || !c.key) {
    ctx.unmapped.push({ path, reason: schema ? 'field without a key holds no data' : `component type "${c.type}" is not supported` });
    return undefined;
  }
  const { level: owner, name } = descend(level, c.key);
  if (c.label) schema.title = c.label;
  if (c.defaultValue !== undefined && !(typeof c.defaultValue === 'string' && c.defaultValue.startsWith('=')))
    schema.default = c.defaultValue;
  const required = applyValidation(schema, c, path, ctx);
  owner.schema.properties ??= {};
  owner.schema.properties[name] = schema;
  if (required) owner.schema.required = [...(owner.schema.required ?? []), name];
  const options: ElementOptions = {};
  if (c.type === 'textarea') options.multi = true;
  if (c.type === 'radio') options.format = 'radio';
  if (c.type === 'checklist') options.format = 'checkbox';
  const control: UiElement = { type: 'Control', scope: propertyScope(owner.scope, name) };
  if (c.label) control.label = c.label;
  if (c.description) control.description = c.description;
  if (Object.keys(options).length) control.options = options;
  return withCommon(control, c, path, ctx);
}

export function importFormJs(source: FormJsSchema, target: ImportTarget): ImportResult {
  const ctx: Ctx = { unmapped: [] };
  const schema: JsonSchemaObject = { type: 'object', properties: {} };
  const elements = convertAll(source.components ?? [], { schema, scope: '#' }, '/components', ctx);
  const definition: FormDefinition = {
    key: target.key,
    version: target.version ?? 1,
    title: target.title ?? (typeof source.id === 'string' ? source.id : target.key),
    schema,
    uiSchema: { type: 'VerticalLayout', elements },
  };
  return finishImport(definition, ctx.unmapped);
}
