import { TENANT, completeAt, givenEngine } from './harness';

const HOUR = 3_600_000;

describe('event sub-processes and compensation inside scopes', () => {
  it('given a sub-process with an interrupting timer event sub-process, when it fires, then only the sub-process is cut short and the case goes on after it', async () => {
    const { engine, clock } = await givenEngine(['event-subprocess-scoped.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'scopedEvents', variables: { households: ['王家'], undone: [] } });
    await engine.executeDueJobs(clock.advance(3 * HOUR));
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['noteLate', 'outOfTime', 'visit']);
    await completeAt(engine, id, 'noteLate');
    // the visit scope ended through its event sub-process; the case went on to the households and undid them
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: ['王家'] });
  });

  it('given a visit finished in time, then its timer is withdrawn; and each completed multi-instance item is compensated, newest first', async () => {
    const { engine, clock } = await givenEngine(['event-subprocess-scoped.bpmn']);
    const households = ['李家', '张家', '赵家'];
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'scopedEvents', variables: { households, undone: [] } });
    await completeAt(engine, id, 'talk');
    expect(await engine.listJobs(TENANT, id)).toEqual([]);
    await engine.executeDueJobs(clock.advance(3 * HOUR));
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: [...households].reverse() });
  });
});
