import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { DbGate } from '../database/db-gate';
import { RegisterImport, RegisterSource } from '../database/entities';
import { Principal } from '../identity/principal';
import { readTabularTable } from '../imports/tabular-file';
import { RosterSyncResult, syncStudentsFromRoster } from '../students/roster.repository';
import { ColumnMapping, detectMapping } from './register-columns';
import { RegisterImportsRepository } from './register-imports.repository';
import { checkRegisterRows } from './register-rows';

const MAX_STORED_PROBLEMS = 10_000;
const INSERT_CHUNK = 500;

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving' | 'done';
  done: number;
  total: number;
}

/**
 * Imports one register spreadsheet. The same file (by content hash) for the same source is recognised and
 * changes nothing; every import is kept with who and when; progress is observable while it runs.
 */
@Injectable()
export class RegisterImportService {
  private readonly progress = new Map<string, ImportProgress>();

  constructor(
    private readonly rows: RegisterImportsRepository,
    private readonly gate: DbGate,
  ) {}

  progressOf(key: string): ImportProgress | undefined {
    return this.progress.get(key);
  }

  async preview(name: string, buffer: Buffer, mapping: ColumnMapping) {
    const table = await this.gate.outside(() => readTabularTable(name, buffer));
    const detected = detectMapping(table.headers, mapping);
    const { accepted, problems } = checkRegisterRows(table.rows, detected);
    return {
      headers: table.headers,
      mapping: detected,
      rows: table.rows.length,
      sample: table.rows.slice(0, 20),
      accepted: accepted.length,
      rejected: problems.slice(0, 200),
      rejectedCount: problems.length,
    };
  }

  async import(p: Principal, source: RegisterSource, name: string, buffer: Buffer, mapping: ColumnMapping, progressKey?: string) {
    const key = progressKey ?? newId();
    const report = (phase: ImportProgress['phase'], done: number, total: number) => this.progress.set(key, { phase, done, total });
    try {
      report('reading', 0, 0);
      const sha256 = createHash('sha256').update(buffer).digest('hex');
      const same = await this.rows.sameFile(p.tenantId, source, sha256);
      if (same) return { ...presentImport(same), duplicateOf: same.id };
      // Parsing needs no database and no transaction is open yet: outside the SQLite gate.
      const table = await this.gate.outside(() => readTabularTable(name, buffer));
      const detected = detectMapping(table.headers, mapping);
      if (!detected.idNumber || !detected.name) {
        throw Errors.validation([
          {
            field: 'mapping',
            message: '找不到“姓名”或“身份证号”列，请指定列对应关系 / name or ID number column not found; give a mapping',
          },
        ]);
      }
      report('checking', 0, table.rows.length);
      const { accepted, problems } = checkRegisterRows(table.rows, detected);
      const row: RegisterImport = {
        id: newId(),
        tenantId: p.tenantId,
        source,
        fileName: name,
        sha256,
        rowCount: table.rows.length,
        accepted: accepted.length,
        rejectedCount: problems.length,
        rejected: problems.slice(0, MAX_STORED_PROBLEMS),
        mapping: detected as Record<string, string>,
        importedBy: p.userId,
        importedAt: nowIso(),
      };
      let students: RosterSyncResult | undefined;
      await this.rows.transaction(async (m) => {
        await this.rows.add(m, row);
        for (let i = 0; i < accepted.length; i += INSERT_CHUNK) {
          const chunk = accepted.slice(i, i + INSERT_CHUNK).map((a) => ({ ...a, tenantId: p.tenantId, importId: row.id }));
          await this.rows.addEntries(m, chunk);
          report('saving', Math.min(i + INSERT_CHUNK, accepted.length), accepted.length);
        }
        // The 学籍名册 is the roster: its children become (or update) students in the same transaction (#16).
        if (source === 'student') students = await syncStudentsFromRoster(m, p, accepted);
      });
      return { ...presentImport(row), ...(students ? { students: { ...students, unplaced: students.unplaced.slice(0, 200) } } : {}) };
    } finally {
      const last = this.progress.get(key);
      this.progress.set(key, { phase: 'done', done: last?.total ?? 0, total: last?.total ?? 0 });
      setTimeout(() => this.progress.delete(key), 60_000).unref();
    }
  }

  /** One import with every row problem it recorded, for a clerk going back to fix the spreadsheet. */
  async get(p: Principal, id: string) {
    const row = await this.rows.ofTenant(p.tenantId, id);
    if (!row) throw Errors.notFound('registerImport');
    return presentImport(row);
  }

  async list(p: Principal, source?: RegisterSource) {
    const rows = await this.rows.latest(p.tenantId, source, 100);
    // Who imported, by name: the list is what a clerk checks ("did the school send theirs?").
    const names = await this.rows.userNames(p.tenantId, [...new Set(rows.map((r) => r.importedBy))]);
    return rows.map((r) => ({ ...presentImport(r), rejected: undefined, importedByName: names.get(r.importedBy) ?? null }));
  }
}

export function presentImport(r: RegisterImport) {
  return {
    id: r.id,
    source: r.source,
    fileName: r.fileName,
    rows: r.rowCount,
    accepted: r.accepted,
    rejectedCount: r.rejectedCount,
    rejected: r.rejected,
    mapping: r.mapping,
    importedBy: r.importedBy,
    importedAt: r.importedAt,
  };
}
