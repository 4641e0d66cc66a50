import { CASE_TABLES, type CaseTable } from './case-tables';
import { auditCompletions } from './audit';
import { insertRows } from './insert-rows';
import { spreadOverUnits, unitOfPath, unitOfVariable } from './org-spread';
import { columnsOf, digits, idCopy, isoMinus, placeholder, q, type SqlRunner } from './sql';

/**
 * Five years of a county, made from the cases the demo seed played through the API's own services: every
 * finished case is copied until there are `cases` finished ones, spread over `years`; every open case until
 * there are `open` open tasks. The copies are INSERT … SELECT of the template's rows with ids given a copy
 * suffix, times moved into the past and the child moved to a copy of the template's child, so they are the same
 * rows in the same shape (test/scale-generator.int-spec.ts compares one with its template).
 */
export interface CountySize {
  students: number;
  cases: number;
  open: number;
  years: number;
  /** register imports per year (the school-roll uploads each term) */
  importsPerYear: number;
  /** unit codes that get no copies (the bench's teacher with no work, its clerks) */
  quietUnits?: string[];
  /** procedure keys whose cases are not copied (the bench's own clerks' procedure) */
  skipKeys?: string[];
}

export interface CountyReport {
  templates: { finished: number; open: number; openTasks: number };
  copies: { finished: number; open: number; students: number; imports: number; auditEntries: number };
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** copies inserted per round of statements: bounds a statement's memory and a transaction's size */
const BATCH = 2000;

export async function generateCounty(db: SqlRunner, tenantId: string, size: CountySize): Promise<CountyReport> {
  const p = (i: number) => placeholder(db.dialect, i);
  await dropWorkTables(db);
  await db.query(`CREATE TABLE scale_template (instance_id VARCHAR PRIMARY KEY, root_id VARCHAR NOT NULL, kind VARCHAR NOT NULL)`);
  await db.query(
    `CREATE TABLE scale_copy (k INTEGER NOT NULL, kind VARCHAR NOT NULL, shift BIGINT NOT NULL, sj INTEGER NOT NULL, ur INTEGER NOT NULL)`,
  );
  // A child instance (a called decision) belongs to its root case and is copied with it.
  await db.query(
    `INSERT INTO scale_template (instance_id, root_id, kind)
     SELECT i."id", COALESCE(r."id", i."id"), CASE WHEN COALESCE(r."state", i."state") = 'completed' THEN 'done' ELSE 'open' END
       FROM bpmn_instance i
       LEFT JOIN bpmn_execution pe ON pe."id" = i."parentExecutionId"
       LEFT JOIN bpmn_instance r ON r."id" = pe."instanceId"
      WHERE i."tenantId" = ${p(1)}${(size.skipKeys ?? []).map((_, k) => ` AND COALESCE(r."key", i."key") <> ${p(k + 2)}`).join('')}`,
    [tenantId, ...(size.skipKeys ?? [])],
  );
  const [counts] = await db.query<{ finished: number; open: number; tasks: number }>(
    // cases are the instances no other started (a called decision whose caller's execution is gone is no case)
    `SELECT (SELECT COUNT(*) FROM scale_template s JOIN bpmn_instance i ON i."id" = s.instance_id
              WHERE s.kind = 'done' AND i."parentExecutionId" IS NULL) AS finished,
            (SELECT COUNT(*) FROM scale_template WHERE kind = 'open' AND instance_id = root_id) AS open,
            (SELECT COUNT(*) FROM bpmn_task t JOIN scale_template s ON s.instance_id = t."instanceId"
              WHERE t."state" = 'created') AS tasks`,
  );
  const templates = { finished: Number(counts.finished), open: Number(counts.open), openTasks: Number(counts.tasks) };
  const [{ n: studentCount }] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM student WHERE "tenantId" = ${p(1)}`, [tenantId]);
  const studentCopies = Math.max(1, Math.ceil(size.students / Math.max(1, Number(studentCount))));
  const finishedCopies = templates.finished ? Math.max(0, Math.ceil(size.cases / templates.finished) - 1) : 0;
  const openCopies = templates.openTasks ? Math.max(0, Math.ceil(size.open / templates.openTasks) - 1) : 0;

  const places = await spreadOverUnits(db, tenantId, size.quietUnits ?? []);
  await copyStudents(db, tenantId, studentCopies, places);
  // Finished cases spread evenly over the years; open ones over the last day (their timers stay in the future).
  const spread = (k: number, n: number, span: number) => Math.floor((k * span) / Math.max(1, n));
  const rounds: { k: number; kind: string; shift: number }[] = [];
  for (let k = 1; k <= finishedCopies; k++) rounds.push({ k, kind: 'done', shift: spread(k, finishedCopies, size.years * YEAR_MS) });
  for (let k = 1; k <= openCopies; k++)
    rounds.push({ k: finishedCopies + k, kind: 'open', shift: spread(k, openCopies, 20 * 3600 * 1000) });
  const statements: (string | null)[] = [];
  for (const t of CASE_TABLES) statements.push(await copyStatement(db, t));
  for (let i = 0; i < rounds.length; i += BATCH) {
    await db.query(`DELETE FROM scale_copy`);
    const batch = rounds.slice(i, i + BATCH);
    // the copy's child: the template's child's copy number `sj` (0 = the template child itself)
    await insertRows(
      db,
      'scale_copy',
      ['k', 'kind', 'shift', 'sj', 'ur'],
      // and the units it moves by: its child's (org-spread.ts)
      batch.map((r) => [r.k, r.kind, r.shift, r.k % studentCopies, (r.k % studentCopies) % places]),
    );
    for (const sql of statements) if (sql) await db.query(sql);
  }
  const imports = await copyImports(db, tenantId, size.years * size.importsPerYear);
  await dropWorkTables(db);
  const auditEntries = await auditCompletions(db, tenantId);
  return { templates, copies: { finished: finishedCopies, open: openCopies, students: studentCopies - 1, imports, auditEntries } };
}

async function dropWorkTables(db: SqlRunner): Promise<void> {
  for (const t of ['scale_template', 'scale_copy', 'scale_student_copy', 'scale_unit']) await db.query(`DROP TABLE IF EXISTS ${t}`);
}

/** The copy of an ID number for child copy `sj`: the same birth date and sequence under another six-digit prefix. */
const idNumberCopy = (db: SqlRunner, idNumber: string, sj: string) => `${digits(db.dialect, sj, 6)} || substr(${idNumber}, 7)`;

/** One INSERT … SELECT that copies `t`'s rows of every template case once per row of scale_copy. */
async function copyStatement(db: SqlRunner, t: CaseTable): Promise<string | null> {
  const cols = await columnsOf(db, t.table);
  if (cols.length === 0) return null;
  const has = new Set(cols.map((c) => c.name));
  const studentCopy = (e: string) => `CASE WHEN c.sj = 0 THEN ${e} ELSE ${idCopy(db.dialect, e, 's', 'c.sj')} END`;
  const studentText = (x: string) =>
    `CASE WHEN c.sj = 0 OR ss."id" IS NULL THEN ${x} ELSE replace(replace(${x}, ss."id", ${studentCopy('ss."id"')}), ss."idNumber", ${idNumberCopy(db, 'ss."idNumber"', 'c.sj')}) END`;
  const exprs = cols.map(({ name }) => {
    const x = `x.${q(name)}`;
    // an open step claimed by someone at the template's unit is unclaimed once the case moved to another unit
    if (t.unclaimMoved && (name === 'assignee' || name === 'claimedAt'))
      return `CASE WHEN c.ur <> 0 AND x."state" = 'created' THEN NULL ELSE ${t.ms?.includes(name) ? `${x} - c.shift` : x} END`;
    if (name === t.unitPath) return `COALESCE(su.new_path, ${x})`;
    if (t.unitVariable && name === 'value')
      return `CASE WHEN su.new_code IS NOT NULL THEN '"' || su.new_code || '"' ELSE ${studentText(x)} END`;
    if (t.ids.includes(name)) return idCopy(db.dialect, x, 'k', 'c.k');
    if (t.ms?.includes(name)) return `${x} - c.shift`;
    if (t.iso?.includes(name)) return isoMinus(db.dialect, x, 'c.shift');
    if (t.student?.includes(name)) return studentCopy(x);
    if (t.studentText?.includes(name)) return studentText(x);
    return x;
  });
  const missing = [...t.ids, ...(t.ms ?? []), ...(t.iso ?? [])].filter((c) => !has.has(c));
  if (missing.length) throw new Error(`${t.table} has no column ${missing.join(', ')}: update case-tables.ts`);
  const studentJoin = t.studentText
    ? `LEFT JOIN process_instance_link sl ON sl."instanceId" = st.root_id LEFT JOIN student ss ON ss."id" = sl."studentId"`
    : '';
  const unitJoin = t.unitPath ? unitOfPath(`x.${q(t.unitPath)}`) : t.unitVariable ? unitOfVariable : '';
  return `INSERT INTO ${t.table} (${cols.map((c) => q(c.name)).join(', ')})
          SELECT ${exprs.join(', ')} FROM ${t.table} x ${t.via ?? ''}
            JOIN scale_template st ON st.instance_id = ${t.instance}
            JOIN scale_copy c ON c.kind = st.kind ${studentJoin} ${unitJoin}`;
}

/** Copies 1 … n-1 of every child of the county (the same child at another ID number), and of their own ledger entries. */
async function copyStudents(db: SqlRunner, tenantId: string, copies: number, places: number): Promise<void> {
  if (copies <= 1) return;
  await db.query(`CREATE TABLE scale_student_copy (sj INTEGER NOT NULL, ur INTEGER NOT NULL)`);
  await insertRows(
    db,
    'scale_student_copy',
    ['sj', 'ur'],
    Array.from({ length: copies - 1 }, (_, i) => [i + 1, (i + 1) % places]),
  );
  const p = placeholder(db.dialect, 1);
  const studentCols = await columnsOf(db, 'student');
  const student = studentCols.map(({ name }) =>
    name === 'id'
      ? idCopy(db.dialect, 'x."id"', 's', 'c.sj')
      : name === 'idNumber'
        ? idNumberCopy(db, 'x."idNumber"', 'c.sj')
        : name === 'schoolId'
          ? 'COALESCE(su.new_id, x."schoolId")'
          : name === 'schoolPath'
            ? 'COALESCE(su.new_path, x."schoolPath")'
            : `x.${q(name)}`,
  );
  await db.query(
    `INSERT INTO student (${studentCols.map((c) => q(c.name)).join(', ')})
     SELECT ${student.join(', ')} FROM student x CROSS JOIN scale_student_copy c ${unitOfPath('x."schoolPath"')} WHERE x."tenantId" = ${p}`,
    [tenantId],
  );
  // the ledgers' entries that are no case's (reported, compared, signed off) belong to their child
  const entryCols = await columnsOf(db, 'ledger_entry');
  const entry = entryCols.map(({ name }) =>
    name === 'id' || name === 'studentId'
      ? idCopy(db.dialect, `x.${q(name)}`, 's', 'c.sj')
      : name === 'idNumber'
        ? idNumberCopy(db, 'x."idNumber"', 'c.sj')
        : name === 'orgUnitPath'
          ? 'COALESCE(su.new_path, x."orgUnitPath")'
          : `x.${q(name)}`,
  );
  await db.query(
    `INSERT INTO ledger_entry (${entryCols.map((c) => q(c.name)).join(', ')})
     SELECT ${entry.join(', ')} FROM ledger_entry x CROSS JOIN scale_student_copy c ${unitOfPath('x."orgUnitPath"')}
      WHERE x."tenantId" = ${p} AND x."caseId" IS NULL`,
    [tenantId],
  );
  const eventCols = await columnsOf(db, 'ledger_event');
  const event = eventCols.map(({ name }) =>
    name === 'id' || name === 'entryId' ? idCopy(db.dialect, `x.${q(name)}`, 's', 'c.sj') : `x.${q(name)}`,
  );
  await db.query(
    `INSERT INTO ledger_event (${eventCols.map((c) => q(c.name)).join(', ')})
     SELECT ${event.join(', ')} FROM ledger_event x JOIN ledger_entry le ON le."id" = x."entryId" AND le."caseId" IS NULL
      CROSS JOIN scale_student_copy c WHERE x."tenantId" = ${p}`,
    [tenantId],
  );
}

/** The register uploads of earlier terms: each import and its rows again, a quarter of a year apart. */
async function copyImports(db: SqlRunner, tenantId: string, imports: number): Promise<number> {
  const p = placeholder(db.dialect, 1);
  const [{ n }] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM register_import WHERE "tenantId" = ${p}`, [tenantId]);
  const copies = Math.max(0, Math.ceil(imports / Math.max(1, Number(n))) - 1);
  if (copies === 0) return 0;
  await db.query(`CREATE TABLE scale_copy_i (k INTEGER NOT NULL, shift BIGINT NOT NULL)`);
  await insertRows(
    db,
    'scale_copy_i',
    ['k', 'shift'],
    Array.from({ length: copies }, (_, i) => [i + 1, (i + 1) * (YEAR_MS / 4)]),
  );
  const importCols = await columnsOf(db, 'register_import');
  const imp = importCols.map(({ name }) =>
    name === 'id'
      ? idCopy(db.dialect, 'x."id"', 'i', 'c.k')
      : name === 'importedAt'
        ? isoMinus(db.dialect, 'x."importedAt"', 'c.shift')
        : `x.${q(name)}`,
  );
  await db.query(
    `INSERT INTO register_import (${importCols.map((c) => q(c.name)).join(', ')})
     SELECT ${imp.join(', ')} FROM register_import x CROSS JOIN scale_copy_i c WHERE x."tenantId" = ${p}`,
    [tenantId],
  );
  // register_entry's id is a sequence: the copies take new numbers
  const rowCols = (await columnsOf(db, 'register_entry')).filter((c) => c.name !== 'id');
  const row = rowCols.map(({ name }) => (name === 'importId' ? idCopy(db.dialect, 'x."importId"', 'i', 'c.k') : `x.${q(name)}`));
  await db.query(
    `INSERT INTO register_entry (${rowCols.map((c) => q(c.name)).join(', ')})
     SELECT ${row.join(', ')} FROM register_entry x CROSS JOIN scale_copy_i c WHERE x."tenantId" = ${p}`,
    [tenantId],
  );
  await db.query(`DROP TABLE scale_copy_i`);
  return copies * Number(n);
}
