import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import type { RetentionOverview } from '@kcbx/api-contract';
import { newId } from '../src/database/columns';
import { RetentionRun, Student } from '../src/database/entities';
import { RetentionCleanup } from '../src/retention/retention-cleanup';
import { packageDir, packageResources } from '../src/seed/package-files';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { reviewedCase } from './support/workflow-fixtures';

const YEAR = 365 * 86_400_000;
const RUNTIME = ['variable', 'execution', 'job', 'subscription', 'incident', 'history'] as const;

/**
 * History retention (#18): given four cases of 西吉县 — A finished four years ago, D three years and a month ago, B
 * today, C still open — and the county's historyRetention P3Y (county-parameters.bpmn): when the cleanup runs (in
 * batches of one case here, so two batches), then A and D lose their engine runtime rows (variables, executions,
 * jobs, subscriptions, resolved incidents, the history the file does not show) while every student file shows
 * exactly what it showed before; B and C keep every row; two processes cleaning at once remove once, and the record
 * (one row for the county and day) says what was removed; the county administrator sees it at
 * GET /api/admin/retention.
 */
describe('history retention: finished cases older than the county period lose their runtime rows, not their file', () => {
  let t: TestApp;
  let teacher: string;
  let principal: string;
  let township: string;
  let basicEdu: string;
  let students: Student[];
  const ids: string[] = [];
  const next = async (token: string) => (await t.http().get('/api/tasks').set(bearer(token)).expect(200)).body.items[0];
  const start = async (student: Student) =>
    (
      await t
        .http()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ studentId: student.id, data: { reason: 'work', absentSince: '2026-11-02' } })
        .expect(201)
    ).body.id as string;
  const finish = async () => {
    const review = await next(principal);
    await t.http().post(`/api/tasks/${review.id}/comments`).set(bearer(principal)).send({ body: '已家访，家长同意返校' }).expect(201);
    await t
      .http()
      .post(`/api/tasks/${review.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve', comment: '情况属实' } })
      .expect(201);
    await t
      .http()
      .post(`/api/tasks/${(await next(township)).id}/complete`)
      .set(bearer(township))
      .send({ data: {} })
      .expect(201);
    await t
      .http()
      .post(`/api/tasks/${(await next(basicEdu)).id}/complete`)
      .set(bearer(basicEdu))
      .send({ data: {} })
      .expect(201);
  };
  const rowsOf = async (instanceId: string) => {
    const counts: Record<string, number> = {};
    for (const kind of [...RUNTIME, 'task', 'instance'] as const)
      counts[kind] = await t.ds.getRepository(ENGINE_SCHEMAS[kind]).countBy(kind === 'instance' ? { id: instanceId } : { instanceId });
    return counts;
  };
  const file = async (student: Student) => (await t.http().get(`/api/students/${student.id}/file`).set(bearer(teacher)).expect(200)).body;
  const overview = async (token: string) =>
    (await t.http().get('/api/admin/retention').set(bearer(token)).expect(200)).body as RetentionOverview;

  const deployParameters = async (county: string, designer: string, retention?: string) => {
    const file = packageResources(packageDir(county)).find((r) => r.name === 'county-parameters.bpmn')!;
    const content = retention
      ? file.content.replace('historyRetention: &quot;P3Y&quot;', `historyRetention: &quot;${retention}&quot;`)
      : file.content;
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login(designer)))
      .send({ resources: [{ name: file.name, content }] })
      .expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    [teacher, principal, township, basicEdu] = await Promise.all(['teacher', 'principal', 'township', 'basic-edu'].map((u) => t.login(u)));
    students = await t.ds
      .getRepository(Student)
      .find({ where: { schoolPath: '/640422/640422100/64042210001/' }, order: { idNumber: 'ASC' }, take: 4 });
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: reviewedCase() })
      .expect(201);
    await deployParameters('640422', 'designer');
    const a = await start(students[0]);
    await finish();
    const b = await start(students[1]);
    await finish();
    const d = await start(students[3]);
    await finish();
    ids.push(a, b, await start(students[2]), d);
    // A ended four years ago, D three years and a month ago (their history moved back with them)
    const backdate = async (id: string, by: number) => {
      const instances = t.ds.getRepository(ENGINE_SCHEMAS.instance);
      const row = (await instances.findOneByOrFail({ id })) as { startedAt: number; endedAt: number };
      await instances.update({ id }, { startedAt: Number(row.startedAt) - by, endedAt: Number(row.endedAt) - by });
      await t.ds
        .getRepository(ENGINE_SCHEMAS.history)
        .createQueryBuilder()
        .update()
        .set({ at: () => `"at" - ${by}` })
        .where('"instanceId" = :id', { id })
        .execute();
      await leaveLeftovers(id, Number(row.endedAt) - by);
    };
    await backdate(a, 4 * YEAR);
    await backdate(d, 3 * YEAR + 30 * 86_400_000);
    await leaveLeftovers(b, Date.now());
  });
  afterAll(() => t.close());

  /**
   * The engine removes a case's variables and root execution when it ends; what stays behind are history rows and
   * what a failure left: a job that ran out of retries, a wait not closed, an incident (resolved or not), a
   * variable and an execution of a branch that a crash cut short. Those are stored here as the engine stores them.
   */
  const leaveLeftovers = async (instanceId: string, at: number) => {
    const { tenantId, definitionId } = (await t.ds.getRepository(ENGINE_SCHEMAS.instance).findOneByOrFail({ id: instanceId })) as {
      tenantId: string;
      definitionId: string;
    };
    const base = { tenantId, instanceId, version: 1 };
    const exec = newId();
    await t.ds
      .getRepository(ENGINE_SCHEMAS.execution)
      .insert({ ...base, id: exec, parentId: null, kind: 'scope', activityId: 'township', state: 'active', data: '{}', createdAt: at });
    await t.ds.getRepository(ENGINE_SCHEMAS.variable).insert({ ...base, id: newId(), scopeId: exec, name: 'draft', value: '"x"' });
    await t.ds.getRepository(ENGINE_SCHEMAS.job).insert({
      ...base,
      id: newId(),
      executionId: exec,
      definitionId,
      activityId: 'township',
      kind: 'async',
      payload: '{}',
      topic: null,
      dueAt: at,
      retries: 0,
      lockOwner: null,
      lockExpiresAt: null,
      lastError: 'receiver unreachable',
      createdAt: at,
    });
    const { version: _v, ...noVersion } = base;
    await t.ds.getRepository(ENGINE_SCHEMAS.subscription).insert({
      ...noVersion,
      id: newId(),
      kind: 'message',
      executionId: exec,
      definitionId,
      activityId: 'township',
      messageName: 'parent-reply',
      correlationKey: null,
      createdAt: at,
    });
    for (const state of ['resolved', 'open'])
      await t.ds.getRepository(ENGINE_SCHEMAS.incident).insert({
        ...base,
        id: newId(),
        executionId: exec,
        jobId: null,
        activityId: 'township',
        type: 'failed-job',
        message: 'receiver unreachable',
        state,
        createdAt: at,
        resolvedAt: state === 'resolved' ? at : null,
      });
  };

  it('the period is the county parameter, each county its own (P3Y as shipped; P3Y when none is deployed)', async () => {
    const ldAdmin = await t.login('ld-admin');
    expect(await overview(ldAdmin)).toEqual({ retention: 'P3Y', source: 'default', problem: null, runs: [] });
    expect(await overview(await t.login('admin'))).toEqual({ retention: 'P3Y', source: 'county-parameters', problem: null, runs: [] });
    // 隆德县 keeps five years (its own parameters; Xiji's A, four years old, would stay there)
    await deployParameters('640423', 'ld-designer', 'P5Y');
    expect(await overview(ldAdmin)).toEqual({ retention: 'P5Y', source: 'county-parameters', problem: null, runs: [] });
  });

  it("removes A's and D's runtime rows once, however many processes clean at once; B, C and the file keep everything", async () => {
    const before = await Promise.all(ids.map(rowsOf));
    const fileBefore = await Promise.all(students.map(file));
    expect(before[0]).toMatchObject({ instance: 1, task: 3 });
    expect(before[0]).toMatchObject({ variable: 1, execution: 1, job: 1, subscription: 1, incident: 2 });
    expect(before[0].history).toBeGreaterThan(0);
    expect(before[3]).toEqual(before[0]);
    expect(before[2].variable).toBeGreaterThan(0);

    const now = Date.now();
    const cleanup = t.app.get(RetentionCleanup);
    const second = await startTestApp({ db: t.db, env: { JOB_POLL_MS: '0' } });
    let outcomes;
    try {
      const other = second.app.get(RetentionCleanup);
      // PostgreSQL: two processes at once (separate pools). SQLite: one process's two cleaners at once (its gate),
      // then the other process's.
      outcomes = t.db.url
        ? (await Promise.all([cleanup.run(now, 1), other.run(now, 1)])).flat()
        : [...(await Promise.all([cleanup.run(now, 1), cleanup.run(now, 1)])).flat(), ...(await other.run(now, 1))];
    } finally {
      await second.stop();
    }
    const xiji = outcomes.filter((o) => o.county === '640422');
    expect(xiji.filter((o) => o.ran)).toHaveLength(1);
    const [ran] = xiji.filter((o) => o.ran);
    expect(ran.instances).toBe(2); // A and D, one batch each

    const after = await Promise.all(ids.map(rowsOf));
    // the unresolved incident stays for the administrator; the history the file shows stays
    expect(after[0]).toMatchObject({ instance: 1, task: 3, variable: 0, execution: 0, job: 0, subscription: 0, incident: 1 });
    expect(after[0].history).toBeLessThan(before[0].history);
    const kept = await t.ds.getRepository(ENGINE_SCHEMAS.history).findBy({ instanceId: ids[0] });
    expect(kept.map((h) => (h as { type: string }).type).filter((type) => type.startsWith('activity-'))).toEqual([]);
    expect(after[3]).toEqual(after[0]);
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
    for (const kind of RUNTIME) {
      const key = `bpmn_${kind}`;
      expect([kind, ran.removed[key]]).toEqual([kind, 2 * (before[0][kind] - after[0][kind])]);
    }
    expect(await Promise.all(students.map(file))).toEqual(fileBefore);

    const runs = await t.ds.getRepository(RetentionRun).find();
    const xijiRuns = runs.filter((r) => r.instances > 0);
    expect(xijiRuns).toHaveLength(1);
    expect(runs).toHaveLength(2); // one per county for the day: 隆德县's removed nothing
    // the job worker's round the same day does nothing more
    await t.app.get(JobWorker).tick(now + 3_600_000);
    expect(await t.ds.getRepository(RetentionRun).count()).toBe(2);
    expect(await rowsOf(ids[1])).toEqual(before[1]);
  });

  it("the county administrator sees what was removed, and only their county's runs", async () => {
    const seen = await overview(await t.login('admin'));
    expect(seen.runs).toEqual([
      expect.objectContaining({ retention: 'P3Y', status: 'done', instances: 2, day: new Date().toISOString().slice(0, 10) }),
    ]);
    expect(seen.runs[0].removed).toMatchObject({
      bpmn_variable: 2,
      bpmn_execution: 2,
      bpmn_job: 2,
      bpmn_subscription: 2,
      bpmn_incident: 2,
    });
    expect(seen.runs[0].removed.bpmn_history).toBeGreaterThan(0);
    expect(new Date(seen.runs[0].cutoff).getTime()).toBeLessThan(Date.now() - 2.9 * YEAR);
    const longde = await overview(await t.login('ld-admin'));
    expect(longde.runs).toEqual([expect.objectContaining({ retention: 'P5Y', instances: 0, status: 'done' })]);
    await t.http().get('/api/admin/retention').set(bearer(teacher)).expect(403);
  });

  it('a county whose parameter is not a period is told so, and nothing of it is removed until it is fixed', async () => {
    await deployParameters('640423', 'ld-designer', 'three years');
    const ldAdmin = await t.login('ld-admin');
    expect(await overview(ldAdmin)).toMatchObject({ source: 'invalid', problem: expect.stringContaining('"three years"') });
    const tomorrow = Date.now() + 86_400_000;
    const outcomes = await t.app.get(RetentionCleanup).run(tomorrow);
    // 西吉县's next day: its window starts at the last run's cutoff, and nothing new has aged past the period
    expect(outcomes).toEqual([expect.objectContaining({ county: '640422', ran: true, instances: 0 })]);
    expect((await overview(ldAdmin)).runs).toHaveLength(1);
  });
});
