import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Comparison, ComparisonCounts, ComparisonFinding, FindingKind, RegisterImport, RegisterSource } from '../database/entities';
import { positional } from '../database/named-parameters';
import type { Tx } from '../database/transaction';
import { ComparisonInputs, findingStatements } from './comparison-queries';

/** Comparisons of the registers (`comparison`), their findings (`comparison_finding`) and the imports they compare. */
@Injectable()
export class ComparisonsRepository {
  constructor(private readonly ds: DataSource) {}

  /** the county's latest import of a register, if any */
  async latestImportId(tenantId: string, source: RegisterSource): Promise<string | undefined> {
    const last = await this.ds.getRepository(RegisterImport).findOne({ where: { tenantId, source }, order: { importedAt: 'DESC' } });
    return last?.id;
  }

  /** a comparison of the county */
  ofTenant(tenantId: string, id: string): Promise<Comparison | null> {
    return this.ds.getRepository(Comparison).findOneBy({ id, tenantId });
  }

  /** one page of a comparison's findings (of one kind when given), in the order they were written, with their total */
  findingsPage(
    comparisonId: string,
    kind: FindingKind | undefined,
    page: number,
    pageSize: number,
  ): Promise<[ComparisonFinding[], number]> {
    return this.ds.getRepository(ComparisonFinding).findAndCount({
      where: { comparisonId, ...(kind ? { kind } : {}) },
      order: { id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  async add(tx: Tx, comparison: Comparison): Promise<void> {
    await tx.getRepository(Comparison).insert(comparison);
  }

  /** the comparison's outcome, once its findings are written */
  async finish(tx: Tx, id: string, outcome: Pick<Comparison, 'counts' | 'durationMs'>): Promise<void> {
    await tx.getRepository(Comparison).update({ id }, outcome);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

/** Runs a named-parameter statement through the driver's own placeholder style. */
export async function runNamed(m: Tx, sql: string, params: Record<string, unknown>): Promise<unknown> {
  const [query, values] = positional(m.connection.options.type === 'postgres' ? 'postgres' : 'sqlite', sql, params);
  return m.query(query, values);
}

/** Writes the findings of one comparison and returns its counts (used by the API and the benchmark). */
export async function compareRegisters(m: Tx, tenantId: string, comparisonId: string, inputs: ComparisonInputs): Promise<ComparisonCounts> {
  const params = { ...inputs, tenantId, comparisonId };
  for (const statement of findingStatements(inputs)) await runNamed(m, statement.sql, params);
  const rows: { kind: FindingKind; n: string | number }[] = await m
    .getRepository(ComparisonFinding)
    .createQueryBuilder('f')
    .select('f.kind', 'kind')
    .addSelect('COUNT(*)', 'n')
    .where('f.comparisonId = :comparisonId', { comparisonId })
    .groupBy('f.kind')
    .getRawMany();
  const counts: Partial<Record<FindingKind, number>> = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  return {
    unregistered: counts.unregistered ?? 0,
    suspectedDropout: counts.suspectedDropout ?? 0,
    povertyDropout: counts.povertyDropout ?? 0,
    problemRegistrations: (counts.idNotFound ?? 0) + (counts.nameMismatch ?? 0),
  };
}
