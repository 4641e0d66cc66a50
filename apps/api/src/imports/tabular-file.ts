import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Errors } from '../common/app-error';

/** A spreadsheet as header → cell text records; `row` is the number a clerk sees in Excel (header = 1). */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface SheetTable {
  headers: string[];
  rows: SheetRow[];
}

export async function readTabularFile(name: string, buffer: Buffer): Promise<SheetRow[]> {
  return (await readTabularTable(name, buffer)).rows;
}

export async function readTabularTable(name: string, buffer: Buffer): Promise<SheetTable> {
  if (buffer.length > MAX_IMPORT_BYTES) throw Errors.badFile('File larger than 20 MB', '文件超过 20 MB');
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(buffer);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer);
  throw Errors.badFile('Only .csv and .xlsx files can be imported', '只能导入 .csv 或 .xlsx 文件');
}

/** Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function readCsv(buffer: Buffer): SheetTable {
  let records: string[][];
  try {
    records = parse(decodeText(buffer), { skip_empty_lines: false, relax_column_count: true, trim: true });
  } catch (e) {
    throw Errors.badFile(`Not a readable CSV file: ${(e as Error).message}`, `CSV 文件无法读取：${(e as Error).message}`);
  }
  return toRows(records);
}

async function readXlsx(buffer: Buffer): Promise<SheetTable> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw Errors.badFile('Not a readable .xlsx file', '无法读取该 .xlsx 文件');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records[n - 1] = values;
  });
  return toRows(Array.from(records, (r) => r ?? []));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
  }
  return String(v).trim();
}

function toRows(records: string[][]): SheetTable {
  if (records.length === 0) return { headers: [], rows: [] };
  const header = records[0].map((h) => (h ?? '').trim());
  const rows: SheetRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const values = records[i] ?? [];
    if (values.every((v) => !v)) continue;
    const cells: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h) cells[h] = (values[c] ?? '').trim();
    });
    rows.push({ row: i + 1, cells });
  }
  return { headers: header.filter(Boolean), rows };
}

/** The first present column among a field's accepted headers (Chinese first, then English). */
export function pick(cells: Record<string, string>, headers: string[]): string {
  for (const h of headers) if (cells[h] !== undefined && cells[h] !== '') return cells[h];
  return '';
}
