import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { monitoringSignals } from '../src/monitoring/signals';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { approvalResources, resources } from './support/workflow-fixtures';

const TOKEN = 'metrics-token-metrics-token-0123';

/** `name{a="x",b="y"} 12` lines of the Prometheus text format → value by series (name plus sorted labels) */
function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (m) out.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return out;
}

/**
 * Issue #20, acceptance 4 and the monitoring points: readiness beside /api/health; /api/metrics in Prometheus text
 * format behind METRICS_TOKEN with requests, latencies, open and overdue tasks, job backlog and failed
 * notifications; the county admin sees overdue jobs and failing notifications.
 */
describe('monitoring: readiness, metrics, the admin’s operations view', () => {
  let t: TestApp;
  let admin: string;
  let teacher: string;
  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    process.env.JOB_OVERDUE_AFTER_SECONDS = '60';
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    admin = await t.login('admin');
    teacher = await t.login('teacher');
    const designer = await t.login('designer');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(designer))
      .send({ resources: [...approvalResources(), ...resources('timer-wait.bpmn')] })
      .expect(201);
  }, 300_000); // a first start migrates and seeds the demo county: more than jest's minute on a busy shared machine
  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    delete process.env.JOB_OVERDUE_AFTER_SECONDS;
    await t.close();
  });

  it('readiness: database answers, every migration applied, job worker (off here) not in the way', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ready', database: { ok: true }, migrations: { ok: true, pending: [] } });
    expect(res.body.jobWorker).toMatchObject({ ok: true, polling: false });
  });

  it('metrics need the token', async () => {
    await t.http().get('/api/metrics').expect(401);
    const wrong = await t
      .http()
      .get('/api/metrics')
      .set(bearer('x'.repeat(32)))
      .expect(401);
    expect(wrong.body.message).toContain('监控令牌');
  });

  it('answers in Prometheus text format with requests, latencies, tasks, jobs and notification failures', async () => {
    await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    await t.http().post('/api/process-definitions/key/timer-wait/start').set(bearer(teacher)).send({ orgUnit: '64042210001' }).expect(201);
    // one of the open steps has run past its due time, and the timer is due long since (the worker is off here)
    const tasks = t.ds.getRepository(ENGINE_SCHEMAS.task);
    const [first] = await tasks.find({ where: { state: 'created' }, take: 1 });
    await tasks.update({ id: (first as { id: string }).id }, { dueAt: Date.now() - 86_400_000 });
    await t.ds
      .getRepository(ENGINE_SCHEMAS.job)
      .createQueryBuilder()
      .update()
      .set({ dueAt: Date.now() - 3_600_000 })
      .execute();
    monitoringSignals.notificationFailed(
      {
        tenantId: (await t.ds.query("SELECT id FROM tenant WHERE code = '640422'"))[0].id,
        userId: 'u',
        channel: 'sms',
        kind: 'task-available',
        taskId: null,
      },
      new Error('gateway timeout'),
    );

    const res = await t.http().get('/api/metrics').set(bearer(TOKEN)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const m = parseMetrics(res.text);
    expect(res.text).toContain('# TYPE kcbx_http_requests_total counter');
    expect(res.text).toContain('# TYPE kcbx_http_request_duration_seconds histogram');
    expect(m.get('kcbx_http_requests_total{method="POST",route="/api/process-definitions/key/:key/start",status="201"}')).toBe(3);
    expect(m.get('kcbx_http_request_duration_seconds_count{method="POST",route="/api/process-definitions/key/:key/start"}')).toBe(3);
    expect(m.get('kcbx_open_tasks{county="640422"}')).toBe(2);
    expect(m.get('kcbx_overdue_tasks{county="640422"}')).toBe(1);
    expect(m.get('kcbx_job_backlog')).toBe(1);
    expect(m.get('kcbx_jobs_overdue')).toBe(1);
    expect(m.get('kcbx_jobs_failed')).toBe(0);
    expect(m.get('kcbx_notification_failures_total{channel="sms"}')).toBe(1);
    expect(m.has('kcbx_process_cpu_seconds_total')).toBe(true);
  });

  it('the county admin sees the overdue job and the failing notification; a teacher may not look', async () => {
    const res = await t.http().get('/api/admin/operations').set(bearer(admin)).expect(200);
    expect(res.body.jobs).toEqual([
      expect.objectContaining({ kind: 'timer', activityId: 'wait', problem: 'overdue', retries: expect.any(Number) }),
    ]);
    expect(res.body.failedNotifications).toEqual([expect.objectContaining({ channel: 'sms', error: 'gateway timeout' })]);
    await t.http().get('/api/admin/operations').set(bearer(teacher)).expect(403);
    const other = await t.seedSecondCounty();
    expect(other).toBeTruthy();
    const ld = await t.login('ld-admin');
    const theirs = await t.http().get('/api/admin/operations').set(bearer(ld)).expect(200);
    expect(theirs.body).toMatchObject({ jobs: [], failedNotifications: [] });
  });
});
