import type { FindingKind } from '../database/entities';

/**
 * The comparison as set operations inside the database (INSERT … SELECT with NOT EXISTS over the
 * (importId, idNumber) index): nothing but counts travels to Node, so memory stays flat at any size and
 * the same SQL runs on SQLite and PostgreSQL. Named parameters (:name) are bound by the driver.
 */
export interface ComparisonInputs {
  household: string;
  student: string;
  enrolment?: string;
  poverty?: string;
  /** Born after this date (exclusive) … */
  oldestBirthDate: string;
  /** … and on or before this date: of compulsory-school age (6–15) on the reference date. */
  youngestBirthDate: string;
}

const COLUMNS = '"tenantId", "comparisonId", "kind", "idNumber", "name", "township", "village", "school", "grade", "detail"';

const insert = (kind: FindingKind, select: string) =>
  `INSERT INTO comparison_finding (${COLUMNS}) SELECT :tenantId, :comparisonId, '${kind}', ${select}`;

const absentFrom = (alias: string, importParam: string, outer: string) =>
  `NOT EXISTS (SELECT 1 FROM register_entry ${alias} WHERE ${alias}."importId" = :${importParam} AND ${alias}."idNumber" = ${outer}."idNumber")`;
const presentIn = (alias: string, importParam: string, outer: string) => absentFrom(alias, importParam, outer).replace(/^NOT /, '');

const FIELDS = (a: string, detail = 'NULL') =>
  `${a}."idNumber", ${a}."name", ${a}."township", ${a}."village", ${a}."school", ${a}."grade", ${detail}`;

export function findingStatements(inputs: ComparisonInputs): { kind: FindingKind; sql: string }[] {
  const out: { kind: FindingKind; sql: string }[] = [
    {
      // 有户无籍: school-age children in the household register with no student registration.
      kind: 'unregistered',
      sql: `${insert('unregistered', FIELDS('h'))} FROM register_entry h WHERE h."importId" = :household
        AND h."birthDate" > :oldestBirthDate AND h."birthDate" <= :youngestBirthDate AND ${absentFrom('s', 'student', 'h')}`,
    },
    {
      // Registered, but the ID number is not in the household register.
      kind: 'idNotFound',
      sql: `${insert('idNotFound', FIELDS('s'))} FROM register_entry s WHERE s."importId" = :student AND ${absentFrom('h', 'household', 's')}`,
    },
    {
      kind: 'nameMismatch',
      sql: `${insert('nameMismatch', FIELDS('s', 'h."name"'))} FROM register_entry s JOIN register_entry h
        ON h."importId" = :household AND h."idNumber" = s."idNumber" WHERE s."importId" = :student AND s."name" <> h."name"`,
    },
  ];
  if (inputs.enrolment) {
    // 名在人不在: registered, but on no school's in-school roster.
    out.push({
      kind: 'suspectedDropout',
      sql: `${insert('suspectedDropout', FIELDS('s'))} FROM register_entry s WHERE s."importId" = :student AND ${absentFrom('e', 'enrolment', 's')}`,
    });
    if (inputs.poverty) {
      out.push({
        kind: 'povertyDropout',
        sql: `${insert('povertyDropout', FIELDS('s'))} FROM register_entry s WHERE s."importId" = :student
          AND ${absentFrom('e', 'enrolment', 's')} AND ${presentIn('p', 'poverty', 's')}`,
      });
    }
  }
  return out;
}

/**
 * The reference: the same questions asked as plain LEFT JOINs, returning the ID numbers. Used by tests and
 * the benchmark to prove the comparison agrees exactly.
 */
export const REFERENCE_QUERIES: Partial<Record<FindingKind, string>> = {
  unregistered: `SELECT h."idNumber" FROM register_entry h LEFT JOIN register_entry s ON s."importId" = :student AND s."idNumber" = h."idNumber"
    WHERE h."importId" = :household AND h."birthDate" > :oldestBirthDate AND h."birthDate" <= :youngestBirthDate AND s."id" IS NULL`,
  suspectedDropout: `SELECT s."idNumber" FROM register_entry s LEFT JOIN register_entry e ON e."importId" = :enrolment AND e."idNumber" = s."idNumber"
    WHERE s."importId" = :student AND e."id" IS NULL`,
  idNotFound: `SELECT s."idNumber" FROM register_entry s LEFT JOIN register_entry h ON h."importId" = :household AND h."idNumber" = s."idNumber"
    WHERE s."importId" = :student AND h."id" IS NULL`,
};

/** Compulsory-school age 6–15 on the reference date, as a birth-date window. */
export function schoolAgeWindow(referenceDate: string): { oldestBirthDate: string; youngestBirthDate: string } {
  const [y, m, d] = referenceDate.split('-');
  return { oldestBirthDate: `${Number(y) - 16}-${m}-${d}`, youngestBirthDate: `${Number(y) - 6}-${m}-${d}` };
}
