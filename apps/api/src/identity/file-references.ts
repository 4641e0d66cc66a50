/** An attachment a submission names, and the JSON pointer of the field that names it (where a refusal is shown). */
export interface FileReference {
  id: string;
  pointer: string;
}

type Schema = Record<string, unknown>;

/**
 * The attachments a form submission names, found through the form's schema: a value at a `fileUpload` field is
 * `{id, name, …}`, a repeatable one an array of them, anywhere under objects and arrays (`properties`, `items`,
 * the branches of `allOf`/`anyOf`/`oneOf`, local `$ref`s). Only own properties are read (#14 point 5), and the
 * walk is bounded by the data, so a hostile value costs no more than its size.
 */
export function fileReferences(schema: unknown, data: unknown): FileReference[] {
  const root = (schema && typeof schema === 'object' ? schema : {}) as Schema;
  const found: FileReference[] = [];
  walk(root, root, data, '', found, 0);
  return found;
}

/**
 * Everything in a submission shaped like a file value (`{id, name}` with string id and name) wherever it sits — what
 * the case's file list takes up (workflow/attachment-refs) — with its pointer: forms whose file fields are marked
 * only in the UI schema (`options.widget: "file"`) name their files so too.
 */
export function fileShapedValues(data: unknown, pointer = '', found: FileReference[] = [], depth = 0): FileReference[] {
  if (depth > 64 || !data || typeof data !== 'object') return found;
  if (Array.isArray(data)) {
    data.forEach((item, i) => fileShapedValues(item, `${pointer}/${i}`, found, depth + 1));
    return found;
  }
  const record = data as Record<string, unknown>;
  if (Object.hasOwn(record, 'id') && Object.hasOwn(record, 'name') && typeof record.id === 'string' && typeof record.name === 'string') {
    found.push({ id: record.id, pointer });
  }
  for (const key of Object.keys(record)) fileShapedValues(record[key], `${pointer}/${escape(key)}`, found, depth + 1);
  return found;
}

function walk(root: Schema, schema: Schema, data: unknown, pointer: string, found: FileReference[], depth: number): void {
  if (depth > 64 || data === null || typeof data !== 'object') return;
  const resolved = resolve(root, schema);
  if (!resolved) return;
  if (resolved.fileUpload) {
    const files = Array.isArray(data) ? data : [data];
    files.forEach((file, i) => {
      const id = file && typeof file === 'object' && Object.hasOwn(file, 'id') ? (file as { id: unknown }).id : undefined;
      if (typeof id === 'string') found.push({ id, pointer: Array.isArray(data) ? `${pointer}/${i}` : pointer });
    });
    return;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = resolved[key];
    if (Array.isArray(branches))
      for (const b of branches) if (b && typeof b === 'object') walk(root, b as Schema, data, pointer, found, depth + 1);
  }
  if (Array.isArray(data)) {
    const items = resolved.items;
    if (items && typeof items === 'object' && !Array.isArray(items)) {
      data.forEach((item, i) => walk(root, items as Schema, item, `${pointer}/${i}`, found, depth + 1));
    }
    return;
  }
  const properties = resolved.properties;
  if (!properties || typeof properties !== 'object') return;
  for (const name of Object.keys(properties)) {
    if (!Object.hasOwn(data, name)) continue;
    const sub = (properties as Record<string, unknown>)[name];
    if (sub && typeof sub === 'object')
      walk(root, sub as Schema, (data as Record<string, unknown>)[name], `${pointer}/${escape(name)}`, found, depth + 1);
  }
}

/** a local `$ref` (`#/definitions/x`, `#/$defs/x`), else the schema itself; an unresolvable one reads as nothing */
function resolve(root: Schema, schema: Schema, hops = 0): Schema | null {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (hops > 16 || !ref.startsWith('#/')) return null;
  let at: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    at = at && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at && typeof at === 'object' ? resolve(root, at as Schema, hops + 1) : null;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
