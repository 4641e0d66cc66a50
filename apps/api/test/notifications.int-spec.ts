import * as fs from 'fs';
import * as path from 'path';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { reviewedCase } from './support/workflow-fixtures';

const DAY = 86_400_000;

/**
 * In-app notifications: a task that becomes available reaches the people who may work on it (candidates in
 * scope, or the assignee after a delegation or return), an overdue task is reported once, and each user
 * reads only their own.
 */
describe('notifications', () => {
  let t: TestApp;
  let teacher: string;
  let principal: string;
  let township: string;
  type Feed = { items: { id: string; kind: string; taskId: string; title: string; read: boolean }[]; unread: number };
  const feed = async (token: string): Promise<Feed> => (await t.http().get('/api/notifications').set(bearer(token)).expect(200)).body;
  const inbox = async (token: string) =>
    (await t.http().get('/api/tasks').set(bearer(token)).expect(200)).body.items as { id: string; activityId: string }[];
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    [teacher, principal, township] = await Promise.all(['teacher', 'principal', 'township'].map((u) => t.login(u)));
    const escalation = fs.readFileSync(path.join(__dirname, 'fixtures', 'escalation.bpmn'), 'utf8');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [...reviewedCase(), { name: 'escalation.bpmn', content: escalation }] })
      .expect(201);
  });
  afterAll(() => t.close());

  it('a started case tells the candidates at its school, not the starter, not other schools or counties', async () => {
    await t
      .http()
      .post('/api/process-definitions/key/reviewed-case/start')
      .set(bearer(teacher))
      .send({ data: { reason: 'work', absentSince: '2026-11-02' } })
      .expect(201);
    const [task] = await inbox(principal);
    const mine = await feed(principal);
    expect(mine.unread).toBe(1);
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'task-available', taskId: task.id, title: '新待办：校长审核', read: false }),
    ]);
    expect((await feed(teacher)).items).toEqual([]);
    expect((await feed(await t.login('teacher2'))).items).toEqual([]);
    expect((await feed(await t.login('ld-principal'))).items).toEqual([]);
  });

  it("marks one read (another user's answers 404), then all", async () => {
    const [n] = (await feed(principal)).items;
    await t.http().post(`/api/notifications/${n.id}/read`).set(bearer(township)).expect(404);
    const read = await t.http().post(`/api/notifications/${n.id}/read`).set(bearer(principal)).expect(201);
    expect(read.body).toMatchObject({ id: n.id, read: true, readAt: expect.any(String) });
    expect((await feed(principal)).unread).toBe(0);
    const [task] = await inbox(principal);
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve' } })
      .expect(201);
    const townFeed = await feed(township);
    expect(townFeed.items.map((x) => x.title)).toEqual(['新待办：乡镇核实']);
    expect((await t.http().post('/api/notifications/read-all').set(bearer(township)).expect(201)).body).toEqual({ marked: 1 });
    expect((await feed(township)).unread).toBe(0);
  });

  it('a return tells the earlier completer; a delegation tells the new assignee', async () => {
    const [town] = await inbox(township);
    await t.http().post(`/api/tasks/${town.id}/return`).set(bearer(township)).send({ reason: '请补充' }).expect(201);
    const [again] = await inbox(principal);
    expect((await feed(principal)).items.filter((x) => !x.read)).toEqual([
      expect.objectContaining({ kind: 'task-available', taskId: again.id }),
    ]);
    const admin = await t.login('admin');
    await t
      .http()
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({ username: 'vice', password: 'Fu8Xiao6Zhang', displayName: '副校长', roles: [{ role: 'principal', orgUnit: '64042210001' }] })
      .expect(201);
    await t.http().post(`/api/tasks/${again.id}/delegate`).set(bearer(principal)).send({ username: 'vice' }).expect(201);
    const vice = await t.login('vice', 'Fu8Xiao6Zhang');
    expect((await feed(vice)).items).toEqual([expect.objectContaining({ kind: 'task-available', taskId: again.id })]);
  });

  it('the job worker reports an overdue task once to whoever holds it, and announces a task an escalation timer created', async () => {
    const vice = await t.login('vice', 'Fu8Xiao6Zhang');
    const worker = t.app.get(JobWorker);
    await worker.tick(Date.now() + 2 * DAY);
    const overdue = (await feed(vice)).items.filter((x) => x.kind === 'task-overdue');
    expect(overdue).toEqual([expect.objectContaining({ title: '任务已逾期：校长审核' })]);
    await worker.tick(Date.now() + 3 * DAY);
    expect((await feed(vice)).items.filter((x) => x.kind === 'task-overdue')).toHaveLength(1);
    expect((await feed(principal)).items.filter((x) => x.kind === 'task-overdue')).toEqual([]);

    await t.http().post('/api/process-definitions/key/visit-escalation/start').set(bearer(teacher)).send({}).expect(201);
    expect((await feed(teacher)).items.map((x) => x.title)).toEqual(['新待办：班主任家访']);
    const before = (await feed(principal)).items.length;
    await worker.tick(Date.now() + 5000);
    const after = (await feed(principal)).items;
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ kind: 'task-available', title: '新待办：校长带队家访' });
  });
});
