import { isResidentId } from './resident-id';

/**
 * 全国学籍号 (national student registration number): "G" + the resident ID number for children who have one;
 * "L" + a temporary 18-character number or "J" + an 18-character number for those who do not yet.
 */
export type StudentNumberKind = 'G' | 'L' | 'J';

export function studentNumberKind(value: string): StudentNumberKind | null {
  if (/^G\d{17}[\dX]$/.test(value) && isResidentId(value.slice(1))) return 'G';
  if (/^[LJ]\d{17}[\dX]$/.test(value)) return value[0] as StudentNumberKind;
  return null;
}

export function isStudentNumber(value: string): boolean {
  return studentNumberKind(value) !== null;
}
