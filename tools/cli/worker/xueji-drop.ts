import * as fs from 'fs';
import * as path from 'path';

/** One child as the 学籍 system's export lists them. */
export interface XuejiRecord {
  idNumber: string;
  name: string;
  /** 在籍, 休学, 转出 … as the export says */
  status: string;
  file: string;
}

/** One CSV line into cells: commas, double-quoted cells with "" for a quote (what Excel and the 学籍 system write). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells;
}

const COLUMNS = { idNumber: ['身份证号', '身份证件号', '证件号码'], name: ['姓名', '学生姓名'], status: ['学籍状态', '状态'] };

/**
 * The file drop: every .csv in the folder (the 学籍 system's periodic export, UTF-8 with or without BOM), read in
 * name order so a later file's line for a child replaces an earlier one. A file without the ID column is skipped
 * and named in `skipped`.
 */
export function readDrop(folder: string): { byId: Map<string, XuejiRecord>; skipped: string[] } {
  const byId = new Map<string, XuejiRecord>();
  const skipped: string[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()) {
    const lines = fs
      .readFileSync(path.join(folder, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l.trim());
    const header = csvCells(lines[0] ?? '');
    const at = (names: string[]) => header.findIndex((h) => names.includes(h));
    const [id, name, status] = [at(COLUMNS.idNumber), at(COLUMNS.name), at(COLUMNS.status)];
    if (id < 0) {
      skipped.push(file);
      continue;
    }
    for (const line of lines.slice(1)) {
      const cells = csvCells(line);
      const idNumber = (cells[id] ?? '').toUpperCase();
      if (idNumber)
        byId.set(idNumber, {
          idNumber,
          name: name >= 0 ? (cells[name] ?? '') : '',
          status: status >= 0 ? (cells[status] ?? '') : '',
          file,
        });
    }
  }
  return { byId, skipped };
}
