import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { AppError, Errors } from '../common/app-error';

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

/** Rows a register import may hold (a county's whole enrolment with room to spare). */
export const MAX_IMPORT_ROWS = 200_000;

export async function readTabularFile(name: string, buffer: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<SheetRow[]> {
  return (await readTabularTable(name, buffer, maxRows)).rows;
}

/**
 * The first sheet as header → cell records. The row cap is applied WHILE reading (issue #14 point 7): an .xlsx
 * is streamed sheet row by sheet row and reading stops at the first row past `maxRows`, so a huge file costs
 * no more than the cap before it is refused.
 */
export async function readTabularTable(name: string, buffer: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<SheetTable> {
  if (buffer.length > MAX_IMPORT_BYTES) throw Errors.badFile('BAD_FILE/import-too-large');
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(buffer, maxRows);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buffer, maxRows);
  throw Errors.badFile('BAD_FILE/import-type');
}

/** Refused while reading: the count past the cap is unknown, so the text names the cap only. */
export function tooManyRows(maxRows: number, key: 'TOO_MANY_ROWS' | 'TOO_MANY_ROWS/form-table' = 'TOO_MANY_ROWS') {
  return new AppError(key, { max: maxRows }, { maxRows });
}

/** Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** Bytes (or characters) handed to a parser at a time; between pieces the event loop serves other requests. */
const PIECE = 64 * 1024;

/**
 * `content` in pieces, with a turn of the event loop before each (setImmediate, not a microtask: I/O callbacks run
 * in between), so parsing a 20 MB file is many short steps other requests interleave with, never one long block
 * (#14 point 7).
 */
async function* inPieces<T extends string | Buffer>(content: T): AsyncGenerator<T> {
  for (let at = 0; at < content.length; at += PIECE) {
    await new Promise((resolve) => setImmediate(resolve));
    yield content.slice(at, at + PIECE) as T;
  }
}

async function readCsv(buffer: Buffer, maxRows: number): Promise<SheetTable> {
  const records: string[][] = [];
  const parser = parse({ skip_empty_lines: false, relax_column_count: true, trim: true });
  const source = Readable.from(inPieces(decodeText(buffer)), { objectMode: false });
  source.pipe(parser);
  try {
    for await (const record of parser) {
      records.push(record as string[]);
      // one record past the cap (header + maxRows + 1) is enough to know the file is too long: reading stops
      if (records.length >= maxRows + 2) break;
    }
  } catch (e) {
    throw Errors.badFile('BAD_FILE/csv-unreadable', { reason: (e as Error).message });
  } finally {
    parser.on('error', () => undefined); // a stopped parser may still complain about the piece in flight
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
  const table = toRows(records);
  if (table.rows.length > maxRows) throw tooManyRows(maxRows);
  return table;
}

async function readXlsx(buffer: Buffer, maxRows: number): Promise<SheetTable> {
  const records: string[][] = [];
  let dataRows = 0;
  const book = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(inPieces(buffer)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of book) {
      for await (const row of sheet) {
        const values: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          values[col - 1] = cellText(cell.value);
        });
        records[row.number - 1] = values;
        if (row.number > 1 && values.some(Boolean) && ++dataRows > maxRows) throw tooManyRows(maxRows);
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw Errors.badFile('BAD_FILE/xlsx-unreadable');
  }
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
