import { schemaObject, type ControlElement, type JsonSchema, type JsonSchemaObject } from '@kcbx/forms';
import { textFor } from './labels';
import { schemaAt } from './schema-at';

/** A spreadsheet's rows as the API reads them: header → cell text. */
export type SheetRows = { cells: Record<string, string> }[];

export interface TableImport {
  rows: Record<string, unknown>[];
  /** spreadsheet headers that match no column (their cells are left out) */
  unmatched: string[];
}

const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** The names a column goes by: its key, its label in both languages and its schema title. */
function columnNames(column: ControlElement, schema: JsonSchemaObject | undefined, key: string): string[] {
  const names = [key, schema?.title];
  if (column.label && typeof column.label !== 'boolean') names.push(textFor(column.label, 'zh-CN'), textFor(column.label, 'en'));
  return names.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map(norm);
}

/** A cell's text as the column's type wants it; choices match by value or by their shown title. */
function cellValue(text: string, schema: JsonSchemaObject | undefined): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const choices: JsonSchemaObject[] =
    schema?.oneOf?.map(schemaObject).filter((o): o is JsonSchemaObject => !!o && 'const' in o) ??
    (schema?.enum ?? []).map((v) => ({ const: v }));
  const choice = choices.find((c) => norm(c.const) === norm(trimmed) || (c.title !== undefined && norm(c.title) === norm(trimmed)));
  if (choice) return choice.const;
  if (schema?.type === 'integer' || schema?.type === 'number') {
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : trimmed;
  }
  if (schema?.type === 'boolean') {
    if (['是', 'true', '1', 'yes', 'y', '√'].includes(norm(trimmed))) return true;
    if (['否', 'false', '0', 'no', 'n', '×'].includes(norm(trimmed))) return false;
  }
  return trimmed;
}

/**
 * Spreadsheet rows → table rows: a header names a column by its key, label (中文 or English) or title, ignoring
 * spaces and case. Values keep their text unless the column is a number, a yes/no or a choice; the form's
 * validation then judges them like typed ones. Empty spreadsheet rows are skipped.
 */
export function rowsFromSheet(sheet: SheetRows, columns: ControlElement[], root: JsonSchema, items: JsonSchema | undefined): TableImport {
  const targets = columns.flatMap((column) => {
    const m = /^#\/properties\/([^/]+)$/.exec(column.scope);
    if (!m) return [];
    const key = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const schema = schemaObject(schemaAt(root, items, column.scope));
    return [{ key, schema, names: columnNames(column, schema, key) }];
  });
  const headers = [...new Set(sheet.flatMap((r) => Object.keys(r.cells)))];
  const byHeader = new Map(headers.map((h) => [h, targets.find((t) => t.names.includes(norm(h)))]));
  const rows: Record<string, unknown>[] = [];
  for (const r of sheet) {
    const row: Record<string, unknown> = {};
    for (const [header, text] of Object.entries(r.cells)) {
      const target = byHeader.get(header);
      const value = target ? cellValue(text, target.schema) : undefined;
      if (target && value !== undefined) row[target.key] = value;
    }
    if (Object.keys(row).length) rows.push(row);
  }
  return { rows, unmatched: headers.filter((h) => !byHeader.get(h)) };
}
