import { Engine } from '../engine';
import { TENANT, TestClock, fixture } from './harness';
import { MemoryStore } from '../storage';

/** given: the Camunda 7 transfer model on a store shared by `engines` engine objects (as two API processes would) */
async function givenEngines(engines = 1) {
  const store = new MemoryStore();
  const clock = new TestClock();
  const calls: string[] = [];
  const make = () =>
    new Engine({
      store,
      clock,
      retryBackoffMs: 1000,
      serviceHandlers: {
        'register-transfer': ({ instanceId }) => {
          calls.push(instanceId);
          return { registered: true };
        },
      },
    });
  const all = Array.from({ length: engines }, make);
  await all[0].deploy({
    tenantId: TENANT,
    resources: [{ name: 'async-continuations.bpmn', content: fixture('async-continuations.bpmn') }],
  });
  return { engine: all[0], engines: all, clock, calls };
}

describe('async continuations (camunda:asyncBefore / asyncAfter)', () => {
  it('given asyncAfter on the start and asyncBefore+asyncAfter on a service task, then each is a committed step of its own, run by a job', async () => {
    const { engine, calls } = await givenEngines();
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'transfer', variables: { grade: 8 } });
    const jobs = async () => (await engine.listJobs(TENANT, id)).map((j) => [j.kind, j.activityId]);
    // the start event is done and committed; taking its flow is the next job's work
    expect(await jobs()).toEqual([['async', 'start']]);
    // one job each: leave the start, enter the service task, run its handler, leave it
    expect(await engine.executeDueJobs()).toEqual({ done: 4, failed: 0 });
    expect(await jobs()).toEqual([]);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['countyReview']);
    expect(calls).toEqual([id]);
    const timeline = (await engine.getHistory(TENANT, id)).filter((h) => h.elementId === 'register').map((h) => h.type);
    expect(timeline).toEqual(['activity-entered', 'activity-left']);
  });

  it('given a failure after an asyncAfter step, then the step stays done: the handler is not run again when the failure is fixed', async () => {
    const { engine, calls } = await givenEngines();
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'transfer', variables: {} }); // no grade: the gateway fails
    await engine.executeDueJobs();
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'EXPRESSION_FAILED', activityId: 'level' });
    expect(await engine.getVariables(TENANT, id)).toEqual({ registered: true });
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { grade: 3 } });
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect(calls).toEqual([id]);
  });

  it('given two engines sharing the store, when both run the due jobs of 20 instances, then every step runs exactly once', async () => {
    const { engines, calls } = await givenEngines(2);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await engines[0].startProcess({ tenantId: TENANT, key: 'transfer', variables: { grade: 1 } })).id);
    await Promise.all(engines.map((e, i) => e.executeDueJobs(undefined, `worker-${i}`, 5)));
    for (const id of ids) expect((await engines[0].getInstance(TENANT, id)).state).toBe('completed');
    expect(calls.sort()).toEqual([...ids].sort());
  });
});
