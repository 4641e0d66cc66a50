/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), 1 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'checksum';

export interface ResidentIdInfo {
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Returns the first problem found, or null when the number is valid. */
export function residentIdProblem(value: string, today: Date = new Date()): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (value.startsWith('00')) return 'region';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !validDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) return 'birthDate';
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}

export function isResidentId(value: string): boolean {
  return residentIdProblem(value) === null;
}

/** Birth date, sex and region read from a valid number; null for an invalid one. */
export function parseResidentId(value: string): ResidentIdInfo | null {
  if (!isResidentId(value)) return null;
  return {
    regionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Builds a checksum-valid number, for synthetic demo and test data only. */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number, sex: 'male' | 'female'): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** 640422********0017 — what lists show. */
export function maskResidentId(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

const SEX_WORDS: Record<string, 'male' | 'female'> = {
  male: 'male',
  female: 'female',
  男: 'male',
  女: 'female',
  M: 'male',
  F: 'female',
  '1': 'male',
  '2': 'female',
};

/**
 * The sex a form's sex field means, in the words forms use for it (male/female, 男/女, M/F, and GB/T 2261.1's
 * codes 1/2), to compare with what an ID number says; undefined for anything else.
 */
export function sexOfWord(word: unknown): 'male' | 'female' | undefined {
  return SEX_WORDS[String(word)];
}
