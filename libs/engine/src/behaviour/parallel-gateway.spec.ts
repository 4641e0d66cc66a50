import { TENANT, completeAt, givenEngine } from './harness';

describe('parallel gateway', () => {
  it('given a three-way split, when branches finish one by one, then the join fires only after the last', async () => {
    const { engine } = await givenEngine(['parallel-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'parallel' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['call', 'sync', 'visit']);
    await completeAt(engine, id, 'visit');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['call', 'sync']);
    await completeAt(engine, id, 'call');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['report']);
    await completeAt(engine, id, 'report');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });
});
