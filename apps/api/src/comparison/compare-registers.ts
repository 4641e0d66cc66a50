import { EntityManager } from 'typeorm';
import { ComparisonCounts, ComparisonFinding, FindingKind } from '../database/entities';
import { ComparisonInputs, findingStatements } from './comparison-queries';

/** Runs a named-parameter statement through the driver's own placeholder style. */
export async function runNamed(m: EntityManager, sql: string, params: Record<string, unknown>): Promise<unknown> {
  const [query, values] = m.connection.driver.escapeQueryWithParameters(sql, params, {});
  return m.query(query, values);
}

/** Writes the findings of one comparison and returns its counts (used by the API and the benchmark). */
export async function compareRegisters(
  m: EntityManager,
  tenantId: string,
  comparisonId: string,
  inputs: ComparisonInputs,
): Promise<ComparisonCounts> {
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
