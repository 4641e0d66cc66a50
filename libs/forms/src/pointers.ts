/** JSON pointers for data ("/guardians/0/phone") and JSON Forms scopes ("#/properties/guardians"). */
import { jsonObject, schemaObject, type JsonSchema, type JsonSchemaObject } from './definition';
import { escapePointerToken } from './json-positions';
import { hasOwn } from './own-data';

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapePointerToken(String(token))}`;
}

/** "#/properties/a/properties/b" → "/a/b"; "#/properties/rows/items/properties/x" → "/rows/*\/x". */
export function scopeToDataPath(scope: string): string {
  const tokens = pointerTokens(scope.replace(/^#/, ''));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'properties' && i + 1 < tokens.length) out.push(escapePointerToken(tokens[++i]));
    else if (tokens[i] === 'items') out.push('*');
  }
  return out.length ? `/${out.join('/')}` : '';
}

/** "guardians.0.phone" or "/guardians/0/phone" → "/guardians/0/phone". */
export function toDataPath(path: string): string {
  if (path === '' || path.startsWith('/')) return path;
  return `/${path.split('.').map(escapePointerToken).join('/')}`;
}

export function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const token of pointerTokens(pointer)) {
    // Own properties only: "/toString" names nothing in {} (an inherited function is not data).
    if (!hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** True when `path` is `ancestor` itself or lies under it; "*" in the ancestor matches any array index. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  if (!ancestor.includes('*')) return path === ancestor || path.startsWith(`${ancestor}/`);
  const a = ancestor.split('/');
  const p = path.split('/');
  if (p.length < a.length) return false;
  return a.every((token, i) => (token === '*' ? /^\d+$/.test(p[i]) : token === p[i]));
}

/** Array indices replaced by "*", for looking up labels and permissions of rows. */
export function genericPath(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * Follows a pointer inside a schema, resolving local $refs on the way. A property declared only inside
 * allOf/anyOf/oneOf/then/else is found too (JSON Forms resolves scopes the same way).
 */
export function schemaAtPointer(root: unknown, pointer: string): JsonSchema | undefined {
  let current: unknown = root;
  for (const token of pointerTokens(pointer.replace(/^#\/?$/, '').replace(/^#/, ''))) {
    // not only schemas on the way: "#/properties" is a map of them, "#/$defs/x/enum/0" a value
    const node = jsonObject(resolveRef(root, current)) ?? (Array.isArray(current) ? current : undefined);
    if (!node) return undefined;
    if (token === 'properties' && !Array.isArray(node)) current = declaredProperties(root, node, 0);
    else current = hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined;
  }
  const found = resolveRef(root, current);
  return typeof found === 'boolean' ? found : schemaObject(found);
}

const BRANCHES = ['allOf', 'anyOf', 'oneOf'];

function declaredProperties(root: unknown, schema: JsonSchemaObject | undefined, depth: number): Record<string, JsonSchema> | undefined {
  if (depth > 10 || !schema) return undefined;
  const own = jsonObject(schema.properties) as Record<string, JsonSchema> | undefined;
  const branches: unknown[] = [
    ...BRANCHES.flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : [])),
    schema.then,
    schema.else,
  ].filter(Boolean);
  if (branches.length === 0) return own;
  const merged: Record<string, JsonSchema> = {};
  for (const branch of branches) Object.assign(merged, declaredProperties(root, schemaObject(resolveRef(root, branch)), depth + 1));
  return own || Object.keys(merged).length ? { ...merged, ...own } : undefined;
}

/**
 * The schema with a local `$ref` replaced by what it points at (its sibling keywords kept over the target's).
 * Anything else — a schema without $ref, a boolean, a value that is no schema — comes back as given.
 */
export function resolveRef<T>(root: unknown, schema: T, depth = 0): T | JsonSchemaObject {
  const node = schemaObject(schema);
  if (depth > 20 || !node || typeof node.$ref !== 'string' || !node.$ref.startsWith('#')) return schema;
  const target = schemaObject(schemaAtPointer(root, node.$ref));
  if (!target) return schema;
  const { $ref: _ref, ...rest } = node;
  return resolveRef(root, { ...target, ...rest }, depth + 1);
}
