import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@kcbx/cn-codes';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { Comparison, ComparisonCounts, FindingKind } from '../database/entities';
import { Principal } from '../identity/principal';
import { ComparisonInputs, schoolAgeWindow } from './comparison-queries';
import { compareRegisters, ComparisonsRepository } from './comparisons.repository';
import { landFindings } from '../ledgers/ledger-landing';

export { runNamed } from './comparisons.repository';

@Injectable()
export class ComparisonService {
  constructor(private readonly rows: ComparisonsRepository) {}

  async run(p: Principal, referenceDate = nowIso().slice(0, 10)) {
    const latest = await this.latestImports(p.tenantId);
    if (!latest.household || !latest.student) {
      throw new AppError('COMPARISON_NEEDS_REGISTERS');
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
    await this.rows.transaction(async (m) => {
      await this.rows.add(m, comparison);
      comparison.counts = await compareRegisters(m, p.tenantId, comparison.id, inputs);
      await landFindings(m, p.tenantId, comparison.id, p.userId);
      comparison.durationMs = Date.now() - started;
      await this.rows.finish(m, comparison.id, { counts: comparison.counts, durationMs: comparison.durationMs });
    });
    return presentComparison(comparison);
  }

  async findings(p: Principal, comparisonId: string, kind: FindingKind | undefined, page: number, pageSize: number) {
    const comparison = await this.rows.ofTenant(p.tenantId, comparisonId);
    if (!comparison) throw Errors.notFound('comparison');
    const [rows, total] = await this.rows.findingsPage(comparisonId, kind, page, pageSize);
    return {
      comparison: presentComparison(comparison),
      items: rows.map((f) => ({ ...f, idNumber: undefined, idNumberMasked: maskResidentId(f.idNumber), tenantId: undefined })),
      total,
    };
  }

  private async latestImports(tenantId: string) {
    const out: Comparison['importIds'] = {};
    for (const source of ['household', 'student', 'enrolment', 'poverty'] as const) {
      const last = await this.rows.latestImportId(tenantId, source);
      if (last) out[source] = last;
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
