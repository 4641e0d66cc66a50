import {
  jsonObject,
  schemaObject,
  type ControlElement,
  type ElementOptions,
  type FormDefinition,
  type JsonSchema,
  type JsonSchemaObject,
  type LayoutElement,
  type RuleCondition,
  type SchemaCondition,
  type UiElement,
} from '../definition';
import { resolveRef } from '../pointers';
import { finishImport, normalizeSchema, propertyScope, type ImportResult, type ImportTarget, type Unmapped } from './import-result';

/**
 * react-jsonschema-form (schema + uiSchema + formData) → our definition. rjsf's uiSchema mirrors the data
 * shape; ours is a layout tree, so we walk the schema's properties in `ui:order` and emit one Control per
 * leaf, a Group per nested object, and a detail layout per array of objects. Conditional schemas
 * (dependencies, if/then/else) stay in the schema; fields they add get a rule that shows them when the
 * condition holds.
 */
export interface RjsfSample {
  schema: JsonSchemaObject;
  uiSchema?: RjsfUi;
  formData?: unknown;
}

/** rjsf's uiSchema for one object or field: "ui:" keys for it, property names for its children. */
type RjsfUi = Record<string, unknown>;

const uiAt = (ui: RjsfUi, key: string): RjsfUi => jsonObject(ui[key]) ?? {};

const WIDGET_OPTIONS: Record<string, ElementOptions | null> = {
  textarea: { multi: true },
  radio: { format: 'radio' },
  select: {},
  checkboxes: { format: 'checkbox' },
  checkbox: {},
  password: { format: 'password' },
  updown: {},
  range: {},
  date: {},
  'alt-date': {},
  datetime: {},
  'alt-datetime': {},
  time: {},
  email: {},
  uri: {},
  file: { widget: 'file' },
  color: null,
};

const KEPT_UI_OPTIONS = new Set(['rows', 'accept', 'addable', 'removable', 'placeholder']);
/** Presentation hints with no counterpart in the renderer; reported, never silently dropped. */
const HINTS = new Set([
  'ui:autofocus',
  'ui:emptyValue',
  'ui:autocomplete',
  'ui:enableMarkdownInDescription',
  'ui:className',
  'ui:classNames',
  'ui:disabled',
  'ui:readonly',
  'ui:style',
  'ui:label',
  'ui:rootFieldId',
  'ui:submitButtonOptions',
  'ui:duplicateKeySuffixSeparator',
]);

interface Walk {
  root: JsonSchemaObject;
  unmapped: Unmapped[];
}

function order(names: string[], uiOrder: unknown, path: string, unmapped: Unmapped[]): string[] {
  if (!Array.isArray(uiOrder)) return names;
  const listed = uiOrder.filter((n) => n !== '*' && names.includes(n));
  const missing = uiOrder.filter((n) => n !== '*' && !names.includes(n));
  if (missing.length) unmapped.push({ path: `${path}/ui:order`, reason: `ui:order names unknown properties: ${missing.join(', ')}` });
  const rest = names.filter((n) => !listed.includes(n));
  const star = uiOrder.indexOf('*');
  return star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

function controlFor(scope: string, ui: RjsfUi, path: string, w: Walk): ControlElement {
  const control: ControlElement = { type: 'Control', scope };
  const options: ElementOptions = {};
  for (const [key, value] of Object.entries(ui ?? {})) {
    if (!key.startsWith('ui:')) continue;
    if (key === 'ui:widget') {
      if (value === 'hidden') control.rule = { effect: 'HIDE', condition: { scope: '#', schema: {} } };
      else if (typeof value === 'string' && WIDGET_OPTIONS[value]) Object.assign(options, WIDGET_OPTIONS[value]);
      else
        w.unmapped.push({ path: `${path}/ui:widget`, reason: `widget ${JSON.stringify(value)} has no counterpart; default widget used` });
    } else if (key === 'ui:title') control.label = String(value);
    else if (key === 'ui:description' || key === 'ui:help') {
      if (control.description === undefined) control.description = String(value);
      else options.help = String(value);
    } else if (key === 'ui:placeholder') options.placeholder = String(value);
    else if (key === 'ui:options') {
      for (const [name, v] of Object.entries(jsonObject(value) ?? {})) {
        if (KEPT_UI_OPTIONS.has(name)) options[name] = v;
        else if (name === 'label' && v === false) control.label = false;
        else w.unmapped.push({ path: `${path}/ui:options/${name}`, reason: `ui:options.${name} is not supported by the renderer` });
      }
    } else if (key === 'ui:field') {
      w.unmapped.push({ path: `${path}/ui:field`, reason: `custom field ${JSON.stringify(value)} is code, not data; default widget used` });
    } else if (key !== 'ui:order') {
      w.unmapped.push({
        path: `${path}/${key}`,
        reason: HINTS.has(key) ? `${key} is a presentation hint the renderer does not support` : `${key} is not supported`,
      });
    }
  }
  if (Object.keys(options).length) control.options = options;
  return control;
}

/** Properties a branch adds (dependencies, if/then/else), each with the condition that reveals it. */
interface ConditionalField {
  name: string;
  condition: SchemaCondition;
  schema: JsonSchema;
}

function conditionalFields(schema: JsonSchemaObject, w: Walk): ConditionalField[] {
  const own = new Set(Object.keys(schema.properties ?? {}));
  const out: ConditionalField[] = [];
  const add = (branch: unknown, condition: SchemaCondition) => {
    const b = schemaObject(resolveRef(w.root, branch));
    for (const [name, sub] of Object.entries(b?.properties ?? {}))
      if (!own.has(name)) out.push({ name, condition, schema: resolveRef(w.root, sub) });
  };
  const ifThen = (s: JsonSchemaObject | undefined) => {
    if (s?.if && s.then) add(s.then, { scope: '#', schema: s.if });
    if (s?.if && s.else) add(s.else, { scope: '#', schema: { not: s.if } });
  };
  ifThen(schema);
  for (const sub of schema.allOf ?? []) ifThen(schemaObject(resolveRef(w.root, sub)));
  for (const [key, value] of Object.entries(schema.dependencies ?? schema.dependentSchemas ?? {})) {
    const dep = schemaObject(value);
    if (!dep) continue; // a list of required names adds no field
    if (Array.isArray(dep.oneOf)) {
      for (const branch of dep.oneOf) {
        const keySchema = schemaObject(branch)?.properties?.[key];
        add(branch, { scope: '#', schema: { required: [key], properties: keySchema ? { [key]: keySchema } : {} } });
      }
    } else add(dep, { scope: '#', schema: { required: [key] } });
  }
  return out;
}

/**
 * The form-level declaration of a property only conditional branches declare (the field needs a schema to get a
 * widget): the branch's own schema when every branch agrees, else the type they share, else nothing.
 */
function branchDeclaration(schemas: JsonSchema[]): { declared: JsonSchema; reason: string } {
  const distinct = [...new Set(schemas.map((s) => JSON.stringify(s ?? {})))];
  if (distinct.length === 1 && distinct[0] !== '{}') {
    return {
      declared: JSON.parse(distinct[0]) as JsonSchema,
      reason: "declared only in a conditional branch: shown by a rule, with the branch's schema (the branch still validates it)",
    };
  }
  const types = [...new Set(schemas.map((s) => schemaObject(s)?.type))];
  if (types.length === 1 && typeof types[0] === 'string') {
    return {
      declared: { type: types[0] },
      reason: `declared only in conditional branches that differ: shown by a rule, entered as ${types[0]}; the branches still validate it`,
    };
  }
  return {
    declared: {},
    reason: 'declared only in conditional branches with no common type: shown by a rule, but the renderer has no widget for it',
  };
}

/** Elements for an object's properties; `scopeBase` is the scope of the object ("#" at the root or a detail). */
function objectElements(schema: JsonSchema | undefined, ui: RjsfUi, scopeBase: string, path: string, w: Walk): UiElement[] {
  const resolved = schemaObject(resolveRef(w.root, schema)) ?? {};
  const target = schemaObject(refTarget(w.root, schema)) ?? {}; // the object to amend, not resolveRef's merged copy
  const extra = conditionalFields(resolved, w);
  const names = order([...Object.keys(resolved.properties ?? {}), ...new Set(extra.map((e) => e.name))], ui['ui:order'], path, w.unmapped);
  const elements: UiElement[] = [];
  for (const name of names) {
    const scope = propertyScope(scopeBase, name);
    const element = elementFor(resolved.properties?.[name] ?? {}, uiAt(ui, name), scope, `${path}/${name}`, w);
    const conditions = extra.filter((e) => e.name === name).map((e) => e.condition);
    if (conditions.length) {
      // Absolute scopes inside conditions refer to this object.
      const relative = conditions.map((c) => ({ ...c, scope: scopeBase }));
      const condition: RuleCondition = relative.length === 1 ? relative[0] : { type: 'OR', conditions: relative };
      element.rule = { effect: 'SHOW', condition };
      if (!resolved.properties?.[name]) {
        const { declared, reason } = branchDeclaration(extra.filter((e) => e.name === name).map((e) => e.schema));
        target.properties = { ...(target.properties ?? {}), [name]: declared };
        w.unmapped.push({ path: `${path}/${name}`, reason });
      }
    }
    elements.push(element);
  }
  for (const key of Object.keys(ui)) {
    if (!key.startsWith('ui:') && !names.includes(key))
      w.unmapped.push({ path: `${path}/${key}`, reason: 'uiSchema entry for a property the schema does not have' });
  }
  return elements;
}

/** The schema object a $ref chain ends at (itself, not a merged copy). */
function refTarget(root: JsonSchemaObject, schema: unknown, depth = 0): unknown {
  const ref = schemaObject(schema)?.$ref;
  if (depth > 20 || typeof ref !== 'string') return schema;
  let node: unknown = root;
  for (const token of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return refTarget(root, node, depth + 1);
}

function elementFor(raw: JsonSchema, ui: RjsfUi, scope: string, path: string, w: Walk): UiElement {
  const schema = schemaObject(resolveRef(w.root, raw)) ?? {};
  if (schema.type === 'object' && schema.properties && !ui['ui:field'] && !ui['ui:widget']) {
    const group: LayoutElement = { type: 'Group', elements: objectElements(raw, ui, scope, path, w) };
    if (ui['ui:title'] ?? schema.title) group.label = String(ui['ui:title'] ?? schema.title);
    for (const key of Object.keys(ui))
      if (key.startsWith('ui:') && key !== 'ui:order' && key !== 'ui:title')
        w.unmapped.push({ path: `${path}/${key}`, reason: `${key} on an object group is not supported` });
    return group;
  }
  const { items: itemsUi, additionalItems: additionalUi, ...ownUi } = ui;
  const control = controlFor(scope, ownUi, path, w);
  const items = schemaObject(resolveRef(w.root, schema.items));
  const itemsUiObject = jsonObject(itemsUi);
  if (schema.type === 'array' && items?.type === 'object' && items.properties && itemsUiObject) {
    control.options = {
      ...control.options,
      detail: { type: 'VerticalLayout', elements: objectElements(schema.items, itemsUiObject, '#', `${path}/items`, w) },
    };
  } else if (itemsUi) {
    w.unmapped.push({ path: `${path}/items`, reason: 'uiSchema for array items other than objects is not supported' });
  }
  if (additionalUi) w.unmapped.push({ path: `${path}/additionalItems`, reason: 'uiSchema for additional tuple items is not supported' });
  return control;
}

export function importRjsf(sample: RjsfSample, target: ImportTarget): ImportResult {
  const unmapped: Unmapped[] = [];
  const schema = normalizeSchema(sample.schema, unmapped);
  if (schema.type === undefined) schema.type = 'object';
  const ui = sample.uiSchema ?? {};
  const uiDefinitions = jsonObject(ui['ui:definitions']);
  if (uiDefinitions) {
    for (const ref of Object.keys(uiDefinitions))
      unmapped.push({
        path: `/uiSchema/ui:definitions/${ref.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        reason: 'per-$ref UI (ui:definitions) is not supported',
      });
  }
  const { 'ui:definitions': _defs, ...rootUi } = ui;
  const w: Walk = { root: schema, unmapped };
  const uiSchema: LayoutElement = { type: 'VerticalLayout', elements: objectElements(schema, rootUi, '#', '/uiSchema', w) };
  const definition: FormDefinition = {
    key: target.key,
    version: target.version ?? 1,
    title: target.title ?? (typeof schema.title === 'string' ? schema.title : target.key),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
    uiSchema,
  };
  return finishImport(definition, unmapped, sample.formData);
}
