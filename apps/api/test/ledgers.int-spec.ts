import { Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * Given registers where two children of 吉强镇中心小学 and one of 兴隆镇中心小学 are registered but on no
 * roster, when the comparison runs, then the suspected-dropout ledger holds them at their schools, each user
 * sees only their scope, and running the comparison again adds nothing.
 */
describe('ledgers fed by the comparison', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
    office = await t.login('basic-edu');
    const jq = await t.ds.getRepository(Student).find({ where: { schoolPath: '/640422/640422100/64042210001/' }, order: { idNumber: 'ASC' } });
    const xl = await t.ds.getRepository(Student).find({ where: { schoolPath: '/640422/640422101/64042210101/' }, order: { idNumber: 'ASC' } });
    const everyone = [...jq, ...xl];
    const missing = new Set([jq[0].idNumber, jq[1].idNumber, xl[0].idNumber]);
    const sheet = (rows: Student[]) => Buffer.from(['姓名,身份证号', ...rows.map((s) => `${s.name},${s.idNumber}`)].join('\n'));
    for (const [source, rows] of [
      ['household', everyone],
      ['student', everyone],
      ['enrolment', everyone.filter((s) => !missing.has(s.idNumber))],
      ['poverty', [jq[0]]],
    ] as const) {
      await t.http().post(`/api/registers/${source}/imports`).set(bearer(office)).attach('file', sheet(rows), `${source}.csv`).expect(201);
    }
    await t.http().post('/api/comparisons').set(bearer(office)).send({}).expect(201);
  });
  afterAll(() => t.close());

  const ledger = async (username: string) =>
    (await t.http().get('/api/ledgers/suspected-dropout').set(bearer(await t.login(username))).expect(200)).body;

  it('the county office sees all three at their schools, the poor-household child marked', async () => {
    const body = await ledger('basic-edu');
    expect(body.total).toBe(3);
    expect(body.items.map((e: { orgUnitName: string }) => e.orgUnitName).sort()).toEqual(['兴隆镇中心小学', '吉强镇中心小学', '吉强镇中心小学']);
    expect(body.items.filter((e: { reason: string }) => e.reason === '名在人不在（脱贫户）')).toHaveLength(1);
    expect(body.items.every((e: { status: string; idNumberMasked: string }) => e.status === 'open' && /\*{8}/.test(e.idNumberMasked))).toBe(true);
  });

  it('a teacher sees their school only, a township official their township, another county nothing', async () => {
    expect((await ledger('teacher')).total).toBe(2);
    expect((await ledger('teacher2')).total).toBe(1);
    expect((await ledger('township')).total).toBe(2);
    expect((await ledger('ld-basic-edu')).total).toBe(0);
  });

  it('running the comparison again adds no duplicate entries; each entry has its history', async () => {
    await t.http().post('/api/comparisons').set(bearer(office)).send({}).expect(201);
    const body = await ledger('basic-edu');
    expect(body.total).toBe(3);
    const history = await t.http().get(`/api/ledgers/suspected-dropout/${body.items[0].id}/history`).set(bearer(office)).expect(200);
    expect(history.body.events).toEqual([expect.objectContaining({ action: 'created', toStatus: 'open' })]);
    await t.http().get(`/api/ledgers/suspected-dropout/${body.items[0].id}/history`).set(bearer(await t.login('ld-admin'))).expect(404);
  });
});
