import { MessageNotCorrelatedError } from '../errors';
import { TENANT, completeAt, givenEngine, openTasks } from './harness';

const DAY = 86_400_000;

async function givenTwoCases() {
  const ctx = await givenEngine(['event-subprocess.bpmn']);
  const a = await ctx.engine.startProcess({ tenantId: TENANT, key: 'caseWithEvents', variables: { caseNo: 'A-1' } });
  const b = await ctx.engine.startProcess({ tenantId: TENANT, key: 'caseWithEvents', variables: { caseNo: 'B-2' } });
  return { ...ctx, a: a.id, b: b.id };
}

describe('event sub-processes', () => {
  it('given a running step, when the interrupting message arrives, then the step is cancelled once, the event sub-process runs, and no second interruption or reminder follows', async () => {
    const { engine, clock, a, b } = await givenTwoCases();
    await engine.correlateMessage({ tenantId: TENANT, name: 'case-withdrawn', correlationKey: 'A-1' });
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['closeCase', 'withdrawn']);
    expect(await engine.getActiveActivities(TENANT, b)).toEqual(['collect']);
    await expect(engine.correlateMessage({ tenantId: TENANT, name: 'case-withdrawn', correlationKey: 'A-1' })).rejects.toBeInstanceOf(
      MessageNotCorrelatedError,
    );
    await engine.executeDueJobs(clock.advance(4 * DAY));
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['closeCase', 'withdrawn']);
    const cancelled = (await engine.getHistory(TENANT, a)).filter((h) => h.type === 'task-cancelled');
    expect(cancelled.map((h) => h.elementId)).toEqual(['collect']);
    await completeAt(engine, a, 'closeCase');
    expect((await engine.getInstance(TENANT, a)).state).toBe('completed');
  });

  it('given a running step, when the non-interrupting timer cycle fires, then a reminder runs beside the step each time, and the case ends only when both are done', async () => {
    const { engine, clock, a } = await givenTwoCases();
    await engine.executeDueJobs(clock.advance(3 * DAY));
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['collect', 'remind', 'reminders']);
    await engine.executeDueJobs(clock.advance(3 * DAY));
    expect((await openTasks(engine, a)).filter((t) => t.activityId === 'remind')).toHaveLength(2);
    await engine.executeDueJobs(clock.advance(3 * DAY)); // R2: no third reminder
    expect((await openTasks(engine, a)).filter((t) => t.activityId === 'remind')).toHaveLength(2);
    await completeAt(engine, a, 'collect', { complete: true });
    expect((await engine.getInstance(TENANT, a)).state).toBe('active');
    for (const task of await openTasks(engine, a)) await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1' });
    expect((await engine.getInstance(TENANT, a)).state).toBe('completed');
  });

  it('given two cases, when the policy signal is broadcast, then each gets a recheck beside its step (non-interrupting)', async () => {
    const { engine, a, b } = await givenTwoCases();
    const { reached } = await engine.broadcastSignal({ tenantId: TENANT, name: 'policy-changed' });
    expect(reached.sort()).toEqual([a, b].sort());
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['collect', 'policy', 'recheck']);
  });

  it('given an error end event, when it is reached, then the error event sub-process catches it and the case ends after it, with no incident', async () => {
    const { engine, a } = await givenTwoCases();
    await completeAt(engine, a, 'collect', { complete: false });
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['handleFailure', 'onFailure']);
    expect(await engine.listIncidents(TENANT, a)).toEqual([]);
    await completeAt(engine, a, 'handleFailure');
    expect((await engine.getInstance(TENANT, a)).state).toBe('completed');
  });

  it('given a case that ended normally, then its event sub-processes wait no more', async () => {
    const { engine, store, a } = await givenTwoCases();
    await completeAt(engine, a, 'collect', { complete: true });
    expect((await engine.getInstance(TENANT, a)).state).toBe('completed');
    const left = await store.transaction(async (tx) => [
      ...(await tx.find('subscription', { instanceId: a })),
      ...(await tx.find('job', { instanceId: a })),
    ]);
    expect(left).toEqual([]);
  });
});
