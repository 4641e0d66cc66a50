/** JSON pointers for data ("/guardians/0/phone") and JSON Forms scopes ("#/properties/guardians"). */
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
  let current: any = data;
  for (const token of pointerTokens(pointer)) {
    // Own properties only: "/toString" names nothing in {} (an inherited function is not data).
    if (!hasOwn(current, token)) return undefined;
    current = current[token];
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
  return a.every((token, i) => token === '*' ? /^\d+$/.test(p[i]) : token === p[i]);
}

/** Array indices replaced by "*", for looking up labels and permissions of rows. */
export function genericPath(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * Follows a pointer inside a schema, resolving local $refs on the way. A property declared only inside
 * allOf/anyOf/oneOf/then/else is found too (JSON Forms resolves scopes the same way).
 */
export function schemaAtPointer(root: any, pointer: string): any {
  let current: any = root;
  for (const token of pointerTokens(pointer.replace(/^#\/?$/, '').replace(/^#/, ''))) {
    current = resolveRef(root, current);
    if (current === null || typeof current !== 'object') return undefined;
    if (token === 'properties') current = declaredProperties(root, current, 0);
    else current = hasOwn(current, token) ? current[token] : undefined;
  }
  return resolveRef(root, current);
}

const BRANCHES = ['allOf', 'anyOf', 'oneOf'];

function declaredProperties(root: any, schema: any, depth: number): Record<string, any> | undefined {
  if (depth > 10 || !schema || typeof schema !== 'object') return undefined;
  const own = schema.properties && typeof schema.properties === 'object' ? schema.properties : undefined;
  const branches: any[] = [...BRANCHES.flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : [])), schema.then, schema.else].filter(Boolean);
  if (branches.length === 0) return own;
  const merged: Record<string, any> = {};
  for (const branch of branches) Object.assign(merged, declaredProperties(root, resolveRef(root, branch), depth + 1));
  return own || Object.keys(merged).length ? { ...merged, ...own } : undefined;
}

export function resolveRef(root: any, schema: any, depth = 0): any {
  if (depth > 20 || !schema || typeof schema !== 'object' || typeof schema.$ref !== 'string' || !schema.$ref.startsWith('#')) {
    return schema;
  }
  const target = schemaAtPointer(root, schema.$ref);
  if (!target || typeof target !== 'object') return schema;
  const { $ref: _ref, ...rest } = schema;
  return resolveRef(root, { ...target, ...rest }, depth + 1);
}
