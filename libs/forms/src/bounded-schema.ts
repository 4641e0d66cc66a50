import { isLayout, type UiElement } from './definition';
import { pointerTokens } from './pointers';

/**
 * How many entries an array in a form may hold when its author set no `maxItems`. Every list a client can
 * send is bounded, so no submission makes the server (or the next step's browser) work through an unbounded
 * list; 500 rows is more than any county sheet the forms carry (a batch that needs more says so itself).
 */
export const DEFAULT_MAX_ITEMS = 500;

/** The only signature value accepted: a PNG drawn on the page (canvas.toDataURL), never a link elsewhere. */
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

export function isPngDataUrl(value: unknown): value is string {
  return typeof value === 'string' && PNG_DATA_URL.test(value);
}

/** The format signature fields are checked with (set on the schema ajv compiles, see boundedSchema). */
export const SIGNATURE_FORMAT = 'png-data-url';

/** The largest number of entries an array schema allows: its own maxItems, else the library's default. */
export function maxItemsOf(schema: unknown): number {
  const own = schema && typeof schema === 'object' ? (schema as Record<string, unknown>).maxItems : undefined;
  return typeof own === 'number' ? own : DEFAULT_MAX_ITEMS;
}

// Keywords whose value is one schema, a list of schemas, or a map of name → schema (JSON Schema 2020-12).
const ONE = [
  'items',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function isArraySchema(schema: Record<string, unknown>): boolean {
  const type = schema.type;
  return (
    type === 'array' ||
    (Array.isArray(type) && type.includes('array')) ||
    (type === undefined && ('items' in schema || 'prefixItems' in schema))
  );
}

function boundArrays(schema: unknown, depth: number): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || depth > 64) return;
  const s = schema as Record<string, unknown>;
  if (isArraySchema(s) && typeof s.maxItems !== 'number') s.maxItems = DEFAULT_MAX_ITEMS;
  for (const key of ONE) if (Object.prototype.hasOwnProperty.call(s, key)) boundArrays(s[key], depth + 1);
  for (const key of LIST) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) boundArrays(sub, depth + 1);
  for (const key of MAP) {
    const map = s[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) for (const sub of Object.values(map)) boundArrays(sub, depth + 1);
  }
}

/** The schema node a control's scope points at, in this copy (no $ref resolution: a shared definition stays shared). */
function nodeAt(schema: unknown, scope: string): Record<string, unknown> | undefined {
  let current: unknown = schema;
  for (const token of pointerTokens(scope.replace(/^#/, ''))) {
    if (!current || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : undefined;
}

function markSignatures(schema: unknown, element: UiElement): void {
  if (element.type === 'Control' && element.options?.widget === 'signature') {
    const node = nodeAt(schema, element.scope);
    if (node) node.format = SIGNATURE_FORMAT;
  }
  if (isLayout(element)) for (const child of element.elements ?? []) markSignatures(schema, child);
  if (element.type === 'Control' && element.options?.detail)
    markSignatures(nodeAt(schema, element.scope)?.items ?? nodeAt(schema, element.scope), element.options.detail);
}

/** Fields drawn as a signature pad: `widget: "signature"`, or the `data-url` format the renderer draws the same way. */
function markDataUrls(schema: unknown, depth: number): void {
  if (!schema || typeof schema !== 'object' || depth > 64) return;
  if (Array.isArray(schema)) return schema.forEach((sub) => markDataUrls(sub, depth + 1));
  const s = schema as Record<string, unknown>;
  if (s.format === 'data-url') s.format = SIGNATURE_FORMAT;
  for (const [key, value] of Object.entries(s))
    if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') markDataUrls(value, depth + 1);
}

/**
 * The schema ajv compiles for a form: the author's schema (unchanged, its hash is what submissions are pinned
 * to) with the platform's own bounds added — every array without a maxItems gets DEFAULT_MAX_ITEMS, and every
 * signature field accepts only a PNG data URL.
 */
export function boundedSchema(schema: Record<string, unknown>, uiSchema?: UiElement): Record<string, unknown> {
  const copy = structuredClone(schema);
  boundArrays(copy, 0);
  markDataUrls(copy, 0);
  if (uiSchema) markSignatures(copy, uiSchema);
  return copy;
}
