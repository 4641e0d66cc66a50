import { TENANT, T0, completeAt, givenEngine } from './harness';

const HOUR = 3_600_000;

async function given(reviewDeadline = 'PT5H') {
  const notices: string[] = [];
  const ctx = await givenEngine(['timer-events.bpmn'], {
    serviceHandlers: {
      notify: ({ instanceId }) => {
        notices.push(instanceId);
      },
    },
  });
  const { id } = await ctx.engine.startProcess({ tenantId: TENANT, key: 'timers', variables: { reviewDeadline } });
  return { ...ctx, id, notices };
}

describe('timer events', () => {
  it('given a non-interrupting hourly cycle on a task, when hours pass, then it fires each hour and the task stays', async () => {
    const { engine, clock, id, notices } = await given();
    await engine.executeDueJobs(clock.advance(HOUR / 2));
    expect(notices).toHaveLength(0);
    await engine.executeDueJobs(clock.advance(HOUR / 2));
    await engine.executeDueJobs(clock.advance(HOUR));
    await engine.executeDueJobs(clock.advance(HOUR));
    expect(notices).toEqual([id, id, id]);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    expect((await engine.getHistory(TENANT, id)).filter((h) => h.type === 'timer-fired')).toHaveLength(3);
  });

  it('given the cycle, when the task is completed, then the cycle stops firing', async () => {
    const { engine, clock, id, notices } = await given();
    await engine.executeDueJobs(clock.advance(HOUR));
    await completeAt(engine, id, 'review');
    await engine.executeDueJobs(clock.advance(10 * HOUR));
    expect(notices).toHaveLength(1);
    const jobs = await engine.listJobs(TENANT, id);
    expect(jobs.map((j) => j.activityId)).toEqual([]);
  });

  it('given an interrupting duration from a FEEL variable, when it elapses, then the task is cancelled and the escalation path taken', async () => {
    const { engine, clock, id } = await given('PT2H30M');
    await engine.executeDueJobs(clock.advance(2 * HOUR));
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    await engine.executeDueJobs(clock.advance(HOUR));
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['escalated']);
    expect(await engine.listTasks({ tenantId: TENANT, instanceId: id, state: 'cancelled' })).toMatchObject([{ activityId: 'review' }]);
    expect(await engine.listJobs(TENANT, id)).toEqual([]);
  });

  it('given an intermediate timer catch, when its duration elapses, then the token moves on', async () => {
    const { engine, clock, id } = await given();
    await completeAt(engine, id, 'review');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['cooling']);
    expect((await engine.listJobs(TENANT, id))[0].dueAt).toBe(T0 + HOUR / 2);
    await engine.executeDueJobs(clock.advance(HOUR / 2));
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given a timer start cycle R2 from a date, when the days pass, then two instances start and no more', async () => {
    const { engine, clock } = await given();
    await engine.executeDueJobs(clock.advance(20 * HOUR));
    await engine.executeDueJobs(clock.advance(24 * HOUR));
    await engine.executeDueJobs(clock.advance(24 * HOUR));
    const checks = (await engine.listTasks({ tenantId: TENANT })).filter((t) => t.activityId === 'check');
    expect(checks).toHaveLength(2);
  });
});
