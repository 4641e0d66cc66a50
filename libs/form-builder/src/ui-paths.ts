import { isLayout, schemaObject, type FormDefinition, type JsonSchemaObject, type LayoutElement, type UiElement } from '@kcbx/forms';

/** Where an element sits in the layout tree: indices into `elements`, from the root layout. [] is the root. */
export type UiPath = number[];

/** A place to put an element: inside the layout at `container`, before the child at `index`. */
export interface DropTarget {
  container: UiPath;
  index: number;
}

export function elementAt(root: UiElement, path: UiPath): UiElement | undefined {
  let node: UiElement | undefined = root;
  for (const i of path) {
    if (!node || !isLayout(node)) return undefined;
    node = node.elements[i];
  }
  return node;
}

export function layoutAt(root: UiElement, path: UiPath): LayoutElement {
  const node = elementAt(root, path);
  if (!node || !isLayout(node)) throw new Error(`no layout at [${path.join(',')}]`);
  node.elements ??= [];
  return node;
}

export function samePath(a: UiPath, b: UiPath): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function isPrefix(prefix: UiPath, path: UiPath): boolean {
  return prefix.length <= path.length && prefix.every((x, i) => x === path[i]);
}

/** Every element with its path, depth first, in reading order. */
export function walk(root: UiElement, visit: (element: UiElement, path: UiPath) => void, path: UiPath = []): void {
  visit(root, path);
  if (isLayout(root)) (root.elements ?? []).forEach((child, i) => walk(child, visit, [...path, i]));
}

/** The property names a control scope goes through: "#/properties/a/properties/b" → ["a", "b"]. */
export function scopeNames(scope: string): string[] | undefined {
  const tokens = scope
    .replace(/^#\/?/, '')
    .split('/')
    .filter((t) => t !== '');
  if (tokens.length === 0 || tokens.length % 2 !== 0) return undefined;
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    if (tokens[i] !== 'properties') return undefined;
    names.push(tokens[i + 1].replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return names;
}

export function scopeOf(names: string[]): string {
  return '#' + names.map((n) => `/properties/${n.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The object schema that holds a scoped property (where its `required` entry lives) and the property's name. */
export function parentOf(def: FormDefinition, scope: string): { parent: JsonSchemaObject; name: string } | undefined {
  const names = scopeNames(scope);
  if (!names) return undefined;
  let parent: JsonSchemaObject | undefined = def.schema;
  for (const n of names.slice(0, -1)) {
    parent = schemaObject(parent?.properties?.[n]);
    if (!parent) return undefined;
  }
  return { parent, name: names[names.length - 1] };
}

export function schemaAtScope(def: FormDefinition, scope: string): JsonSchemaObject | undefined {
  const at = parentOf(def, scope);
  return schemaObject(at?.parent.properties?.[at.name]);
}
