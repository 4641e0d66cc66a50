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

/**
 * The school-entry cut-off (入学截止日, MM-DD): a child enters 一年级 in the September after turning 6 on or before
 * this day. Ningxia's rule is 8月31日 (both counties); a county whose rule differs passes its own.
 */
export const SCHOOL_ENTRY_CUTOFF = '08-31';

/**
 * Compulsory-school age 6–15 as a birth-date window, counted from birth dates at the entry cut-off of the school
 * year the reference date falls in (a school year starts the day after the cut-off): of school age is a child
 * aged 6 to 15 on that cut-off day — born after the day 16 years before it and on or before the day 6 years before.
 * A child who turns 6 the day after the cut-off waits a year; one who turned 16 by it has left the window.
 */
export function schoolAgeWindow(
  referenceDate: string,
  entryCutoff: string = SCHOOL_ENTRY_CUTOFF,
): { oldestBirthDate: string; youngestBirthDate: string } {
  if (!/^\d{2}-\d{2}$/.test(entryCutoff)) throw new Error(`entry cut-off ${entryCutoff}: use MM-DD`);
  const year = Number(referenceDate.slice(0, 4));
  // On or before the cut-off the school year that began the previous autumn is still running.
  const schoolYear = referenceDate.slice(5, 10) > entryCutoff ? year : year - 1;
  return { oldestBirthDate: `${schoolYear - 16}-${entryCutoff}`, youngestBirthDate: `${schoolYear - 6}-${entryCutoff}` };
}
