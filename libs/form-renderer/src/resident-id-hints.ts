import { parseResidentId, sexOfWord, residentIdProblem } from '@kcbx/cn-codes';

export interface ResidentIdHint {
  /** What the number says, shown under the field while typing. */
  birthDate?: string;
  sex?: 'male' | 'female';
  /** Sibling fields that disagree with the number. */
  mismatches: Array<'birthDate' | 'sex'>;
  problem?: string | null;
}

/** Birth date and sex read from an ID number, compared with the sibling birthDate/sex fields if present. */
export function residentIdHint(value: unknown, siblings: { birthDate?: unknown; sex?: unknown } = {}): ResidentIdHint {
  if (typeof value !== 'string' || value.length < 18) return { mismatches: [] };
  const info = parseResidentId(value.toUpperCase());
  if (!info) return { mismatches: [], problem: residentIdProblem(value.toUpperCase()) };
  const mismatches: ResidentIdHint['mismatches'] = [];
  if (typeof siblings.birthDate === 'string' && siblings.birthDate && siblings.birthDate !== info.birthDate) mismatches.push('birthDate');
  if (siblings.sex !== undefined && siblings.sex !== '' && sexOfWord(siblings.sex) !== info.sex) mismatches.push('sex');
  return { birthDate: info.birthDate, sex: info.sex, mismatches, problem: null };
}
