import * as fs from 'fs';
import * as path from 'path';
import { CASE_TABLES } from '../bench/scale/case-tables';
import { generateCounty } from '../bench/scale/county-history';
import { placeholder, q, type SqlRunner } from '../bench/scale/sql';
import { Actor } from './support/county-package';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * The history generator (`npm run bench -- scale`) copies the cases the demo seed played through the API's own
 * services. Its figures mean something only if a copy is a case like any other: the same tables hold its rows,
 * the same columns are filled, and the student file and the inbox read it exactly as they read its template.
 */
type Row = Record<string, unknown>;

/**
 * ids, times, the child's ID number (a copy's child is a copy) and the unit (a copy sits at its child's school)
 * differ by design; everything else must be equal
 */
function shape(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => shape(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Row).map(([k, x]) => [k, shape(x, k)]));
  if (v === null || v === undefined) return v;
  if (key === 'id' || /Id$/.test(key)) return '<id>';
  if (key === 'idNumber') return '<idNumber>';
  if (/^orgUnit(Name|Code|Path)$/.test(key)) return '<unit>';
  if (/At$/.test(key) || (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v))) return '<time>';
  return v;
}

describe('scale bench: a generated case is a case like one run through the API', () => {
  let t: TestApp;
  let db: SqlRunner;
  let template: { id: string; studentId: string };
  /** a step a class teacher completed over HTTP: the audit row the API itself wrote for it */
  let completedOverHttp: string;
  const p = (i: number) => placeholder(db.dialect, i);

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO_CASES: 'true', SEED_DEMO_WORKFLOWS: 'true', JOB_POLL_MS: '0' } });
    db = { dialect: t.db.kind, query: (sql, params) => t.ds.query(sql, params) };
    const [{ id: tenantId }] = await db.query<{ id: string }>(`SELECT "id" FROM tenant WHERE "code" = '640422'`);
    // a finished case about a child, played by the demo seed (the suspension the township refused)
    [template] = await db.query<{ id: string; studentId: string }>(
      `SELECT i."id", l."studentId" FROM bpmn_instance i JOIN process_instance_link l ON l."instanceId" = i."id"
        WHERE i."key" = 'deferral-suspension' AND i."state" = 'completed'`,
    );
    completedOverHttp = await completeOneStepOverHttp(t);
    const [{ students }] = await db.query<{ students: number }>(`SELECT COUNT(*) AS students FROM student`);
    const [{ finished }] = await db.query<{ finished: number }>(
      `SELECT COUNT(*) AS finished FROM bpmn_instance WHERE "state" = 'completed' AND "parentExecutionId" IS NULL`,
    );
    const [{ open }] = await db.query<{ open: number }>(`SELECT COUNT(*) AS open FROM bpmn_task WHERE "state" = 'created'`);
    // two of everything: copy 1 of each finished case is about copy 1 of its child
    await generateCounty(db, tenantId, {
      students: 2 * Number(students),
      cases: 2 * Number(finished),
      open: 2 * Number(open),
      years: 5,
      importsPerYear: 1,
    });
  });
  afterAll(() => t.close());

  const copyOf = (id: string, k: number) => (id.length >= 30 ? `${id.slice(0, 24)}k${String(k).padStart(11, '0')}` : `${id}-k${k}`);
  const studentCopy = (id: string) => `${id.slice(0, 24)}s${String(1).padStart(11, '0')}`;

  it.each(CASE_TABLES.filter((c) => !c.via).map((c) => [c.table, c]))('%s: the same rows with the same columns filled', async (_, c) => {
    const rowsOf = (instanceId: string) =>
      db.query<Row>(`SELECT * FROM ${c.table} x WHERE ${c.instance} = ${p(1)} ORDER BY ${q(c.ids[0])}`, [instanceId]);
    const [original, copy] = await Promise.all([rowsOf(template.id), rowsOf(copyOf(template.id, 1))]);
    const filled = (rows: Row[]) =>
      rows.map((r) =>
        Object.keys(r)
          .filter((k) => r[k] !== null)
          .sort(),
      );
    expect(copy.length).toBe(original.length);
    expect(filled(copy)).toEqual(filled(original));
  });

  it('writes the audit row the API writes for a completed step, once per step', async () => {
    const auditOf = (taskId: string) =>
      db.query<Row>(`SELECT * FROM audit_entry WHERE "entity" = 'tasks' AND "entityId" = ${p(1)}`, [taskId]);
    const api = await auditOf(completedOverHttp);
    expect(api).toHaveLength(1); // the generator left the step the API had audited alone
    const [{ taskId }] = await db.query<{ taskId: string }>(
      `SELECT "taskId" FROM form_submission WHERE "instanceId" = ${p(1)} AND "taskId" IS NOT NULL`,
      [copyOf(template.id, 1)],
    );
    const generated = await auditOf(taskId);
    expect(generated).toHaveLength(1);
    const filled = (r: Row) =>
      Object.keys(r)
        .filter((k) => r[k] !== null)
        .sort();
    expect(filled(generated[0])).toEqual(filled(api[0]));
    for (const k of ['action', 'entity', 'status']) expect(generated[0][k]).toEqual(api[0][k]);
    const detail = (r: Row) => JSON.parse(String(r.detail)) as { params: { id: string }; query: object; body: { data: object } };
    expect(Object.keys(detail(generated[0]))).toEqual(Object.keys(detail(api[0])));
    expect(detail(generated[0]).params.id).toBe(taskId);
    const [{ data }] = await db.query<{ data: string }>(`SELECT "data" FROM form_submission WHERE "taskId" = ${p(1)}`, [taskId]);
    expect(detail(generated[0]).body.data).toEqual(JSON.parse(data));
  });

  it('moves the copy into the past and onto a copy of the child', async () => {
    const [original] = await db.query<Row>(`SELECT * FROM bpmn_instance WHERE "id" = ${p(1)}`, [template.id]);
    const [copy] = await db.query<Row>(`SELECT * FROM bpmn_instance WHERE "id" = ${p(1)}`, [copyOf(template.id, 1)]);
    expect(Number(copy.startedAt)).toBeLessThan(Number(original.startedAt));
    const [link] = await db.query<Row>(`SELECT "studentId" FROM process_instance_link WHERE "instanceId" = ${p(1)}`, [
      copyOf(template.id, 1),
    ]);
    expect(link.studentId).toBe(studentCopy(template.studentId));
    // at the copied child's school, which is another school than the template's
    const [{ schoolPath }] = await db.query<{ schoolPath: string }>(`SELECT "schoolPath" FROM student WHERE "id" = ${p(1)}`, [
      link.studentId,
    ]);
    // a finished case keeps no variables: its unit is the link's
    const [{ path }] = await db.query<{ path: string }>(
      `SELECT "orgUnitPath" AS path FROM process_instance_link WHERE "instanceId" = ${p(1)}`,
      [copyOf(template.id, 1)],
    );
    expect(path).toBe(schoolPath);
    const [{ templateSchool }] = await db.query<{ templateSchool: string }>(
      `SELECT "schoolPath" AS "templateSchool" FROM student WHERE "id" = ${p(1)}`,
      [template.studentId],
    );
    expect(schoolPath).not.toBe(templateSchool);
  });

  it("reads the copy in the child's student file as it reads the template", async () => {
    const office = await Actor.as(t, 'basic-edu');
    const entriesOf = async (studentId: string, instanceId: string) => {
      const file = (await office.get(`/api/students/${studentId}/file`)) as Record<string, unknown>;
      const mine = (x: Row) => x.instanceId === instanceId || x.id === instanceId;
      return Object.fromEntries(
        Object.entries(file)
          .filter(([k]) => k !== 'student')
          .map(([k, v]) => [k, Array.isArray(v) ? shape((v as Row[]).filter(mine)) : shape(v)]),
      );
    };
    const original = await entriesOf(template.studentId, template.id);
    expect((original.instances as unknown[]).length).toBe(1);
    expect(await entriesOf(studentCopy(template.studentId), copyOf(template.id, 1))).toEqual(original);
  });

  it('shows the open copies in the same inboxes, read the same way', async () => {
    const township = await Actor.as(t, 'township');
    const rows = (await township.get('/api/tasks?pageSize=200')).items as Row[];
    const copies = rows.filter((r) => /-k\d+$/.test(String(r.instanceId)));
    const originals = rows.filter((r) => !/-k\d+$/.test(String(r.instanceId)));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const original = originals.find(
        (o) => copy.instanceId === copyOf(String(o.instanceId), Number(/-k(\d+)$/.exec(String(copy.instanceId))![1])),
      );
      expect(shape(copy)).toEqual(shape(original));
    }
  });
});

/** Deploys the load bench's three-step procedure and completes its first step as the demo class teacher. */
async function completeOneStepOverHttp(t: TestApp): Promise<string> {
  const dir = path.join(__dirname, '../bench/load');
  const resources = ['load-approval.bpmn', 'load-step.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
  await t
    .http()
    .post('/api/deployments')
    .set(bearer(await t.login('designer')))
    .send({ resources })
    .expect(201);
  const teacher = await Actor.as(t, 'teacher');
  const started = await teacher.start('load-approval', { orgUnit: '64042210001' }); // 吉强镇中心小学, the teacher's
  const data = { visitDate: '2026-11-29', guardianPhone: '13800138000', summary: '已与监护人联系', decision: 'continue' };
  const task = await teacher.task(started.id, 'step1');
  await teacher.complete(started.id, 'step1', data);
  return task.id;
}
