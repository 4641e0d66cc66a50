import { resolveRef } from './pointers';

/**
 * Initial data with schema `default`s filled in where the data has nothing (objects, recursively; array
 * rows that exist). Forms open with these values in the browser, so imported samples validate the same way.
 */
export function applyDefaults<T>(rootSchema: Record<string, any>, data: T): T {
  return fill(rootSchema, rootSchema, data === undefined ? undefined : structuredClone(data), 0) as T;
}

function fill(root: Record<string, any>, node: unknown, value: any, depth: number): any {
  const schema = resolveRef(root, node);
  if (!schema || typeof schema !== 'object' || depth > 20) return value;
  if (value === undefined && schema.default !== undefined) return structuredClone(schema.default);
  if (schema.properties && (value === undefined || (value && typeof value === 'object' && !Array.isArray(value)))) {
    const out = value ?? {};
    for (const [name, sub] of Object.entries<any>(schema.properties)) {
      const filled = fill(root, sub, out[name], depth + 1);
      if (filled !== undefined) out[name] = filled;
    }
    return value === undefined && Object.keys(out).length === 0 ? undefined : out;
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    return value.map((item) => fill(root, schema.items, item, depth + 1));
  }
  return value;
}
