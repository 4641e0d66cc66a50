import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { appVersion } from '../backup/app-version';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { BOM, csvLine } from './csv';
import { CountyExportReader, findCounty, openExportReader, Row, TableShape } from './county-export.repository';
import { CASE_TABLES, EXPORTED, NOT_EXPORTED, unknownTables } from './export-tables';
import { exportReadme } from './export-readme';

export const EXPORT_FORMAT = 'kcbx-county-export/1';
const PAGE = 2000;

export interface ExportManifest {
  format: string;
  county: { code: string; name: string; id: string };
  exportedAt: string;
  appVersion: string;
  database: 'sqlite' | 'postgres';
  migrations: string[];
  /** table → rows exported and its files */
  tables: Record<string, { rows: number; json: string; csv: string; omittedColumns: string[] }>;
  forms: { key: string; version: number; file: string }[];
  procedures: { key: string; version: number; file: string }[];
  cases: number;
  /** every attachment file: its path in the export, size and SHA-256 */
  attachments: { id: string; file: string; bytes: number; sha256: string }[];
  /** attachments whose file is not in DATA_DIR/files (a damaged data folder): named, not exported */
  missingAttachments: { id: string; storageKey: string }[];
  notExported: Record<string, string>;
}

export interface ExportSummary {
  dir: string;
  county: string;
  name: string;
  tables: number;
  rows: number;
  forms: number;
  procedures: number;
  cases: number;
  attachments: number;
  missingAttachments: number;
}

/** a file name from user input: no folders, no control characters, bounded */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || 'file').slice(0, 120);
}

/**
 * The county's complete export (issue #20, "never locked in"): every table's rows of this county as JSON and CSV,
 * each form version and procedure version as its own file, every case gathered with its history, the attachment
 * files, a README (zh/en) describing it all and a manifest with counts and checksums. One read snapshot.
 */
export async function exportCountyData(config: AppConfig, countyCode: string, outDir: string, force: boolean): Promise<ExportSummary> {
  const out = path.resolve(outDir);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0 && !force) throw new AppError('EXPORT_TARGET_NOT_EMPTY', { dir: out });
  const reader = await openExportReader(config);
  try {
    const county = await findCounty(reader, countyCode);
    if (!county) throw new AppError('COUNTY_NOT_FOUND/export', { code: countyCode });
    const shapes = await reader.tables();
    const unknown = unknownTables(shapes.map((t) => t.name));
    if (unknown.length) throw new AppError('EXPORT_UNKNOWN_TABLES', { tables: unknown });
    fs.mkdirSync(out, { recursive: true });
    return await writeExport(reader, config, county, shapes, out);
  } finally {
    await reader.close();
  }
}

async function writeExport(
  reader: CountyExportReader,
  config: AppConfig,
  county: Row,
  shapes: TableShape[],
  out: string,
): Promise<ExportSummary> {
  const tenantId = county.id;
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    county: { code: String(county.code), name: String(county.name), id: String(tenantId) },
    exportedAt: new Date().toISOString(),
    appVersion: appVersion(),
    database: reader.kind,
    migrations: await reader.migrations(),
    tables: {},
    forms: [],
    procedures: [],
    cases: 0,
    attachments: [],
    missingAttachments: [],
    notExported: NOT_EXPORTED,
  };
  fs.mkdirSync(path.join(out, 'tables'), { recursive: true });
  // the case tables' rows by instance, for cases/<id>.json
  const byCase = new Map<string, Record<string, Row[]>>();
  let totalRows = 0;
  for (const shape of shapes) {
    const rule = EXPORTED[shape.name];
    if (!rule) continue;
    const omit = new Set(rule.omit ?? []);
    const columns = shape.columns.filter((c) => !omit.has(c));
    const json = fs.openSync(path.join(out, 'tables', `${shape.name}.json`), 'w');
    const csv = fs.openSync(path.join(out, 'tables', `${shape.name}.csv`), 'w');
    let rows = 0;
    try {
      fs.writeSync(json, '[');
      fs.writeSync(csv, BOM + csvLine(columns));
      for (let offset = 0; ; offset += PAGE) {
        const page = await reader.page(shape, rule.by, tenantId, PAGE, offset);
        for (const raw of page) {
          const row: Row = Object.fromEntries(columns.map((c) => [c, normalise(raw[c])]));
          fs.writeSync(json, `${rows ? ',' : ''}\n${JSON.stringify(row)}`);
          fs.writeSync(csv, csvLine(columns.map((c) => row[c])));
          rows++;
          await sideFiles(shape.name, row, out, manifest, config);
          const caseColumn = CASE_TABLES[shape.name];
          if (caseColumn && row[caseColumn]) {
            const id = String(row[caseColumn]);
            const c = byCase.get(id) ?? {};
            (c[shape.name] ??= []).push(row);
            byCase.set(id, c);
          }
          if (shape.name === 'bpmn_instance') {
            const c = byCase.get(String(row.id)) ?? {};
            c.instance = [row];
            byCase.set(String(row.id), c);
          }
        }
        if (page.length < PAGE) break;
      }
      fs.writeSync(json, rows ? '\n]\n' : ']\n');
    } finally {
      fs.closeSync(json);
      fs.closeSync(csv);
    }
    totalRows += rows;
    manifest.tables[shape.name] = {
      rows,
      json: `tables/${shape.name}.json`,
      csv: `tables/${shape.name}.csv`,
      omittedColumns: [...omit],
    };
  }
  // a case: its instance row and every row of the case tables naming it (a sub-procedure's rows go with its own instance)
  fs.mkdirSync(path.join(out, 'cases'), { recursive: true });
  for (const [id, parts] of byCase) {
    if (!parts.instance) continue;
    const [instance] = parts.instance;
    const doc = { instance, ...Object.fromEntries(Object.entries(parts).filter(([k]) => k !== 'instance')) };
    fs.writeFileSync(path.join(out, 'cases', `${safeFileName(id)}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    manifest.cases++;
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'README.md'), exportReadme(manifest));
  return {
    dir: out,
    county: manifest.county.code,
    name: manifest.county.name,
    tables: Object.keys(manifest.tables).length,
    rows: totalRows,
    forms: manifest.forms.length,
    procedures: manifest.procedures.length,
    cases: manifest.cases,
    attachments: manifest.attachments.length,
    missingAttachments: manifest.missingAttachments.length,
  };
}

/** the same value whichever database held it: PostgreSQL's bigint and numeric come as text, dates as Date */
function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return v;
}

/** the files a row stands for: a form version, a procedure version, an attachment's bytes */
async function sideFiles(table: string, row: Row, out: string, manifest: ExportManifest, config: AppConfig): Promise<void> {
  if (table === 'form_definition') {
    const file = `forms/${safeFileName(String(row.key))}/v${row.version}.form.json`;
    const definition = typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition;
    writeFile(out, file, `${JSON.stringify(definition, null, 2)}\n`);
    manifest.forms.push({ key: String(row.key), version: Number(row.version), file });
  } else if (table === 'bpmn_definition') {
    const file = `procedures/${safeFileName(String(row.key))}/v${row.version}.bpmn`;
    writeFile(out, file, String(row.xml));
    manifest.procedures.push({ key: String(row.key), version: Number(row.version), file });
  } else if (table === 'attachment') {
    const key = String(row.storageKey);
    if (!/^[0-9a-f]{2}\/[0-9a-f]{62}$/.test(key)) throw new Error(`attachment ${row.id}: bad storage key ${key}`);
    const source = path.join(config.dataDir, 'files', key);
    if (!fs.existsSync(source)) {
      // listed, not fatal: the rest of the county is still exported, and IT sees which file to look for
      manifest.missingAttachments.push({ id: String(row.id), storageKey: key });
      return;
    }
    const file = `attachments/${safeFileName(String(row.id))}/${safeFileName(String(row.name))}`;
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.copyFileSync(source, path.join(out, file));
    const bytes = fs.readFileSync(path.join(out, file));
    manifest.attachments.push({
      id: String(row.id),
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
}

function writeFile(out: string, rel: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  fs.writeFileSync(path.join(out, rel), content);
}
