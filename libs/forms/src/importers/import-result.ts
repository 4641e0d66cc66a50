import { checkDefinition } from '../check-definition';
import { jsonObject, type FormDefinition, type JsonSchemaObject } from '../definition';
import { createFormsAjv } from '../ajv-setup';

/** Something in the source that has no equivalent in our definition, with where it was and why. */
export interface Unmapped {
  path: string;
  reason: string;
}

export interface ImportResult {
  definition: FormDefinition;
  unmapped: Unmapped[];
  /** The source's sample data, reshaped when the import reshaped the schema (e.g. a wrapped root). */
  data?: unknown;
}

export interface ImportTarget {
  key: string;
  version?: number;
  title?: FormDefinition['title'];
}

let probe: ReturnType<typeof createFormsAjv> | undefined;

/**
 * Draft-07 habits rewritten for 2020-12 (tuple `items` → `prefixItems`, `additionalItems` → `items`),
 * `$schema` dropped, then keywords our strict ajv does not know are removed one by one and reported.
 */
export function normalizeSchema(schema: JsonSchemaObject, unmapped: Unmapped[]): JsonSchemaObject {
  const out = structuredClone(schema);
  rewriteDraft7(out);
  delete out.$schema;
  probe ??= createFormsAjv();
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      probe.compile(out);
      probe.removeSchema(out);
      return out;
    } catch (e) {
      const message = (e as Error).message;
      const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
      const format = /unknown format "([^"]+)" ignored in schema at path "#([^"]*)"/.exec(message);
      if (typeof out.$id === 'string') probe.removeSchema(out.$id);
      if (keyword && removeKeyword(out, keyword, '', unmapped)) continue;
      if (format && removeFormat(out, format[2], format[1], unmapped)) continue;
      unmapped.push({ path: '/schema', reason: `schema does not compile: ${message}` });
      return out;
    }
  }
  return out;
}

/** Rewrites the schema tree in place. */
function rewriteDraft7(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(rewriteDraft7);
  const schema = jsonObject(node);
  if (!schema) return;
  if (Array.isArray(schema.items)) {
    schema.prefixItems = schema.items;
    if (schema.additionalItems !== undefined) schema.items = schema.additionalItems;
    else delete schema.items;
    delete schema.additionalItems;
  }
  for (const [k, v] of Object.entries(schema)) if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') rewriteDraft7(v);
}

function removeKeyword(node: unknown, keyword: string, path: string, unmapped: Unmapped[]): boolean {
  if (!node || typeof node !== 'object') return false;
  if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, keyword)) {
    delete (node as Record<string, unknown>)[keyword];
    unmapped.push({
      path: `/schema${path}/${keyword}`,
      reason: `keyword "${keyword}" is not part of JSON Schema 2020-12 or our vocabulary; removed`,
    });
    return true;
  }
  return Object.entries(node).some(([k, v]) => k !== 'enum' && k !== 'const' && removeKeyword(v, keyword, `${path}/${k}`, unmapped));
}

function removeFormat(root: JsonSchemaObject, schemaPath: string, format: string, unmapped: Unmapped[]): boolean {
  let node: unknown = root;
  for (const token of schemaPath.split('/').filter(Boolean)) {
    // arrays too (allOf/0): their indices are keys
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  const schema = jsonObject(node);
  if (!schema || schema.format !== format) return false;
  delete schema.format;
  unmapped.push({ path: `/schema${schemaPath}/format`, reason: `format "${format}" is unknown; removed` });
  return true;
}

/**
 * Property names a form field cannot be named by: the renderer (react-hook-form) reads "a.b", "a[0]" as paths
 * and a digits-only name as an array index, so such a field's value is put elsewhere than the schema says.
 */
function unholdableNames(node: unknown, path: string, out: Unmapped[], depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 30) return;
  if (Array.isArray(node)) return node.forEach((n, i) => unholdableNames(n, `${path}/${i}`, out, depth + 1));
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of Object.keys(value)) {
        if (/^\d+$/.test(name) || /[.[\]]/.test(name)) {
          const why = /^\d+$/.test(name) ? 'a name of digits only is read as a list position' : '".", "[" and "]" are read as a path';
          out.push({
            path: `${path}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            reason: `property name ${JSON.stringify(name)} cannot name a form field (${why}): the form does not keep its value where the schema has it`,
          });
        }
      }
    }
    unholdableNames(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, depth + 1);
  }
}

/** Runs our own definition checks over the import, so a result that would be refused says why. */
export function finishImport(definition: FormDefinition, unmapped: Unmapped[], data?: unknown): ImportResult {
  unholdableNames(definition.schema, '/schema', unmapped);
  for (const issue of checkDefinition(definition)) unmapped.push({ path: issue.path, reason: issue.message.en });
  return data === undefined ? { definition, unmapped } : { definition, unmapped, data };
}

/** Keys name files and URLs: letters first, then letters, digits, "-", "_" and ".". */
export function safeKey(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z]+/, '');
  return (cleaned || 'form').slice(0, 100);
}

export function propertyScope(parentScope: string, name: string): string {
  return `${parentScope}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
