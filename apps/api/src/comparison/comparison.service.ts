import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskResidentId } from '@kcbx/cn-codes';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { Comparison, ComparisonCounts, ComparisonFinding, FindingKind, RegisterImport } from '../database/entities';
import { Principal } from '../identity/principal';
import { ComparisonInputs, schoolAgeWindow } from './comparison-queries';
import { compareRegisters } from './compare-registers';
import { landFindings } from '../ledgers/ledger-landing';

export { runNamed } from './compare-registers';

@Injectable()
export class ComparisonService {
  constructor(private readonly ds: DataSource) {}

  async run(p: Principal, referenceDate = nowIso().slice(0, 10)) {
    const latest = await this.latestImports(p.tenantId);
    if (!latest.household || !latest.student) {
      throw Errors.conflict('COMPARISON_NEEDS_REGISTERS', {
        zh: '请先导入户籍名册和学籍名册，再进行比对',
        en: 'Import the household register and the student register before comparing',
      });
    }
    const started = Date.now();
    const inputs: ComparisonInputs = {
      household: latest.household,
      student: latest.student,
      enrolment: latest.enrolment,
      poverty: latest.poverty,
      ...schoolAgeWindow(referenceDate),
    };
    const comparison: Comparison = {
      id: newId(),
      tenantId: p.tenantId,
      importIds: latest,
      referenceDate,
      counts: { unregistered: 0, suspectedDropout: 0, povertyDropout: 0, problemRegistrations: 0 },
      startedBy: p.userId,
      startedAt: nowIso(),
      durationMs: 0,
    };
    await this.ds.transaction(async (m) => {
      await m.getRepository(Comparison).insert(comparison);
      comparison.counts = await compareRegisters(m, p.tenantId, comparison.id, inputs);
      await landFindings(m, p.tenantId, comparison.id, p.userId);
      comparison.durationMs = Date.now() - started;
      await m.getRepository(Comparison).update({ id: comparison.id }, { counts: comparison.counts, durationMs: comparison.durationMs });
    });
    return presentComparison(comparison);
  }

  async findings(p: Principal, comparisonId: string, kind: FindingKind | undefined, page: number, pageSize: number) {
    const comparison = await this.ds.getRepository(Comparison).findOneBy({ id: comparisonId, tenantId: p.tenantId });
    if (!comparison) throw Errors.notFound({ zh: '比对结果', en: 'Comparison' });
    const [rows, total] = await this.ds.getRepository(ComparisonFinding).findAndCount({
      where: { comparisonId, ...(kind ? { kind } : {}) },
      order: { id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      comparison: presentComparison(comparison),
      items: rows.map((f) => ({ ...f, idNumber: undefined, idNumberMasked: maskResidentId(f.idNumber), tenantId: undefined })),
      total,
    };
  }

  private async latestImports(tenantId: string) {
    const out: Comparison['importIds'] = {};
    for (const source of ['household', 'student', 'enrolment', 'poverty'] as const) {
      const last = await this.ds.getRepository(RegisterImport).findOne({ where: { tenantId, source }, order: { importedAt: 'DESC' } });
      if (last) out[source] = last.id;
    }
    return out;
  }
}

export function presentComparison(c: Comparison): { id: string; counts: ComparisonCounts } & Record<string, unknown> {
  return {
    id: c.id,
    counts: c.counts,
    referenceDate: c.referenceDate,
    importIds: c.importIds,
    startedAt: c.startedAt,
    durationMs: c.durationMs,
  };
}
