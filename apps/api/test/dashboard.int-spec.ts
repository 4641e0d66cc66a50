import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { repositoryRoot } from '../src/config/repository-root';
import { FormSubmission, LedgerEntry, LedgerEvent } from '../src/database/entities';
import { beijingMonth } from '../src/dashboard/ledger-as-of';
import { bearer, startTestApp, TestApp } from './support/test-app';

const zeebe =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://kcbx.example/bpmn"';

/** The bureau staff's 包抓 visit: one step, whose form names the township and the day. */
const VISIT_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${zeebe}>
  <bpmn:process id="township-visit" name="包抓乡镇走访" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="record" />
    <bpmn:userTask id="record" name="填写走访记录">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="basic-edu-office" />
        <zeebe:formDefinition formId="township-visit-record" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="record" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
const VISIT_FORM = JSON.stringify({
  key: 'township-visit-record',
  version: 1,
  title: { zh: '包抓走访记录', en: 'Township visit' },
  schema: {
    type: 'object',
    required: ['townshipCode', 'visitDate'],
    properties: { townshipCode: { type: 'string', title: '乡镇代码' }, visitDate: { type: 'string', title: '走访日期', format: 'date' } },
  },
  uiSchema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/townshipCode' },
      { type: 'Control', scope: '#/properties/visitDate' },
    ],
  },
});
/** A step that was due long ago: overdue from the moment it is created. */
const LATE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${zeebe}>
  <bpmn:process id="late-work" name="逾期事项" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="late" />
    <bpmn:userTask id="late" name="早该办完的事">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="principal" />
        <zeebe:taskSchedule dueDate="2020-01-01T00:00:00Z" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A persuasion procedure whose home visit records the dropout cause (辍学原因). */
const PERSUASION_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${zeebe}>
  <bpmn:process id="persuasion-return" name="劝返复学（原因统计用）" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="visit" />
    <bpmn:userTask id="visit" name="劝返走访">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="class-teacher" />
        <zeebe:formDefinition formId="cause-visit" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="visit" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
const CAUSE_FORM = JSON.stringify({
  key: 'cause-visit',
  version: 1,
  title: { zh: '劝返走访', en: 'Visit' },
  schema: {
    type: 'object',
    required: ['dropoutCause'],
    properties: { dropoutCause: { type: 'string', title: '辍学原因', enum: ['migrant-work', 'illness', 'other'] } },
  },
  uiSchema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/dropoutCause' }] },
});

/**
 * Given the demo county, the dashboard shows the work that is overdue per township and whether each township
 * got its two 包抓 visits a month (zero, honestly, until visits are recorded), and a school's monthly report
 * lists its children one by one.
 */
describe('dashboard: overdue work, 包抓 visits, the school report', () => {
  let t: TestApp;
  let office: string;
  const thisMonth = new Date().toISOString().slice(0, 7);
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO_CASES: 'true' } });
    office = await t.login('basic-edu');
  });
  afterAll(() => t.close());

  const xlsx = async (url: string, token: string) => {
    const res = await t
      .http()
      .get(url)
      .set(bearer(token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    return book;
  };

  it('shows zero visits for every township before any visit procedure has run', async () => {
    const dash = await t.http().get('/api/dashboard').set(bearer(office)).expect(200);
    // 每月不少于 N 次 is the county parameter visitsPerMonth: nothing deployed yet, nothing to judge by
    expect(dash.body.visits.required).toBeNull();
    expect(dash.body.visits.months).toHaveLength(6);
    expect(dash.body.visits.months.at(-1)).toBe(thisMonth);
    expect(dash.body.visits.townships).toHaveLength(19);
    expect(
      dash.body.visits.townships.every(
        (x: { visits: number[]; compliantMonths: number }) => x.compliantMonths === 0 && x.visits.every((n) => n === 0),
      ),
    ).toBe(true);
    expect(dash.body.overdue.total).toBe(0);
  });

  it('counts completed visits per township and month; two make the month compliant, one does not, an unfinished one is not a visit', async () => {
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({
        resources: [
          { name: 'township-visit.bpmn', content: VISIT_BPMN },
          { name: 'township-visit-record.form.json', content: VISIT_FORM },
          // the county's parameters say how many visits a month make a township compliant (Xiji: 2)
          {
            name: 'county-parameters.bpmn',
            content: fs.readFileSync(path.join(repositoryRoot(), 'workflows', 'county-parameters.bpmn'), 'utf8'),
          },
        ],
      })
      .expect(201);
    const visit = async (townshipCode: string, complete: boolean) => {
      const started = await t
        .http()
        .post('/api/process-definitions/key/township-visit/start')
        .set(bearer(office))
        .send({ orgUnit: '640422' })
        .expect(201);
      if (!complete) return;
      const task =
        started.body.activeTasks?.[0]?.id ??
        (await t.http().get('/api/tasks?pageSize=200').set(bearer(office)).expect(200)).body.items.find(
          (x: { instanceId: string }) => x.instanceId === started.body.id,
        ).id;
      await t
        .http()
        .post(`/api/tasks/${task}/complete`)
        .set(bearer(office))
        .send({ data: { townshipCode, visitDate: `${thisMonth}-03` } })
        .expect(201);
    };
    await visit('640422100', true);
    await visit('640422100', true);
    await visit('640422101', true);
    await visit('640422101', false);
    const dash = await t.http().get('/api/dashboard').set(bearer(office)).expect(200);
    const of = (code: string) => dash.body.visits.townships.find((x: { code: string }) => x.code === code);
    expect(of('640422100')).toMatchObject({ name: '吉强镇', compliantMonths: 1 });
    expect(of('640422100').visits.at(-1)).toBe(2);
    expect(of('640422101')).toMatchObject({ name: '兴隆镇', compliantMonths: 0 });
    expect(of('640422101').visits.at(-1)).toBe(1);
    // A township official sees their own township only.
    const township = await t
      .http()
      .get('/api/dashboard')
      .set(bearer(await t.login('township')))
      .expect(200);
    expect(township.body.visits.townships.map((x: { name: string }) => x.name)).toEqual(['吉强镇']);
  });

  it('counts open overdue tasks where they sit, rolled up to the township and down to the school', async () => {
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'late-work.bpmn', content: LATE_BPMN }] })
      .expect(201);
    await t
      .http()
      .post('/api/process-definitions/key/late-work/start')
      .set(bearer(await t.login('principal')))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    const county = await t.http().get('/api/dashboard').set(bearer(office)).expect(200);
    expect(county.body.overdue.total).toBe(1);
    expect(county.body.overdue.children.find((c: { code: string }) => c.code === '640422100').n).toBe(1);
    expect(county.body.overdue.children.filter((c: { n: number }) => c.n > 0)).toHaveLength(1);
    const township = await t.http().get('/api/dashboard?orgUnit=640422100').set(bearer(office)).expect(200);
    expect(township.body.overdue.children.map((c: { name: string; n: number }) => [c.name, c.n])).toEqual([
      ['吉强镇中心小学', 1],
      ['吉强镇第二小学', 0],
      ['吉强镇初级中学', 0],
    ]);
  });

  it("a school's monthly report lists each of its children, ID numbers masked, as many as its ledgers hold", async () => {
    const ledgerTotal = async (kind: string) =>
      (await t.http().get(`/api/ledgers/${kind}?orgUnit=64042210001&pageSize=1`).set(bearer(office)).expect(200)).body.total as number;
    const expected = (await ledgerTotal('school-age')) + (await ledgerTotal('suspected-dropout')) + (await ledgerTotal('dropout'));
    expect(expected).toBeGreaterThan(0);
    const month = beijingMonth();
    const [y, m] = month.split('-');
    const book = await xlsx(`/api/reports/monthly?orgUnit=64042210001&month=${month}`, office);
    expect(String(book.getWorksheet('汇总')!.getCell(1, 1).value)).toBe(`吉强镇中心小学控辍保学月报（${y}年${Number(m)}月）`);
    const detail = book.getWorksheet('明细')!;
    expect(detail.rowCount - 1).toBe(expected);
    const second = detail.getRow(2);
    expect(String(second.getCell(3).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(String(second.getCell(7).value)).toBe('吉强镇中心小学');
    const json = await t.http().get('/api/reports/monthly?orgUnit=64042210001&format=json').set(bearer(office)).expect(200);
    expect(json.body.entries).toHaveLength(expected);
    // The county's report is a summary with the visits sheet instead of a list of children.
    const county = await xlsx(`/api/reports/monthly?month=${month}`, office);
    expect(county.getWorksheet('明细')).toBeUndefined();
    // a header and 19 townships, then the 分工 list's people (a blank row, a header, four people)
    expect(county.getWorksheet('包抓走访')!.rowCount).toBe(20 + 2 + 4);
    // Another school's report is out of a teacher-level scope: the principal of 吉强镇中心小学 gets 404 for 兴隆镇.
    await t
      .http()
      .get('/api/reports/monthly?orgUnit=64042210101')
      .set(bearer(await t.login('principal')))
      .expect(404);
  });

  it('counts dropout causes as the persuasion visits recorded them, within the unit', async () => {
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({
        resources: [
          { name: 'persuasion-return.bpmn', content: PERSUASION_BPMN },
          { name: 'cause-visit.form.json', content: CAUSE_FORM },
        ],
      })
      .expect(201);
    const open = await t.http().get('/api/ledgers/suspected-dropout?orgUnit=64042210001&status=open').set(bearer(office)).expect(200);
    const ids = open.body.items.slice(0, 2).map((e: { id: string }) => e.id);
    expect(ids).toHaveLength(2);
    const started = await t
      .http()
      .post('/api/ledgers/suspected-dropout/persuasion')
      .set(bearer(office))
      .send({ entryIds: ids })
      .expect(201);
    const teacher = await t.login('teacher');
    const inbox = await t.http().get('/api/tasks?pageSize=200').set(bearer(teacher)).expect(200);
    const taskOf = (n: number) =>
      inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.started[n].instanceId).id;
    await t
      .http()
      .post(`/api/tasks/${taskOf(0)}/complete`)
      .set(bearer(teacher))
      .send({ data: { dropoutCause: 'migrant-work' } })
      .expect(201);
    const county = await t.http().get('/api/dashboard').set(bearer(office)).expect(200);
    expect(county.body.byCause).toEqual([{ cause: 'migrant-work', n: 1 }]);
    const elsewhere = await t.http().get('/api/dashboard?orgUnit=640422101').set(bearer(office)).expect(200);
    expect(elsewhere.body.byCause).toEqual([]);
  });

  it('counts each entry once under its latest recorded cause, whatever year it was recorded; forms naming none, an empty or a non-text one do not count', async () => {
    // The two cases started above (school 64042210001); their forms written as the visits would have, years apart.
    const cases = await t.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where('e.caseId IS NOT NULL AND e.orgUnitPath LIKE :p', { p: '%64042210001%' })
      .orderBy('e.createdAt')
      .addOrderBy('e.id')
      .getMany();
    expect(cases).toHaveLength(2);
    // the first: the one whose visit recorded 'migrant-work' above
    const [visited] = await t.ds.getRepository(FormSubmission).findBy({ formKey: 'cause-visit' });
    const first = cases.find((e) => e.caseId === visited.instanceId)!;
    const second = cases.find((e) => e !== first)!;
    const form = (entry: LedgerEntry, at: string, data: Record<string, unknown>) => ({
      id: `cause-pin-${entry.id.slice(-8)}-${at.slice(0, 10)}`,
      tenantId: entry.tenantId,
      instanceId: entry.caseId!,
      taskId: null,
      activityId: 'visit',
      formKey: 'cause-visit',
      formVersion: 1,
      formHash: 'pinned',
      data,
      submittedBy: 'pin',
      submittedByName: 'pin',
      submittedAt: at,
    });
    await t.ds.getRepository(FormSubmission).save([
      // the first entry: 'migrant-work' this month (the test above), 'illness' recorded later still, 'other' years before
      form(first, '2022-03-01T02:00:00.000Z', { dropoutCause: 'other' }),
      form(first, '2099-01-01T02:00:00.000Z', { dropoutCause: 'illness', comment: 'x' }),
      // the second: a cause three years ago, then forms that name none, an empty one and a number
      form(second, '2023-05-01T02:00:00.000Z', { dropoutCause: 'other' }),
      form(second, '2024-05-01T02:00:00.000Z', { note: 'dropoutCause not asked' }),
      form(second, '2025-05-01T02:00:00.000Z', { dropoutCause: '' }),
      form(second, '2026-05-01T02:00:00.000Z', { dropoutCause: 42 }),
    ]);
    const county = await t.http().get('/api/dashboard').set(bearer(office)).expect(200);
    expect(county.body.byCause).toEqual([
      { cause: 'illness', n: 1 },
      { cause: 'other', n: 1 },
    ]);
    const school = await t.http().get('/api/dashboard?orgUnit=64042210001').set(bearer(office)).expect(200);
    expect(school.body.byCause).toEqual(county.body.byCause);
    expect((await t.http().get('/api/dashboard?orgUnit=640422101').set(bearer(office)).expect(200)).body.byCause).toEqual([]);
    const report = await t.http().get('/api/reports/monthly?format=json').set(bearer(office)).expect(200);
    expect(report.body.byCause).toEqual(county.body.byCause);
    // the next test counts the ledger again from here: the pinned forms go
    await t.ds.getRepository(FormSubmission).delete({ formHash: 'pinned' });
  });

  it("a past month's report shows the ledger as it stood when that month ended", async () => {
    // Time passing is simulated by moving one entry's recording (and its first event) back a month.
    const month = beijingMonth();
    const [y, m] = month.split('-').map(Number);
    const lastMonth = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
    const open = await t.http().get('/api/ledgers/suspected-dropout?orgUnit=64042210101&status=open').set(bearer(office)).expect(200);
    const entry = open.body.items[0];
    const back = `${lastMonth}-10T02:00:00.000Z`;
    await t.ds.getRepository(LedgerEntry).update({ id: entry.id }, { createdAt: back });
    await t.ds.getRepository(LedgerEvent).update({ entryId: entry.id, action: 'created' }, { at: back });
    // This month its case starts (the persuasion procedure deployed in the test above).
    await t.http().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(office)).expect(201);

    const then = await t
      .http()
      .get(`/api/reports/monthly?orgUnit=64042210101&month=${lastMonth}&format=json`)
      .set(bearer(office))
      .expect(200);
    expect(then.body.unit.counts['suspected-dropout']).toEqual({ open: 1, 'in-progress': 0, 'signed-off': 0 });
    expect(then.body.entries.map((e: { studentName: string; status: string }) => [e.studentName, e.status])).toEqual([
      [entry.studentName, 'open'],
    ]);
    const now = await t.http().get(`/api/reports/monthly?orgUnit=64042210101&month=${month}&format=json`).set(bearer(office)).expect(200);
    expect(now.body.entries.find((e: { studentName: string }) => e.studentName === entry.studentName).status).toBe('in-progress');
    expect(now.body.entries.length).toBeGreaterThan(then.body.entries.length);
    expect(then.body.visits.months.at(-1)).toBe(lastMonth);
    const before = await t.http().get(`/api/reports/monthly?orgUnit=64042210101&month=2020-01&format=json`).set(bearer(office)).expect(200);
    expect(before.body.entries).toEqual([]);
    await t.http().get('/api/reports/monthly?month=2026-13').set(bearer(office)).expect(400);
  });
});
