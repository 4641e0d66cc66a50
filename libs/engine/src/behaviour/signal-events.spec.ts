import { InvalidArgumentError } from '../errors';
import { TENANT, completeAt, fixture, givenEngine, openTasks } from './harness';

const OTHER = 'county-2';

/** given: the signal fixture in two counties, one waiting instance in each */
async function givenTwoCounties() {
  const ctx = await givenEngine(['signal-events.bpmn']);
  await ctx.engine.deploy({ tenantId: OTHER, resources: [{ name: 'signal-events.bpmn', content: fixture('signal-events.bpmn') }] });
  const a = await ctx.engine.startProcess({ tenantId: TENANT, key: 'signalWaits' });
  const b = await ctx.engine.startProcess({ tenantId: TENANT, key: 'signalWaits' });
  const other = await ctx.engine.startProcess({ tenantId: OTHER, key: 'signalWaits' });
  return { ...ctx, a: a.id, b: b.id, other: other.id };
}

describe('signal events', () => {
  it("given waiting instances in two counties, when a signal is broadcast in one, then every waiting instance of that county moves, a signal start event starts a process there, and the other county's instance stays", async () => {
    const { engine, a, b, other } = await givenTwoCounties();
    const outcome = await engine.broadcastSignal({ tenantId: TENANT, name: 'school-closed', variables: { closedFrom: '2026-12-08' } });
    expect(outcome.reached.sort()).toEqual([a, b].sort());
    expect(outcome.started).toHaveLength(1);
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['homeStudy', 'visit']);
    expect(await engine.getActiveActivities(TENANT, b)).toEqual(['homeStudy', 'visit']);
    expect(await engine.getActiveActivities(TENANT, outcome.started[0])).toEqual(['plan']);
    expect(await engine.getVariables(TENANT, outcome.started[0])).toEqual({ closedFrom: '2026-12-08' });
    expect(await engine.getActiveActivities(OTHER, other)).toEqual(['visit', 'waitClosed']);
    const history = await engine.getHistory(TENANT, a);
    expect(history.filter((h) => h.type === 'signal-received')).toHaveLength(1);
  });

  it('given a caught signal, when it is broadcast again, then the catch event (already passed) is not reached twice', async () => {
    const { engine, a } = await givenTwoCounties();
    await engine.broadcastSignal({ tenantId: TENANT, name: 'school-closed' });
    const again = await engine.broadcastSignal({ tenantId: TENANT, name: 'school-closed' });
    expect(again.reached).toEqual([]);
    expect((await openTasks(engine, a)).map((t) => t.activityId).sort()).toEqual(['homeStudy', 'visit']);
  });

  it('given a non-interrupting signal boundary, when a process throws the signal at its end event, then the step stays and a second path starts beside it, once per signal', async () => {
    const { engine, a, other } = await givenTwoCounties();
    const thrower = await engine.startProcess({ tenantId: TENANT, key: 'signalThrower' });
    // the throw event on the way already sent school-closed: the waiting instances moved
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['homeStudy', 'visit']);
    await completeAt(engine, thrower.id, 'confirm');
    expect((await engine.getInstance(TENANT, thrower.id)).state).toBe('completed');
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['homeStudy', 'reschedule', 'visit']);
    await engine.broadcastSignal({ tenantId: TENANT, name: 'holiday-notice' });
    expect((await openTasks(engine, a)).filter((t) => t.activityId === 'reschedule')).toHaveLength(2);
    expect(await engine.getActiveActivities(OTHER, other)).toEqual(['visit', 'waitClosed']);
  });

  it('given a signal nobody waits for, when broadcast, then nothing happens and nothing fails', async () => {
    const { engine } = await givenTwoCounties();
    expect(await engine.broadcastSignal({ tenantId: TENANT, name: 'nobody-listens' })).toEqual({ reached: [], started: [] });
    await expect(engine.broadcastSignal({ tenantId: TENANT, name: '' })).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('given a newer version, when the signal is broadcast, then only the latest version starts', async () => {
    const { engine } = await givenEngine(['signal-events.bpmn']);
    const changed = fixture('signal-events.bpmn').replace('停课应急方案', '停课应急方案（二）');
    const v2 = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'signal-events.bpmn', content: changed }] });
    const { started } = await engine.broadcastSignal({ tenantId: TENANT, name: 'school-closed' });
    expect(started).toHaveLength(1);
    const latest = v2.find((d) => d.key === 'signalStarted')!;
    expect(latest.version).toBe(2);
    expect((await engine.getInstance(TENANT, started[0])).definitionId).toBe(latest.id);
  });
});
