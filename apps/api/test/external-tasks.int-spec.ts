import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '@kcbx/engine';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** the Camunda 7 model as Camunda Modeler 5 saves it (external task, asyncBefore/asyncAfter), shared with the engine's spec */
const MODEL = fs.readFileSync(path.join(__dirname, '../../../libs/engine/src/behaviour/external-task.bpmn'), 'utf8');
const VERIFY = [{ topicName: 'xueji-verify', lockDuration: 60_000 }];

type Fetched = { id: string; businessKey: string; processInstanceId: string; variables: Record<string, unknown> };

/**
 * External workers over HTTP (#18 acceptance 1). Given the county administrator made an API key and the designer
 * deployed the Camunda Modeler model, when programs holding the key fetch, lock and complete the external tasks,
 * then each case runs to its end, two competing workers complete each of 100 tasks exactly once, and another
 * county's key sees and touches none of them.
 */
describe('external tasks: a county program works the external steps over HTTP with an API key', () => {
  let t: TestApp;
  let engine: Engine;
  let tenantId: string;
  let key: string;
  let otherCountyKey: string;

  const worker = (apiKey: string) => ({
    fetch: (workerId: string, maxTasks = 10, topics = VERIFY) =>
      t.http().post('/api/external-tasks/fetch-and-lock').set('X-API-Key', apiKey).send({ workerId, maxTasks, topics }),
    complete: (id: string, workerId: string, variables: Record<string, unknown> = { matches: true }) =>
      t.http().post(`/api/external-tasks/${id}/complete`).set('Authorization', `ApiKey ${apiKey}`).send({ workerId, variables }),
  });
  const makeKey = async (admin: string, name: string) =>
    (
      await t
        .http()
        .post('/api/admin/api-keys')
        .set(bearer(await t.login(admin)))
        .send({ name })
        .expect(201)
    ).body as { id: string; key: string };
  const start = (n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        engine.startProcess({ tenantId, key: 'xueji-check', businessKey: `XJ-${i}`, variables: { n: i } }),
      ),
    );
  /** the async continuations (after the start, before the task; after it) are the job worker's */
  const runAsyncSteps = async () => {
    while ((await engine.executeDueJobs(Date.now(), 'test', 500)).done > 0);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    engine = t.app.get(Engine);
    tenantId = (await t.ds.query(`SELECT id FROM tenant WHERE code = '640422'`))[0].id;
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'xueji-check.bpmn', content: MODEL }] })
      .expect(201);
    key = (await makeKey('admin', '学籍系统核验程序')).key;
    otherCountyKey = (await makeKey('ld-admin', '隆德县核验程序')).key;
  });
  afterAll(() => t.close());

  it('a key is shown once, listed by its prefix only, and without a valid key the routes answer 401 with the reason', async () => {
    expect(key).toMatch(/^kcbx_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    const listed = await t
      .http()
      .get('/api/admin/api-keys')
      .set(bearer(await t.login('admin')))
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ name: '学籍系统核验程序', prefix: key.slice(5, 13), revokedAt: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(14));
    const refused = await worker('kcbx_nothing1_' + 'x'.repeat(43)).fetch('w');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('API 密钥无效或已吊销');
    await t.http().post('/api/external-tasks/fetch-and-lock').send({ workerId: 'w', maxTasks: 1, topics: VERIFY }).expect(401);
    // a teacher cannot make keys
    await t
      .http()
      .post('/api/admin/api-keys')
      .set(bearer(await t.login('teacher')))
      .send({ name: 'x' })
      .expect(403);
  });

  it('one case runs to its end: the worker gets the variables, completes with its result, the case finishes', async () => {
    const [instance] = await start(1);
    await runAsyncSteps();
    const fetched = await worker(key).fetch('w1').expect(200);
    expect(fetched.body).toEqual([
      expect.objectContaining({
        topicName: 'xueji-verify',
        workerId: 'w1',
        processInstanceId: instance.id,
        businessKey: 'XJ-0',
        variables: { n: 0 },
      }),
    ]);
    await worker(key).complete(fetched.body[0].id, 'w1', { matches: true }).expect(204);
    await runAsyncSteps();
    expect((await engine.getInstance(tenantId, instance.id)).state).toBe('completed');
    expect(await engine.getVariables(tenantId, instance.id)).toMatchObject({ matches: true });
  });

  it('a worker may not set what the platform links, and the refusal names the field', async () => {
    await start(1);
    await runAsyncSteps();
    const [task] = (await worker(key).fetch('w1', 1).expect(200)).body as Fetched[];
    const refused = await worker(key).complete(task.id, 'w1', { ledgerEntryId: 'another-schools-entry', matches: true }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'variables.ledgerEntryId' })]);
    await worker(key).complete(task.id, 'w1').expect(204);
    await runAsyncSteps();
  });

  it("another county's key fetches none of this county's tasks and cannot complete one (404)", async () => {
    await start(1);
    await runAsyncSteps();
    expect((await worker(otherCountyKey).fetch('ld-1').expect(200)).body).toEqual([]);
    const [task] = (await worker(key).fetch('w1', 1).expect(200)).body as Fetched[];
    await worker(otherCountyKey).complete(task.id, 'w1').expect(404);
    await worker(key).complete(task.id, 'w1').expect(204);
    await runAsyncSteps();
  });

  it('a worker whose lock expired and went to another worker is refused with the reason; the task is done once', async () => {
    await start(1);
    await runAsyncSteps();
    const [first] = (
      await worker(key)
        .fetch('w1', 1, [{ topicName: 'xueji-verify', lockDuration: 1000 }])
        .expect(200)
    ).body as Fetched[];
    await new Promise((r) => setTimeout(r, 1100));
    const [second] = (await worker(key).fetch('w2', 1).expect(200)).body as Fetched[];
    expect(second.id).toBe(first.id);
    const late = await worker(key).complete(first.id, 'w1').expect(409);
    expect(late.body.message).toContain('未由处理程序 w1 锁定');
    await worker(key).complete(second.id, 'w2').expect(204);
    await worker(key).complete(second.id, 'w2').expect(404);
    await runAsyncSteps();
  });

  it('two workers competing for 100 tasks complete each exactly once, and every case ends', async () => {
    const instances = await start(100);
    await runAsyncSteps();
    const done: string[] = [];
    const work = async (workerId: string) => {
      for (;;) {
        const tasks = (await worker(key).fetch(workerId, 7).expect(200)).body as Fetched[];
        if (!tasks.length) return;
        for (const task of tasks) {
          await worker(key).complete(task.id, workerId).expect(204);
          done.push(task.processInstanceId);
        }
      }
    };
    await Promise.all([work('w1'), work('w2')]);
    expect(done).toHaveLength(100);
    expect(new Set(done)).toEqual(new Set(instances.map((i) => i.id)));
    await runAsyncSteps();
    const states = await Promise.all(instances.map(async (i) => (await engine.getInstance(tenantId, i.id)).state));
    expect(new Set(states)).toEqual(new Set(['completed']));
  });

  it('a revoked key stops working at once', async () => {
    const admin = await t.login('admin');
    const made = await makeKey('admin', '临时密钥');
    await worker(made.key).fetch('w9').expect(200);
    await t.http().delete(`/api/admin/api-keys/${made.id}`).set(bearer(admin)).expect(204);
    await worker(made.key).fetch('w9').expect(401);
  });
});
