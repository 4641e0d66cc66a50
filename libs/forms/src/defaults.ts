import { jsonObject, schemaObject, type JsonSchemaObject } from './definition';
import { resolveRef } from './pointers';

/**
 * Initial data with schema `default`s filled in where the data has nothing (objects, recursively; array
 * rows that exist). Forms open with these values in the browser, so imported samples validate the same way.
 */
export function applyDefaults<T>(rootSchema: JsonSchemaObject, data: T): T {
  return fill(rootSchema, rootSchema, data === undefined ? undefined : structuredClone(data), 0) as T;
}

function fill(root: JsonSchemaObject, node: unknown, value: unknown, depth: number): unknown {
  const schema = schemaObject(resolveRef(root, node));
  if (!schema || depth > 20) return value;
  if (value === undefined && schema.default !== undefined) return structuredClone(schema.default);
  const object = jsonObject(value);
  if (schema.properties && (value === undefined || object)) {
    const out = object ?? {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      const filled = fill(root, sub, out[name], depth + 1);
      if (filled !== undefined) out[name] = filled;
    }
    return value === undefined && Object.keys(out).length === 0 ? undefined : out;
  }
  const items = schemaObject(schema.items);
  if (Array.isArray(value) && items) {
    return value.map((item) => fill(root, items, item, depth + 1));
  }
  return value;
}
