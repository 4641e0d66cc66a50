import { schemaObject, type ControlElement, type FormDefinition, type JsonSchemaObject, type LocalizedText } from '@kcbx/forms';
import { elementAt, parentOf, scopeNames, scopeOf, type UiPath } from './ui-paths';

export const COLUMN_KINDS = ['text', 'number', 'date'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** One column of a table field: the row property, its caption and what it holds. */
export interface TableColumn {
  name: string;
  label: LocalizedText;
  kind: ColumnKind;
}

const COLUMN_SCHEMAS: Record<ColumnKind, JsonSchemaObject> = {
  text: { type: 'string' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
};

function kindOf(schema: unknown): ColumnKind {
  const s = schemaObject(schema);
  if (s?.type === 'number' || s?.type === 'integer') return 'number';
  if (s?.format === 'date') return 'date';
  return 'text';
}

function tableAt(def: FormDefinition, path: UiPath): { control: ControlElement; items: JsonSchemaObject } | undefined {
  const control = elementAt(def.uiSchema, path);
  if (control?.type !== 'Control') return undefined;
  const at = parentOf(def, control.scope);
  const schema = schemaObject(at?.parent.properties?.[at.name]);
  const items = schemaObject(schema?.items);
  if (schema?.type !== 'array' || items?.type !== 'object') return undefined;
  return { control, items };
}

/** The columns of a table field, in the order the detail layout shows them; undefined for other fields. */
export function tableColumnsOf(def: FormDefinition, path: UiPath): TableColumn[] | undefined {
  const table = tableAt(def, path);
  if (!table) return undefined;
  const detail = table.control.options?.detail;
  const detailElements = detail && 'elements' in detail ? detail.elements : [];
  const labels = new Map<string, LocalizedText>();
  for (const e of detailElements) {
    if (e.type !== 'Control') continue;
    const name = scopeNames(e.scope)?.[0];
    if (name && e.label && typeof e.label === 'object') labels.set(name, e.label);
    else if (name && typeof e.label === 'string') labels.set(name, { zh: e.label, en: e.label });
  }
  const order = detailElements.flatMap((e) => (e.type === 'Control' ? (scopeNames(e.scope) ?? []).slice(0, 1) : []));
  const names = [...new Set([...order, ...Object.keys(table.items.properties ?? {})])].filter((n) => table.items.properties?.[n]);
  return names.map((name) => ({ name, label: labels.get(name) ?? { zh: name, en: name }, kind: kindOf(table.items.properties?.[name]) }));
}

/**
 * Replaces the columns of a table field: the row schema keeps the keywords of columns that stay (a changed
 * kind starts afresh), and the detail layout shows the columns in the given order with their captions.
 */
export function setTableColumns(def: FormDefinition, path: UiPath, columns: TableColumn[]): FormDefinition {
  const next = structuredClone(def);
  const table = tableAt(next, path);
  if (!table) throw new Error(`no table at [${path.join(',')}]`);
  const before = table.items.properties ?? {};
  table.items.properties = Object.fromEntries(
    columns.map((c) => [c.name, before[c.name] && kindOf(before[c.name]) === c.kind ? before[c.name] : { ...COLUMN_SCHEMAS[c.kind] }]),
  );
  if (Array.isArray(table.items.required)) {
    table.items.required = table.items.required.filter((r: string) => columns.some((c) => c.name === r));
    if (!table.items.required.length) delete table.items.required;
  }
  table.control.options = {
    ...(table.control.options ?? {}),
    detail: {
      type: 'HorizontalLayout',
      elements: columns.map((c) => ({ type: 'Control', scope: scopeOf([c.name]), label: { ...c.label } })),
    },
  };
  return next;
}
