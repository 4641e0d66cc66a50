import { Engine } from '@kcbx/engine';
import { TypeOrmStore } from '@kcbx/engine-store-typeorm';
import { CountyCalendars } from '../src/calendar/county-calendars.service';
import { CaseAction, Notification, TaskReminder, User } from '../src/database/entities';
import { JobWorker } from '../src/workflow/job-worker';
import { Reminders } from '../src/workflow/reminders';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { resources } from './support/workflow-fixtures';

const DAY = 24 * 3600_000;
const MINUTE = 60_000;
/** Thursday 30 April 2026, 09:00 in China: 劳动节 runs 1–5 May and Saturday 9 May is a 调休 working day */
const THURSDAY = Date.parse('2026-04-30T01:00:00Z');
const chinaDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Issue #17 acceptance 2: a review due in 3 working days, started on the Thursday before 劳动节, falls due on the
 * Friday after it by the shipped calendar; its reminders (1 day before, then overdue to the holder, the
 * supervisor role and the escalation role) each fire once while two API processes poll and one restarts.
 */
describe('deadline reminders across processes and a restart', () => {
  let a: TestApp;
  let b: TestApp | null = null;
  afterAll(async () => {
    await b?.stop();
    await a.close();
  });

  it('fires each stage once and the deadline is the calendar’s', async () => {
    a = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await a
      .http()
      .post('/api/deployments')
      .set(bearer(await a.login('designer')))
      .send({ resources: resources('approval-verbs.bpmn', 'principal-review.form.json') })
      .expect(201);
    // the case starts on that Thursday: the real engine over this database and calendar, with its clock set there
    const teacher = await a.ds.getRepository(User).findOneByOrFail({ username: 'teacher' });
    const onThursday = new Engine({ store: a.app.get(TypeOrmStore), calendar: a.app.get(CountyCalendars), clock: { now: () => THURSDAY } });
    const instance = await onThursday.startProcess({
      tenantId: teacher.tenantId,
      key: 'verbs-approval',
      variables: { orgUnit: '64042210001' },
      startedBy: teacher.id,
    });
    const [apply] = await onThursday.listTasks({ tenantId: teacher.tenantId, instanceId: instance.id });
    await onThursday.completeTask({ tenantId: teacher.tenantId, taskId: apply.id, userId: teacher.id });
    const [review] = await onThursday.listTasks({ tenantId: teacher.tenantId, instanceId: instance.id });
    expect(review.activityId).toBe('review');
    // 4 May is inside the holiday and 6, 7, 8 May are the three working days after it
    expect(chinaDate(review.dueAt!)).toBe('2026-05-08');
    const due = review.dueAt!;

    b = await startTestApp({ db: a.db, env: { JOB_POLL_MS: '0' } });
    const both = async (at: number) => {
      const fired = await Promise.all([a.app.get(Reminders).tick(at), b!.app.get(Reminders).tick(at)]);
      return fired[0] + fired[1];
    };
    expect(await both(due - DAY - MINUTE)).toBe(0);
    expect(await both(due - DAY + MINUTE)).toBe(1); // before:P1D
    expect(await both(due - DAY + 2 * MINUTE)).toBe(0);
    expect(await both(due + MINUTE)).toBe(1); // overdue: the holder

    await b.stop(); // one process restarts
    b = await startTestApp({ db: a.db, env: { JOB_POLL_MS: '0' } });
    expect(await both(due + MINUTE)).toBe(0);
    expect(await both(due + DAY + MINUTE)).toBe(1); // overdue: the supervisor role
    expect(await both(due + 2 * DAY + MINUTE)).toBe(1); // overdue: escalated
    expect(await both(due + 3 * DAY)).toBe(0);
    // the job poller runs the same reminders: nothing is left to fire
    await b.app.get(JobWorker).tick(due + 3 * DAY);

    const claims = await a.ds.getRepository(TaskReminder).findBy({ taskId: review.id });
    expect(claims.map((c) => c.stage).sort()).toEqual(['before:P1D', 'overdue:escalate', 'overdue:holder', 'overdue:supervisor']);
    const notices = await a.ds.getRepository(Notification).findBy({ taskId: review.id });
    const kinds = (username: string) =>
      notices
        .filter((n) => n.userId === users.get(username))
        .map((n) => n.kind)
        .filter((k) => k.startsWith('reminder-'))
        .sort();
    const users = new Map((await a.ds.getRepository(User).find()).map((u) => [u.username, u.id]));
    expect(kinds('principal')).toEqual(['reminder-before:P1D', 'reminder-overdue:holder']);
    expect(kinds('township')).toEqual(['reminder-overdue:supervisor']);
    expect(kinds('basic-edu')).toEqual(['reminder-overdue:escalate']);
    expect(await a.ds.getRepository(CaseAction).countBy({ taskId: review.id, kind: 'reminder' })).toBe(4);
    const principal = await a.login('principal');
    const inbox = (await a.http().get('/api/notifications').set(bearer(principal)).expect(200)).body;
    expect(JSON.stringify(inbox)).toContain('即将到期：校长审批');
    // three app starts (two processes and a restart) on a shared, busy machine
  }, 240_000);
});
