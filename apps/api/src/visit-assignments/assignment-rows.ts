import { splitSchoolList, VISIT_ASSIGNMENT_HEADERS } from '@kcbx/county-package';
import { AppError } from '../common/app-error';
import { pick, SheetRow } from '../imports/tabular-file';

/** A person of the county bureau who may be given townships (a role with report.read at the county or an office). */
export interface StaffMember {
  userId: string;
  username: string;
  displayName: string;
  /** the name of their role at the county, for an assignment whose list gives no office */
  roleName: string;
}

export interface UnitRef {
  code: string;
  name: string;
}

/** What the rows are checked against: the county's bureau staff, every user's name, townships and their schools. */
export interface AssignmentDirectory {
  staff: StaffMember[];
  /** every user of the county by username, to tell "not bureau staff" from "no such person" */
  usernames: Map<string, string>;
  townships: UnitRef[];
  schoolsOf: Map<string, UnitRef[]>;
}

export interface ResolvedAssignment {
  userId: string;
  office: string;
  townshipCode: string;
  schoolCodes: string[];
}

/** A refused cell: the row a clerk sees in Excel, our field, the column's header, and why (both languages). */
export interface AssignmentProblem {
  row: number;
  field: string;
  column: string;
  message: { zh: string; en: string };
}

/** The 附件's columns (shared with the CLI, which keeps the list in a county package). */
export const ASSIGNMENT_HEADERS = VISIT_ASSIGNMENT_HEADERS;
type Field = keyof typeof ASSIGNMENT_HEADERS;

/**
 * Checks a whole list and resolves every row to a person, a township and its schools; every bad cell is a
 * problem with its row and column, so the caller can refuse the list as a whole and say where to fix it.
 */
export function resolveAssignmentRows(
  rows: SheetRow[],
  dir: AssignmentDirectory,
): { rows: ResolvedAssignment[]; problems: AssignmentProblem[] } {
  const out: ResolvedAssignment[] = [];
  const problems: AssignmentProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const cell = (f: Field) => pick(r.cells, [...ASSIGNMENT_HEADERS[f]]).trim();
    const column = (f: Field) => ASSIGNMENT_HEADERS[f].find((h) => r.cells[h] !== undefined) ?? ASSIGNMENT_HEADERS[f][0];
    const fail = (f: Field, e: AppError) => problems.push({ row: r.row, field: f, column: column(f), message: e.text });
    if (Object.values(r.cells).every((v) => !v || !v.trim())) continue;
    const resolved = resolveOne(
      {
        username: cell('username'),
        displayName: cell('displayName'),
        office: cell('office'),
        township: cell('township'),
        schools: splitSchoolList(cell('schools')),
      },
      dir,
      (f, e) => fail(f as Field, e),
      (f) => column(f as Field),
    );
    if (!resolved) continue;
    const key = `${resolved.userId}:${resolved.townshipCode}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      fail('township', new AppError('VALIDATION_FAILED/assignment-duplicate', { row: first }));
      continue;
    }
    firstRowOf.set(key, r.row);
    out.push(resolved);
  }
  return { rows: out, problems };
}

export interface AssignmentCells {
  username: string;
  displayName: string;
  office: string;
  township: string;
  schools: string[];
}

/** One assignment's person, township and schools; each refusal goes to `fail` with the field it is about. */
export function resolveOne(
  c: AssignmentCells,
  dir: AssignmentDirectory,
  fail: (field: string, e: AppError) => void,
  columnName: (field: string) => string = (f) => f,
): ResolvedAssignment | null {
  let ok = true;
  const refuse = (field: string, e: AppError) => {
    ok = false;
    fail(field, e);
  };
  let person: StaffMember | undefined;
  if (!c.username && !c.displayName) {
    refuse('displayName', new AppError('VALIDATION_FAILED/assignment-missing', { column: columnName('displayName') }));
  } else if (c.username) {
    person = dir.staff.find((s) => s.username === c.username);
    if (!person) {
      const known = dir.usernames.get(c.username);
      refuse(
        'username',
        known
          ? new AppError('VALIDATION_FAILED/assignment-not-bureau-staff', { person: known })
          : new AppError('VALIDATION_FAILED/assignment-person-unknown', { person: c.username }),
      );
    }
  } else {
    const named = dir.staff.filter((s) => s.displayName === c.displayName);
    if (named.length === 1) person = named[0];
    else if (named.length > 1)
      refuse('displayName', new AppError('VALIDATION_FAILED/assignment-person-ambiguous', { person: c.displayName }));
    else refuse('displayName', new AppError('VALIDATION_FAILED/assignment-person-unknown', { person: c.displayName }));
  }
  let township: UnitRef | undefined;
  if (!c.township) refuse('township', new AppError('VALIDATION_FAILED/assignment-missing', { column: columnName('township') }));
  else {
    township = dir.townships.find((t) => t.code === c.township || t.name === c.township);
    if (!township) refuse('township', new AppError('VALIDATION_FAILED/assignment-township-unknown', { township: c.township }));
  }
  const schoolCodes: string[] = [];
  if (township) {
    const schools = dir.schoolsOf.get(township.code) ?? [];
    for (const s of c.schools) {
      const school = schools.find((x) => x.code === s || x.name === s);
      if (!school) refuse('schools', new AppError('VALIDATION_FAILED/assignment-school-unknown', { school: s, township: township.name }));
      else if (!schoolCodes.includes(school.code)) schoolCodes.push(school.code);
    }
  }
  if (!ok || !person || !township) return null;
  return { userId: person.userId, office: (c.office || person.roleName).slice(0, 60), townshipCode: township.code, schoolCodes };
}
