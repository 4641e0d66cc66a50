import { jsonObject, type ElementOptions, type FormDefinition, type JsonSchemaObject, type UiElement } from '../definition';
import { schemaAtPointer } from '../pointers';
import { finishImport, normalizeSchema, propertyScope, type ImportResult, type ImportTarget, type Unmapped } from './import-result';

/** Options the renderer understands; anything else is reported (it would be silently ignored otherwise). */
export const SUPPORTED_OPTIONS = new Set([
  'format',
  'multi',
  'widget',
  'readonly',
  'readOnly',
  'detail',
  'variant',
  'showNavButtons',
  'elementLabelProp',
  'trim',
  'restrict',
  'toggle',
  'placeholder',
  'rows',
  'accept',
  'maxBytes',
  'addable',
  'removable',
  'help',
  'hideRequiredAsterisk',
  'showUnfocusedDescription',
  'labelRef',
  'columns',
  'labels',
]);

const LAYOUTS = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category']);

export interface JsonFormsExample {
  schema: JsonSchemaObject;
  uischema?: Record<string, unknown>;
  data?: unknown;
  label?: string;
}

/** The UI schema JSON Forms generates when an example has none: one control per root property. */
export function defaultUiSchema(schema: JsonSchemaObject): UiElement {
  return {
    type: 'VerticalLayout',
    elements: Object.keys(schema.properties ?? {}).map((name) => ({ type: 'Control' as const, scope: propertyScope('#', name) })),
  };
}

function convertOptions(source: unknown, path: string, unmapped: Unmapped[], schema: JsonSchemaObject): ElementOptions | undefined {
  const options = jsonObject(source);
  if (!options) return undefined;
  const out: ElementOptions = {};
  for (const [name, value] of Object.entries(options)) {
    if (!SUPPORTED_OPTIONS.has(name)) {
      unmapped.push({ path: `${path}/options/${name}`, reason: `option "${name}" is not supported by the renderer; ignored` });
      continue;
    }
    out[name] =
      name === 'detail' && jsonObject(value)?.type ? convertElement(value, `${path}/options/detail`, unmapped, schema, true) : value;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * One JSON Forms UI element as ours. The source is JSON from elsewhere: what our model holds is carried over
 * as found (checkDefinition reports what does not fit), so the element is built as a record and then typed.
 */
function convertElement(
  source: unknown,
  path: string,
  unmapped: Unmapped[],
  schema: JsonSchemaObject,
  detail = false,
): UiElement | undefined {
  const element = jsonObject(source) ?? {};
  const { type, label, options, rule, elements, text, i18n } = element;
  const common: Record<string, unknown> = {};
  if (label !== undefined) {
    const labelObject = jsonObject(label);
    if (labelObject && 'text' in labelObject) common.label = labelObject.show === false ? false : labelObject.text;
    else common.label = label;
  }
  const ruleObject = jsonObject(rule);
  if (ruleObject) common.rule = { ...ruleObject, condition: normalizeCondition(ruleObject.condition, `${path}/rule/condition`, unmapped) };
  if (i18n) common.i18n = i18n;
  const convertedOptions = convertOptions(options, path, unmapped, schema);
  if (convertedOptions) common.options = convertedOptions;
  if (type === 'Control' || type === 'ListWithDetail') {
    const scope = normalizeScope(element.scope, path, unmapped);
    if (type === 'ListWithDetail')
      unmapped.push({ path, reason: 'ListWithDetail is rendered as an editable table (Control over the array)' });
    // Detail layouts are relative to the array item, so their scopes cannot be checked against the root.
    if (!detail && schemaAtPointer(schema, scope) === undefined) {
      unmapped.push({ path: `${path}/scope`, reason: `scope ${scope} is not in the schema; control dropped` });
      return undefined;
    }
    return { type: 'Control', scope, ...common } as UiElement;
  }
  if (type === 'Label') return { type: 'Label', text: text ?? '', ...common } as UiElement;
  if (typeof type === 'string' && LAYOUTS.has(type)) {
    const children = (Array.isArray(elements) ? elements : [])
      .map((child: unknown, i: number) => convertElement(child, `${path}/elements/${i}`, unmapped, schema, detail))
      .filter(Boolean);
    return { type, elements: children, ...common } as UiElement;
  }
  unmapped.push({ path, reason: `UI element type "${String(type)}" is not supported; dropped` });
  return undefined;
}

/** "#/" means the root; a scope missing its "#" (seen in the examples) is repaired and reported. */
function normalizeScope(scope: unknown, path: string, unmapped: Unmapped[]): string {
  if (scope === '#/' || scope === '#') return '#';
  if (typeof scope === 'string' && scope.startsWith('/')) {
    unmapped.push({ path: `${path}/scope`, reason: `scope "${scope}" lacks the leading "#"; read as "#${scope}"` });
    return `#${scope}`;
  }
  return String(scope);
}

/** Scopes repaired through nested OR/AND conditions; what is not an object is left for checkDefinition to report. */
function normalizeCondition(source: unknown, path: string, unmapped: Unmapped[]): unknown {
  const condition = jsonObject(source);
  if (!condition) return source;
  if (Array.isArray(condition.conditions)) {
    return {
      ...condition,
      conditions: condition.conditions.map((c: unknown, i: number) => normalizeCondition(c, `${path}/conditions/${i}`, unmapped)),
    };
  }
  return condition.scope === undefined ? condition : { ...condition, scope: normalizeScope(condition.scope, path, unmapped) };
}

/** Our forms hold an object; a JSON Forms example over a bare value gets wrapped as {value}. */
function wrapRoot(example: JsonFormsExample, unmapped: Unmapped[]): JsonFormsExample {
  const { schema } = example;
  if (schema.type === 'object' || (schema.type === undefined && schema.properties)) return example;
  unmapped.push({ path: '/schema', reason: 'the root is not an object; wrapped as the property "value"' });
  const { definitions, $defs, $id: _id, $schema: _schema, ...valueSchema } = schema;
  // "#" inside the old root now means the wrapped value.
  // both keep the shape of what they copy: a schema stays a schema, a UI schema a UI schema
  const rebase = <T>(node: T): T => {
    if (Array.isArray(node)) return node.map(rebase) as T;
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && v === '#' ? '#/properties/value' : rebase(v)])) as T;
  };
  const rescope = <T>(node: T): T => {
    if (Array.isArray(node)) return node.map(rescope) as T;
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === 'scope' && typeof v === 'string' && /^#\/?$|^#?\//.test(v)
          ? `#/properties/value${v.replace(/^#?\/?/, v.length > 2 ? '/' : '')}`.replace(/\/$/, '')
          : rescope(v);
    }
    return out as T;
  };
  return {
    ...example,
    schema: {
      type: 'object',
      properties: { value: rebase(valueSchema) },
      ...(definitions ? { definitions: rebase(definitions) } : {}),
      ...($defs ? { $defs: rebase($defs) } : {}),
    },
    uischema: example.uischema ? rescope(example.uischema) : undefined,
    data: example.data === undefined ? undefined : { value: example.data },
  };
}

/** A JSON Forms example ({schema, uischema, data}) as our definition; its UI schema model is ours already. */
export function importJsonForms(source: JsonFormsExample, target: ImportTarget): ImportResult {
  const unmapped: Unmapped[] = [];
  const example = wrapRoot(source, unmapped);
  const schema = normalizeSchema(example.schema, unmapped);
  if (schema.type === undefined && schema.properties) schema.type = 'object';
  if (schema.type !== 'object') unmapped.push({ path: '/schema/type', reason: 'only object-rooted schemas make a form' });
  const uiSchema = example.uischema
    ? (convertElement(example.uischema, '/uiSchema', unmapped, schema) ?? defaultUiSchema(schema))
    : defaultUiSchema(schema);
  const definition: FormDefinition = {
    key: target.key,
    version: target.version ?? 1,
    title: target.title ?? example.label ?? target.key,
    schema,
    uiSchema,
  };
  return finishImport(definition, unmapped, example.data);
}
