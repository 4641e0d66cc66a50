import * as fs from 'fs';
import * as path from 'path';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Given a home visit due in 2 s with an escalation timer at 3 s, when the due date passes the task shows as
 * overdue; when the server is stopped before the timer and started again after it, the timer still fires
 * (once) and the principal's escalated task appears.
 */
describe('overdue tasks and timer escalation across a restart', () => {
  it('shows overdue, then escalates per the model after a restart', async () => {
    const first = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    const bpmn = fs.readFileSync(path.join(__dirname, 'fixtures', 'escalation.bpmn'), 'utf8');
    await first
      .http()
      .post('/api/deployments')
      .set(bearer(await first.login('designer')))
      .send({ resources: [{ name: 'escalation.bpmn', content: bpmn }] })
      .expect(201);
    const teacher = await first.login('teacher');
    const started = await first
      .http()
      .post('/api/process-definitions/key/visit-escalation/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    let inbox = await first.http().get('/api/tasks').set(bearer(teacher)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ activityId: 'visit', overdue: false });
    await sleep(2200);
    inbox = await first.http().get('/api/tasks?overdue=true').set(bearer(teacher)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ activityId: 'visit', overdue: true });
    expect(inbox.body.counts.overdue).toBe(1);
    await first.stop();

    await sleep(1200); // the escalation timer falls due while no server runs
    const second = await startTestApp({ db: first.db, env: { JOB_POLL_MS: '0' } });
    try {
      const fired = await second.app.get(JobWorker).tick();
      expect(fired.done).toBe(1);
      expect((await second.app.get(JobWorker).tick()).done).toBe(0);
      const principal = await second.login('principal');
      const escalated = await second.http().get('/api/tasks').set(bearer(principal)).expect(200);
      expect(escalated.body.items.map((x: { activityId: string }) => x.activityId)).toEqual(['principalVisit']);
      expect((await second.http().get('/api/tasks').set(bearer(teacher)).expect(200)).body.total).toBe(0);
      const instance = await second.http().get(`/api/process-instances/${started.body.id}`).set(bearer(principal)).expect(200);
      expect(instance.body.history.filter((h: { type: string }) => h.type === 'timer-fired')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
