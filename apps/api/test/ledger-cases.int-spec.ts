import * as fs from 'fs';
import * as path from 'path';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * Given the demo county's suspected dropouts and a deployed persuasion procedure, when the office starts
 * persuasion for two entries at once and one child returns, then that entry is signed off by the procedure,
 * the other stays in progress, and the dashboard moves with them.
 */
describe('ledger entries follow their persuasion cases', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO_CASES: 'true', JOB_POLL_MS: '0' } });
    office = await t.login('basic-edu');
  });
  afterAll(() => t.close());

  const jqEntries = async () =>
    (await t.http().get('/api/ledgers/suspected-dropout?orgUnit=64042210001').set(bearer(office)).expect(200)).body.items as {
      id: string;
      status: string;
      caseId: string | null;
    }[];

  it('says so clearly when the county has no persuasion procedure yet', async () => {
    const [entry] = await jqEntries();
    const res = await t.http().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(office)).expect(409);
    expect(res.body.message).toContain('尚未部署劝返复学流程');
    expect((await jqEntries())[0].status).toBe('open');
  });

  it('starts two cases in bulk, signs off the child who returned, keeps the other in progress', async () => {
    const bpmn = fs.readFileSync(path.join(__dirname, 'fixtures', 'persuasion-return.bpmn'), 'utf8');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'persuasion-return.bpmn', content: bpmn }] })
      .expect(201);
    const before = (await t.http().get('/api/dashboard').set(bearer(office)).expect(200)).body.unit.counts['suspected-dropout'];
    const entries = await jqEntries();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const started = await t
      .http()
      .post('/api/ledgers/suspected-dropout/persuasion')
      .set(bearer(office))
      .send({ entryIds: [entries[0].id, entries[1].id] })
      .expect(201);
    expect(started.body.started).toHaveLength(2);
    await t.http().post(`/api/ledgers/suspected-dropout/${entries[0].id}/persuasion`).set(bearer(office)).expect(409);

    const teacher = await t.login('teacher');
    const inbox = await t.http().get('/api/tasks').set(bearer(teacher)).expect(200);
    expect(inbox.body.total).toBe(2);
    const first = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.started[0].instanceId);
    await t
      .http()
      .post(`/api/tasks/${first.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { returned: true } })
      .expect(201);
    await t.app.get(JobWorker).tick();

    const after = await jqEntries();
    expect(after.find((e) => e.id === entries[0].id)).toMatchObject({ status: 'signed-off', caseId: started.body.started[0].instanceId });
    expect(after.find((e) => e.id === entries[1].id)?.status).toBe('in-progress');
    const history = await t.http().get(`/api/ledgers/suspected-dropout/${entries[0].id}/history`).set(bearer(office)).expect(200);
    expect(history.body.events.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
      ['created', 'open'],
      ['case-started', 'in-progress'],
      ['signed-off', 'signed-off'],
    ]);
    const now = (await t.http().get('/api/dashboard').set(bearer(office)).expect(200)).body.unit.counts['suspected-dropout'];
    expect(now).toEqual({ open: before.open - 2, 'in-progress': before['in-progress'] + 1, 'signed-off': before['signed-off'] + 1 });
  });

  it('clerks without ledger rights cannot start cases (403)', async () => {
    const open = await t.http().get('/api/ledgers/suspected-dropout?status=open&pageSize=1').set(bearer(office)).expect(200);
    const [entry] = open.body.items;
    await t
      .http()
      .post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`)
      .set(bearer(await t.login('teacher')))
      .expect(403);
  });
});
