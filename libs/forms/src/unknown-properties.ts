import { schemaObject, type JsonSchemaObject } from './definition';
import { hasOwn } from './own-data';
import { joinPointer, resolveRef } from './pointers';

/**
 * Properties present in the data but declared nowhere in the schema — what a tampered submission adds.
 * An object is closed unless its schema leaves it open on purpose (no `properties` at all,
 * `additionalProperties` other than false, or `patternProperties`). Properties declared in any branch
 * (allOf/anyOf/oneOf/then/else/dependencies) count as declared. Declared means declared by name: `__proto__`,
 * `constructor` or `toString` are not in a schema's `properties` just because every object inherits them.
 */
export function findUnknownProperties(rootSchema: unknown, data: unknown): string[] {
  const out: string[] = [];
  walk(rootSchema, [rootSchema], data, '', out);
  return out;
}

function applicable(root: unknown, schema: unknown, acc: JsonSchemaObject[], depth = 0): JsonSchemaObject[] {
  const s = schemaObject(resolveRef(root, schema));
  if (!s || depth > 30) return acc;
  acc.push(s);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) for (const sub of s[key] ?? []) applicable(root, sub, acc, depth + 1);
  for (const key of ['if', 'then', 'else'] as const) if (s[key]) applicable(root, s[key], acc, depth + 1);
  for (const sub of Object.values(s.dependentSchemas ?? {})) applicable(root, sub, acc, depth + 1);
  for (const sub of Object.values(s.dependencies ?? {})) if (!Array.isArray(sub)) applicable(root, sub, acc, depth + 1);
  return acc;
}

function walk(root: unknown, schemas: unknown[], data: unknown, path: string, out: string[]): void {
  if (data === null || typeof data !== 'object') return;
  const all = schemas.flatMap((s) => applicable(root, s, []));
  if (all.length === 0) return;
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      const itemSchemas = all.flatMap((s) => {
        const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
        if (i < prefix.length) return [prefix[i]];
        const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
        return rest && typeof rest === 'object' ? [rest] : [];
      });
      walk(root, itemSchemas, item, joinPointer(path, i), out);
    });
    return;
  }
  const declared = all.filter((s) => s.properties && typeof s.properties === 'object');
  const open =
    declared.length === 0 ||
    all.some((s) => s.patternProperties || (s.additionalProperties !== undefined && s.additionalProperties !== false));
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const childSchemas = declared.filter((s) => hasOwn(s.properties, name)).map((s) => s.properties?.[name]);
    if (childSchemas.length === 0) {
      if (!open) out.push(joinPointer(path, name));
      const extra = all.map((s) => s.additionalProperties).filter((a) => a && typeof a === 'object');
      if (extra.length) walk(root, extra, value, joinPointer(path, name), out);
      continue;
    }
    walk(root, childSchemas, value, joinPointer(path, name), out);
  }
}
