import { DataSource } from 'typeorm';
import { FormSubmission, LedgerEntry } from '../database/entities';

export interface CauseCount {
  cause: string;
  n: number;
}

/**
 * Dropout causes (辍学原因) as the persuasion visits recorded them: for each ledger entry under `path` whose
 * case has a submitted `dropoutCause`, the latest one counts once. Entries whose case has not recorded a
 * cause yet are not counted here (their ledger reason is in `byReason`).
 */
export async function dropoutCauses(ds: DataSource, tenantId: string, path: string): Promise<CauseCount[]> {
  const rows = await ds
    .getRepository(FormSubmission)
    .createQueryBuilder('s')
    .innerJoin(LedgerEntry, 'e', 'e.caseId = s.instanceId AND e.tenantId = s.tenantId')
    .select(['s.id', 's.data', 's.submittedAt'])
    .addSelect('e.id', 'entryId')
    .where('s.tenantId = :tenantId AND e.orgUnitPath LIKE :path', { tenantId, path: `${path}%` })
    .orderBy('s.submittedAt', 'ASC')
    .getRawAndEntities();
  const causeOf = new Map<string, string>();
  rows.entities.forEach((s, i) => {
    const cause = s.data?.dropoutCause;
    if (typeof cause === 'string' && cause) causeOf.set((rows.raw[i] as { entryId: string }).entryId, cause);
  });
  const counts = new Map<string, number>();
  for (const cause of causeOf.values()) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return [...counts].map(([cause, n]) => ({ cause, n })).sort((a, b) => b.n - a.n || a.cause.localeCompare(b.cause));
}
