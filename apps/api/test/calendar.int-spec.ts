import { bearer, startTestApp, TestApp } from './support/test-app';
import { resources } from './support/workflow-fixtures';

/**
 * Issue #17, deadlines in working days: the county calendar (the shipped calendar/<year>.json and the county's
 * own edits), GET /api/calendar/add-working-days, and a due date counted in working days by the engine.
 */
describe('county calendar: working days', () => {
  let t: TestApp;
  let admin: string;
  let teacher: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    teacher = await t.login('teacher');
  });
  afterAll(() => t.close());

  const add = (token: string, from: string, days: string) =>
    t.http().get('/api/calendar/add-working-days').query({ from, days }).set(bearer(token));

  it('given the shipped 2026 calendar, when 3 working days are added to the Thursday before 中秋, then it is Wednesday 30 September', async () => {
    const res = await add(teacher, '2026-09-24', '3').expect(200);
    expect(res.body).toEqual({ from: '2026-09-24', days: 3, date: '2026-09-30', provisional: false });
    // before 春节: Sat 14 February is a 调休 working day, 15–23 are off
    expect((await add(teacher, '2026-02-12', '3').expect(200)).body.date).toBe('2026-02-24');
  });

  it('given a bad date or count, when asked, then 400 names the field', async () => {
    const badDate = await add(teacher, '2026-02-30', '3').expect(400);
    expect(JSON.stringify(badDate.body)).toMatch(/"field":"from"/);
    const badDays = await add(teacher, '2026-09-24', '1e9').expect(400);
    expect(JSON.stringify(badDays.body)).toMatch(/"field":"days"/);
    await add(teacher, '2026-09-24', '401').expect(400);
  });

  it('given 2027 is shipped unpublished, when the administrator enters its 调休 day, then the answer changes and stops being provisional', async () => {
    // Thursday 2027-09-30 + 1: 10/1–3 statutory, Monday 10/4 counts until the schedule says otherwise
    expect((await add(teacher, '2027-09-30', '1').expect(200)).body).toMatchObject({ date: '2027-10-04', provisional: true });
    const year = (await t.http().get('/api/calendar/years/2027').set(bearer(admin)).expect(200)).body;
    const edited = {
      ...year,
      published: true,
      source: '测试：2027年放假调休安排',
      holidays: [...year.holidays, ...['2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' }))],
      workdays: [{ date: '2027-10-09', name: '国庆节调休上班' }],
    };
    await t.http().put('/api/calendar/years/2027').set(bearer(teacher)).send(edited).expect(403);
    const saved = await t.http().put('/api/calendar/years/2027').set(bearer(admin)).send(edited).expect(200);
    expect(saved.body).toMatchObject({ year: 2027, origin: 'county', published: true });
    // Fri 10/8 is 1, Sat 10/9 (调休) is 2
    expect((await add(teacher, '2027-09-30', '2').expect(200)).body).toMatchObject({ date: '2027-10-09' });
    await t.http().delete('/api/calendar/years/2027').set(bearer(admin)).expect(200);
    expect((await add(teacher, '2027-09-30', '1').expect(200)).body).toMatchObject({ date: '2027-10-04', provisional: true });
  });

  it('given an edit with a weekday as 调休上班, when saved, then 400 says which day and nothing changes', async () => {
    const year = (await t.http().get('/api/calendar/years/2026').set(bearer(admin)).expect(200)).body;
    const res = await t
      .http()
      .put('/api/calendar/years/2026')
      .set(bearer(admin))
      .send({ ...year, workdays: [{ date: '2026-10-12', name: '错误' }] })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('2026-10-12 不是周末');
    const years = (await t.http().get('/api/calendar/years').set(bearer(teacher)).expect(200)).body;
    expect(years.find((y: { year: number }) => y.year === 2026)).toMatchObject({ origin: 'shipped', published: true });
  });

  it('given a step whose due date counts working days, when a case starts, then its due date is what the calendar says', async () => {
    const designer = await t.login('designer');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(designer))
      .send({ resources: resources('working-day-deadline.bpmn') })
      .expect(201);
    const principal = await t.login('principal');
    const started = await t
      .http()
      .post('/api/process-definitions/key/working-day-deadline/start')
      .set(bearer(principal))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    const tasks = (await t.http().get('/api/tasks').set(bearer(principal)).expect(200)).body;
    const task = (tasks.items ?? tasks).find((x: { processInstanceId?: string; instanceId?: string }) =>
      [x.processInstanceId, x.instanceId].includes(started.body.id),
    );
    const due = new Date(task.dueAt);
    const createdChina = new Date(Date.parse(task.createdAt) + 8 * 3600_000).toISOString().slice(0, 10);
    const expected = (await add(principal, createdChina, '3').expect(200)).body.date;
    expect(new Date(due.getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe(expected);
    // same time of day as the start
    expect(due.getTime() % 86_400_000).toBe(Date.parse(task.createdAt) % 86_400_000);
  });

  it('given the demo county, when its terms are asked, then the shipped 学期 come with the current one', async () => {
    const res = await t.http().get('/api/calendar/terms').query({ date: '2026-10-15' }).set(bearer(teacher)).expect(200);
    expect(res.body.current).toMatchObject({ name: '2026–2027学年第一学期' });
  });
});
