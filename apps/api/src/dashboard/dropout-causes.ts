import type { CaseSubmission } from './dropout-causes.repository';

export interface CauseCount {
  cause: string;
  n: number;
}

/**
 * Dropout causes (辍学原因) as the persuasion visits recorded them: for each ledger entry whose case has a
 * submitted `dropoutCause`, the latest one counts once (`submissions` come oldest first). Entries whose case has not
 * recorded a cause yet are not counted here (their ledger reason is in `byReason`).
 */
export function dropoutCauses(submissions: CaseSubmission[]): CauseCount[] {
  const causeOf = new Map<string, string>();
  for (const s of submissions) {
    const cause = s.data?.dropoutCause;
    if (typeof cause === 'string' && cause) causeOf.set(s.entryId, cause);
  }
  const counts = new Map<string, number>();
  for (const cause of causeOf.values()) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return [...counts].map(([cause, n]) => ({ cause, n })).sort((a, b) => b.n - a.n || a.cause.localeCompare(b.cause));
}
