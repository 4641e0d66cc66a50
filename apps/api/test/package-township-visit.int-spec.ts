import { Actor, deployPackage, isoDay } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 包抓 from the Xiji package: bureau staff plan a visit to their assigned township (it lands in their own
 * inbox), record it, and the dashboard counts a township compliant in a month with at least two visits.
 */
describe('package: bureau staff township visits (包抓)', () => {
  let t: TestApp;
  let office: Actor, subsidy: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [office, subsidy] = await Promise.all(['basic-edu', 'subsidy'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  const visitTo = (townshipCode: string) => ({
    townshipCode,
    visitDate: isoDay(0),
    placesVisited: '吉强镇中心小学、龙王坝村',
    findings: '疑似辍学学生2名已入户核实',
    followUp: '督促学校一周内上报劝返进展',
  });

  it('given two visits to 吉强镇 and one to 兴隆镇 this month, then 吉强镇 complies and 兴隆镇 does not', async () => {
    const ids = [];
    for (const who of [office, office, subsidy]) ids.push((await who.start('township-visit', { orgUnit: '640422' })).id);
    // the planned visit is in its starter's inbox only
    expect(await office.sees(ids[2], 'record')).toBe(false);
    expect(await subsidy.sees(ids[2], 'record')).toBe(true);
    await office.complete(ids[0], 'record', visitTo('640422100'));
    await office.complete(ids[1], 'record', visitTo('640422100'));
    await subsidy.complete(ids[2], 'record', visitTo('640422101'));

    const visits = (await office.get('/api/dashboard')).visits as {
      required: number;
      months: string[];
      townships: { code: string; visits: number[] }[];
    };
    const month = visits.months.indexOf(isoDay(0).slice(0, 7));
    expect(visits.required).toBe(2);
    expect(visits.townships.find((x) => x.code === '640422100')!.visits[month]).toBe(2);
    expect(visits.townships.find((x) => x.code === '640422101')!.visits[month]).toBe(1);
  });

  it('refuses a visit without a valid township code', async () => {
    const { id } = await office.start('township-visit', { orgUnit: '640422' });
    const task = await office.task(id, 'record');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(office.auth)
      .send({ data: { ...visitTo('6404221'), visitDate: isoDay(0) } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('townshipCode');
  });

  it('clerks at a school may not start it (starter roles)', async () => {
    const teacher = await Actor.as(t, 'teacher');
    await t
      .http()
      .post('/api/process-definitions/key/township-visit/start')
      .set(teacher.auth)
      .send({ orgUnit: '640422' })
      .expect((r) => expect([403, 404]).toContain(r.status));
  });
});
