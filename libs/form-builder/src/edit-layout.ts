import { isLayout, type FormDefinition, type LayoutElement, type LocalizedText, type UiElement } from '@kcbx/forms';
import { newField, type FieldKindName, type LayoutKindName } from './palette';
import { isPrefix, layoutAt, parentOf, samePath, scopeOf, walk, type DropTarget, type UiPath } from './ui-paths';

/**
 * The builder's edits. Each takes a definition and returns a new one (the input is never changed), so the
 * page can keep an undo-free, always-consistent value and the preview re-renders from a fresh object.
 */

const LAYOUT_LABELS: Record<LayoutKindName, LocalizedText | undefined> = {
  Group: { zh: '分组', en: 'Group' },
  HorizontalLayout: undefined,
  VerticalLayout: undefined,
};

/**
 * A property name for a new field: field_<n> after the highest n in use, so a renamed field's old name is not
 * handed out again (a designer reading a diff would take it for the same field).
 */
export function freeFieldName(def: FormDefinition, stem = 'field'): string {
  const names = Object.keys(def.schema.properties ?? {});
  const used = names
    .map((n) => new RegExp(`^${stem}_(\\d+)$`).exec(n))
    .filter(Boolean)
    .map((m) => Number(m![1]));
  let n = Math.max(0, ...used) + 1;
  while (names.includes(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

function insert(def: FormDefinition, at: DropTarget, element: UiElement): UiPath {
  const container = layoutAt(def.uiSchema, at.container);
  const index = Math.max(0, Math.min(at.index, container.elements.length));
  container.elements.splice(index, 0, element);
  return [...at.container, index];
}

export function addField(
  def: FormDefinition,
  kind: FieldKindName,
  at: DropTarget,
  name = freeFieldName(def),
): { definition: FormDefinition; name: string; path: UiPath } {
  const next = structuredClone(def);
  const { schema, control } = newField(kind, scopeOf([name]));
  next.schema.properties = { ...(next.schema.properties ?? {}), [name]: schema };
  const path = insert(next, at, control);
  return { definition: next, name, path };
}

export function addLayout(def: FormDefinition, type: LayoutKindName, at: DropTarget): { definition: FormDefinition; path: UiPath } {
  const next = structuredClone(def);
  const label = LAYOUT_LABELS[type];
  const layout: LayoutElement = label ? { type, label: { ...label }, elements: [] } : { type, elements: [] };
  return { definition: next, path: insert(next, at, layout) };
}

/** Static text between fields (instructions, a legal notice): a Label element, no data. */
export function addNote(def: FormDefinition, at: DropTarget): { definition: FormDefinition; path: UiPath } {
  const next = structuredClone(def);
  return { definition: next, path: insert(next, at, { type: 'Label', text: { zh: '说明文字', en: 'Note' } }) };
}

/** Where the element at `from` lands when dropped at `to`; undefined when the drop means nothing (into itself). */
export function moveElement(def: FormDefinition, from: UiPath, to: DropTarget): { definition: FormDefinition; path: UiPath } | undefined {
  if (from.length === 0 || isPrefix(from, to.container)) return undefined;
  const next = structuredClone(def);
  const fromParent = from.slice(0, -1);
  const fromIndex = from[from.length - 1];
  const source = layoutAt(next.uiSchema, fromParent);
  const [element] = source.elements.splice(fromIndex, 1);
  if (!element) return undefined;
  // Removing the element shifts later siblings (and later siblings' subtrees) up by one.
  const container = [...to.container];
  let index = to.index;
  if (samePath(fromParent, container) && index > fromIndex) index -= 1;
  else if (isPrefix(fromParent, container) && container.length > fromParent.length && container[fromParent.length] > fromIndex) {
    container[fromParent.length] -= 1;
  }
  return { definition: next, path: insert(next, { container, index }, element) };
}

/** Removes an element; the fields it shows (its controls, or every control inside a layout) leave the schema too. */
export function removeElement(def: FormDefinition, path: UiPath): FormDefinition {
  if (path.length === 0) return def;
  const next = structuredClone(def);
  const parent = layoutAt(next.uiSchema, path.slice(0, -1));
  const [removed] = parent.elements.splice(path[path.length - 1], 1);
  if (!removed) return def;
  const stillShown = new Set<string>();
  walk(next.uiSchema, (e) => e.type === 'Control' && stillShown.add(e.scope));
  walk(removed, (e) => {
    if (e.type !== 'Control' || stillShown.has(e.scope)) return;
    const at = parentOf(next, e.scope);
    if (!at?.parent.properties || !(at.name in at.parent.properties)) return;
    delete at.parent.properties[at.name];
    if (Array.isArray(at.parent.required)) {
      at.parent.required = at.parent.required.filter((r: string) => r !== at.name);
      if (at.parent.required.length === 0) delete at.parent.required;
    }
  });
  return next;
}

/** Every layout path, for the "move into" choices of the keyboard alternative to dragging. */
export function layoutPaths(def: FormDefinition): UiPath[] {
  const out: UiPath[] = [];
  walk(def.uiSchema, (e, p) => isLayout(e) && out.push(p));
  return out;
}
