import { pointerTokens, resolveRef, schemaObject, type JsonSchema, type JsonSchemaObject } from '@kcbx/forms';

const found = new WeakMap<object, Map<string, JsonSchema | undefined>>();

/** The sub-schema at a scope, starting from `start` (a row's item schema, say) with $refs resolved against the form. */
export function schemaAt(root: JsonSchema | undefined, start: JsonSchema | undefined, scope: string): JsonSchema | undefined {
  // Kept per starting schema (and form): every row of a table asks the same of its item schema, and a field
  // asks again for its parent's required list.
  if (!start || typeof start !== 'object' || !root || typeof root !== 'object') return walk(root, start, scope);
  let known = found.get(start);
  if (!known) {
    known = new Map();
    found.set(start, known);
  }
  const key = start === root ? scope : `${scope}\u0000${formKey(root)}`;
  if (known.has(key)) return known.get(key);
  const schema = walk(root, start, scope);
  known.set(key, schema);
  return schema;
}

// A start schema inside one form resolves its $refs against that form's root; ids tell roots apart.
const rootIds = new WeakMap<object, number>();
let nextRootId = 0;
function formKey(root: object): number {
  let id = rootIds.get(root);
  if (id === undefined) rootIds.set(root, (id = nextRootId++));
  return id;
}

function walk(root: JsonSchema | undefined, start: JsonSchema | undefined, scope: string): JsonSchema | undefined {
  // a schema, or the map of a schema's properties after a "properties" token
  let current: unknown = resolveRef(root, start);
  for (const token of pointerTokens(scope.replace(/^#\/?$/, '').replace(/^#/, ''))) {
    // an array too ("allOf/0"): its indices are keys
    const node = current !== null && typeof current === 'object' ? (current as JsonSchemaObject) : undefined;
    if (!node) return undefined;
    if (token === 'properties') current = propertiesOf(root, node);
    else current = resolveRef(root, node[token]);
  }
  return typeof current === 'boolean' ? current : schemaObject(current);
}

const mergedProperties = new WeakMap<object, Record<string, JsonSchema>>();

/**
 * Own properties plus those declared in allOf/anyOf/oneOf/then/else branches. Kept per schema object: every
 * field looks up its schema through its parent's properties, and merging a 500-property object afresh for
 * each of 500 fields was the largest cost of mounting a large form (profiled in Chromium).
 */
function propertiesOf(root: JsonSchema | undefined, schema: JsonSchemaObject): Record<string, JsonSchema> {
  let known = mergedProperties.get(schema);
  if (!known) {
    known = mergeProperties(root, schema);
    mergedProperties.set(schema, known);
  }
  return known;
}

function mergeProperties(root: JsonSchema | undefined, schema: JsonSchemaObject, depth = 0): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const list = (k: 'allOf' | 'anyOf' | 'oneOf') => (Array.isArray(schema[k]) ? (schema[k] ?? []) : []);
  const branches = [...list('allOf'), ...list('anyOf'), ...list('oneOf'), schema.then, schema.else];
  for (const b of branches) {
    if (!schemaObject(b)) continue;
    const branch = schemaObject(resolveRef(root, b));
    // branches nest (an allOf whose $ref is itself an allOf): follow them a few levels, as @kcbx/forms does
    if (branch) Object.assign(out, depth < 10 ? mergeProperties(root, branch, depth + 1) : (branch.properties ?? {}));
  }
  return { ...out, ...(schema.properties ?? {}) };
}

/** The names of an object's properties, those its allOf/anyOf/oneOf/then/else branches declare included. */
export function propertyNamesOf(root: JsonSchema | undefined, schema: JsonSchema | undefined): string[] {
  const resolved = schemaObject(resolveRef(root, schema));
  return resolved ? Object.keys(propertiesOf(root, resolved)) : [];
}

const requiredSets = new WeakMap<object, Set<string>>();

/** Whether the parent object lists this property as required. */
export function isRequired(root: JsonSchema | undefined, start: JsonSchema | undefined, scope: string): boolean {
  const match = /^(.*)\/properties\/([^/]+)$/.exec(scope);
  if (!match) return false;
  const parent = schemaObject(schemaAt(root, start, match[1] || '#'));
  if (!parent || !Array.isArray(parent.required)) return false;
  // A set per schema object: a 500-field form asks 500 times of one 170-name list.
  let required = requiredSets.get(parent.required);
  if (!required) {
    required = new Set(parent.required);
    requiredSets.set(parent.required, required);
  }
  return required.has(match[2].replace(/~1/g, '/').replace(/~0/g, '~'));
}
