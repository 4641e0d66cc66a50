import * as fs from 'fs';
import * as path from 'path';
import { Like } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { LedgerEntry, LedgerEvent, Student } from '../src/database/entities';
import { DropoutPromotion } from '../src/ledgers/dropout-promotion';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
type Entry = {
  id: string;
  kind: string;
  idNumberMasked: string;
  studentName: string;
  status: string;
  reason: string;
  caseId: string | null;
  orgUnitName: string;
};
type Event = { action: string; fromStatus: string | null; toStatus: string | null; note: string | null };

/**
 * 疑似辍学 → 辍学. Given the comparison put three children of 西吉县 on the suspected-dropout ledger — two of
 * 吉强镇中心小学 entered 31 days ago (one of them already in a persuasion case), one of 兴隆镇中心小学 entered 20
 * days ago — and 隆德县 has its own suspected entry for one of the same ID numbers, entered today: when the job
 * worker runs (N = LEDGER_DROPOUT_AFTER_DAYS, default 30), then the two older children are on the dropout ledger
 * once, with the case link and a history line on both entries; the younger child follows when `now` is 11 days
 * later, once, however many promoters race; 隆德县 stays untouched; and when a case ends in return, the child's
 * entries on both ledgers are signed off.
 */
describe('the dropout ledger is fed by suspected dropouts not signed off after N days', () => {
  let t: TestApp;
  let office: string;
  let jq: Student[];
  let xl: Student[];
  let ldEntryId: string;
  let jq0CaseId: string;
  const list = async (kind: string, token: string, query = '') =>
    (await t.http().get(`/api/ledgers/${kind}?pageSize=500${query}`).set(bearer(token)).expect(200)).body as {
      items: Entry[];
      total: number;
    };
  const history = async (kind: string, id: string) =>
    (await t.http().get(`/api/ledgers/${kind}/${id}/history`).set(bearer(office)).expect(200)).body.events as Event[];
  const entryOf = async (kind: string, s: Student, tenantPath = '/640422/') =>
    t.ds
      .getRepository(LedgerEntry)
      .findOneByOrFail({ kind: kind as LedgerEntry['kind'], idNumber: s.idNumber, orgUnitPath: Like(`${tenantPath}%`) });
  const dropoutsOf = (s: Student) => t.ds.getRepository(LedgerEntry).countBy({ kind: 'dropout', idNumber: s.idNumber });
  const backdate = async (s: Student, days: number) => {
    const e = await entryOf('suspected-dropout', s);
    const at = new Date(Date.now() - days * DAY).toISOString();
    await t.ds.getRepository(LedgerEntry).update({ id: e.id }, { createdAt: at, updatedAt: at });
    await t.ds.getRepository(LedgerEvent).update({ entryId: e.id, action: 'created' }, { at });
  };
  const importAndCompare = async (token: string, everyone: Student[], missing: Set<string>, poor: Student[]) => {
    const sheet = (rows: readonly Student[]) => Buffer.from(['姓名,身份证号', ...rows.map((s) => `${s.name},${s.idNumber}`)].join('\n'));
    for (const [source, rows] of [
      ['household', everyone],
      ['student', everyone],
      ['enrolment', everyone.filter((s) => !missing.has(s.idNumber))],
      ['poverty', poor],
    ] as const) {
      await t.http().post(`/api/registers/${source}/imports`).set(bearer(token)).attach('file', sheet(rows), `${source}.csv`).expect(201);
    }
    await t.http().post('/api/comparisons').set(bearer(token)).send({}).expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    office = await t.login('basic-edu');
    jq = await t.ds.getRepository(Student).find({ where: { schoolPath: '/640422/640422100/64042210001/' }, order: { idNumber: 'ASC' } });
    xl = await t.ds.getRepository(Student).find({ where: { schoolPath: '/640422/640422101/64042210101/' }, order: { idNumber: 'ASC' } });
    await importAndCompare(office, [...jq, ...xl], new Set([jq[0].idNumber, jq[1].idNumber, xl[0].idNumber]), [jq[0]]);
    // 隆德县's registers list a child with the same ID number as jq[0], on no roster there either
    const ld = await t.ds.getRepository(Student).find({ where: { schoolPath: Like('/640423/%') }, order: { idNumber: 'ASC' }, take: 3 });
    await importAndCompare(await t.login('ld-basic-edu'), [jq[0], ...ld], new Set([jq[0].idNumber]), []);
    ldEntryId = (await entryOf('suspected-dropout', jq[0], '/640423/')).id;
    await backdate(jq[0], 31);
    await backdate(jq[1], 31);
    await backdate(xl[0], 20);
    const bpmn = fs.readFileSync(path.join(__dirname, 'fixtures', 'persuasion-return.bpmn'), 'utf8');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'persuasion-return.bpmn', content: bpmn }] })
      .expect(201);
    const jq0 = await entryOf('suspected-dropout', jq[0]);
    jq0CaseId = (await t.http().post(`/api/ledgers/suspected-dropout/${jq0.id}/persuasion`).set(bearer(office)).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('N is an app setting: 30 days unless LEDGER_DROPOUT_AFTER_DAYS says otherwise, and a bad value is named', () => {
    const base = { NODE_ENV: 'test' as const, DATA_DIR: t.db.dataDir, JWT_SECRET: 'x'.repeat(40) };
    expect(t.config.ledgerDropoutAfterDays).toBe(30);
    expect(loadConfig({ ...base, LEDGER_DROPOUT_AFTER_DAYS: '45' }).ledgerDropoutAfterDays).toBe(45);
    expect(() => loadConfig({ ...base, LEDGER_DROPOUT_AFTER_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, LEDGER_DROPOUT_AFTER_DAYS: 'month' })).toThrow(/LEDGER_DROPOUT_AFTER_DAYS/);
  });

  it('when the worker runs, the two children entered 31 days ago go on the dropout ledger, with the case link and history', async () => {
    await t.app.get(JobWorker).tick();
    const dropouts = await list('dropout', office);
    expect(dropouts.items.map((e) => e.studentName).sort()).toEqual([jq[0].name, jq[1].name].sort());
    const d0 = dropouts.items.find((e) => e.studentName === jq[0].name)!;
    const d1 = dropouts.items.find((e) => e.studentName === jq[1].name)!;
    expect(d0).toMatchObject({
      status: 'in-progress',
      caseId: jq0CaseId,
      reason: '疑似辍学超过30天未复学（脱贫户）',
      orgUnitName: '吉强镇中心小学',
    });
    expect(d1).toMatchObject({ status: 'open', caseId: null, reason: '疑似辍学超过30天未复学', orgUnitName: '吉强镇中心小学' });
    expect(await history('dropout', d0.id)).toEqual([
      expect.objectContaining({
        action: 'created',
        fromStatus: null,
        toStatus: 'in-progress',
        note: expect.stringContaining('疑似辍学超过30天未复学'),
      }),
    ]);
    const s1 = await entryOf('suspected-dropout', jq[1]);
    expect((await history('suspected-dropout', s1.id)).map((e) => [e.action, e.toStatus, e.note])).toEqual([
      ['created', 'open', '比对发现：名在人不在'],
      ['promoted', 'open', '列入疑似辍学台账已超过30天仍未销号，已同时列入辍学台账'],
    ]);
    expect(s1.status).toBe('open'); // the suspected entry stays on its ledger
  });

  it("the younger entry (20 days) and the other county's entry (today) are not promoted", async () => {
    expect(await dropoutsOf(xl[0])).toBe(0);
    expect((await list('dropout', await t.login('ld-basic-edu'))).total).toBe(0);
    expect(await t.ds.getRepository(LedgerEvent).findBy({ entryId: ldEntryId })).toEqual([expect.objectContaining({ action: 'created' })]);
  });

  it('running again adds nothing; 11 days later the younger child is promoted once, however many promoters race', async () => {
    const promotion = t.app.get(DropoutPromotion);
    expect(await Promise.all([promotion.run(Date.now()), promotion.run(Date.now())])).toEqual([0, 0]);
    await t.app.get(JobWorker).tick(Date.now() + 60_000);
    expect((await list('dropout', office)).total).toBe(2);
    // the guard under the race: a second not-signed-off dropout entry for a child cannot be stored
    const d1 = await entryOf('dropout', jq[1]);
    await expect(t.ds.getRepository(LedgerEntry).insert({ ...d1, id: '00000000-0000-4000-8000-000000000001' })).rejects.toThrow();

    const later = Date.now() + 11 * DAY;
    const second = await startTestApp({ db: t.db, env: { JOB_POLL_MS: '0' } });
    try {
      const other = second.app.get(DropoutPromotion);
      // PostgreSQL: two processes' promoters at once (separate pools). SQLite: one process's promoters at once
      // (its gate), then the other process's (two connections of one Node thread cannot wait on each other).
      const made = t.db.url
        ? await Promise.all([promotion.run(later), other.run(later), promotion.run(later)])
        : [...(await Promise.all([promotion.run(later), promotion.run(later)])), await other.run(later)];
      expect(made.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await other.run(later)).toBe(0);
    } finally {
      await second.stop();
    }
    expect(await dropoutsOf(xl[0])).toBe(1);
    const sx = await entryOf('suspected-dropout', xl[0]);
    expect((await history('suspected-dropout', sx.id)).filter((e) => e.action === 'promoted')).toHaveLength(1);
    const [dx] = (await list('dropout', office, '&orgUnit=64042210101')).items;
    expect(await history('dropout', dx.id)).toHaveLength(1);
    // 隆德县's entry is 11 days old at `later`: still only on its suspected ledger
    expect((await list('dropout', await t.login('ld-basic-edu'))).total).toBe(0);
  });

  it('scope applies as on the other ledgers', async () => {
    expect((await list('dropout', await t.login('teacher'))).items.map((e) => e.studentName).sort()).toEqual(
      [jq[0].name, jq[1].name].sort(),
    );
    expect((await list('dropout', await t.login('teacher2'))).items.map((e) => e.studentName)).toEqual([xl[0].name]);
    expect((await list('dropout', await t.login('township'))).total).toBe(2);
    expect((await list('dropout', office)).total).toBe(3);
    const [d] = (await list('dropout', office)).items;
    await t
      .http()
      .get(`/api/ledgers/dropout/${d.id}/history`)
      .set(bearer(await t.login('ld-admin')))
      .expect(404);
    await t
      .http()
      .get(`/api/ledgers/dropout/${d.id}/history`)
      .set(bearer(await t.login('teacher2')))
      .expect(d.orgUnitName === '兴隆镇中心小学' ? 200 : 404);
  });

  it("when the case ends in return, the child is signed off on both ledgers; the other county's entry stays open", async () => {
    const teacher = await t.login('teacher');
    const inbox = (await t.http().get('/api/tasks').set(bearer(teacher)).expect(200)).body.items as { id: string; instanceId: string }[];
    const task = inbox.find((x) => x.instanceId === jq0CaseId)!;
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { returned: true } })
      .expect(201);
    await t.app.get(JobWorker).tick();
    const suspected = await entryOf('suspected-dropout', jq[0]);
    const dropout = await entryOf('dropout', jq[0]);
    expect([suspected.status, dropout.status]).toEqual(['signed-off', 'signed-off']);
    expect((await history('dropout', dropout.id)).map((e) => [e.action, e.toStatus])).toEqual([
      ['created', 'in-progress'],
      ['signed-off', 'signed-off'],
    ]);
    expect((await history('suspected-dropout', suspected.id)).map((e) => [e.action, e.toStatus])).toEqual([
      ['created', 'open'],
      ['case-started', 'in-progress'],
      ['promoted', 'in-progress'],
      ['signed-off', 'signed-off'],
    ]);
    expect((await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: ldEntryId })).status).toBe('open');
    expect((await entryOf('dropout', jq[1])).status).toBe('open');
    // signed off, the child is not promoted again
    expect(await t.app.get(DropoutPromotion).run(Date.now() + 40 * DAY)).toBe(1); // 隆德县's entry, now 40 days old
    expect(await dropoutsOf(jq[0])).toBe(2); // that one (640423) and the signed-off one (640422)
    expect(await t.ds.getRepository(LedgerEntry).countBy({ kind: 'dropout', idNumber: jq[0].idNumber, status: 'signed-off' })).toBe(1);
  });

  it('a case started from the dropout entry takes the suspected entry along, and its return signs off both', async () => {
    const d1 = await entryOf('dropout', jq[1]);
    const caseId = (await t.http().post(`/api/ledgers/dropout/${d1.id}/persuasion`).set(bearer(office)).expect(201)).body.id;
    const s1 = await entryOf('suspected-dropout', jq[1]);
    expect([s1.status, s1.caseId]).toEqual(['in-progress', caseId]);
    await t.http().post(`/api/ledgers/suspected-dropout/${s1.id}/persuasion`).set(bearer(office)).expect(409);
    const teacher = await t.login('teacher');
    const inbox = (await t.http().get('/api/tasks').set(bearer(teacher)).expect(200)).body.items as { id: string; instanceId: string }[];
    await t
      .http()
      .post(`/api/tasks/${inbox.find((x) => x.instanceId === caseId)!.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { returned: true } })
      .expect(201);
    await t.app.get(JobWorker).tick();
    expect((await entryOf('dropout', jq[1])).status).toBe('signed-off');
    expect((await entryOf('suspected-dropout', jq[1])).status).toBe('signed-off');
    expect((await history('suspected-dropout', s1.id)).at(-1)).toMatchObject({ action: 'signed-off', note: '已返校（随辍学台账记录）' });
  });
});
