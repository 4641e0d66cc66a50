import type { CauseRow } from './dropout-causes.repository';

export interface CauseCount {
  cause: string;
  n: number;
}

/**
 * Dropout causes (辍学原因) as the persuasion visits recorded them: each ledger entry whose case has a submitted
 * `dropoutCause` counts once, under the latest one (`DropoutCausesRepository.causeCounts`); the most frequent first.
 * Entries whose case has not recorded a cause yet are not counted here (their ledger reason is in `byReason`).
 */
export function dropoutCauses(rows: CauseRow[]): CauseCount[] {
  return rows.map((r) => ({ cause: r.cause, n: Number(r.n) })).sort((a, b) => b.n - a.n || a.cause.localeCompare(b.cause));
}
