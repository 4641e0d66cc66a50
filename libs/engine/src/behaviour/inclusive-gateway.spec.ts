import { TENANT, completeAt, givenEngine } from './harness';

describe('inclusive gateway', () => {
  it('given both conditions true, when one branch finishes, then the join waits for the branch that can still arrive', async () => {
    const { engine } = await givenEngine(['inclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'inclusive', variables: { needsSchool: true, amount: 5000 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['A', 'B1']);
    await completeAt(engine, id, 'A');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['B1', 'join']);
    await completeAt(engine, id, 'B1');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['B2', 'join']);
    await completeAt(engine, id, 'B2');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after']);
    await completeAt(engine, id, 'after');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given one condition true, when its branch finishes, then the join fires at once', async () => {
    const { engine } = await givenEngine(['inclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'inclusive', variables: { needsSchool: false, amount: 5000 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['B1']);
    await completeAt(engine, id, 'B1');
    await completeAt(engine, id, 'B2');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after']);
  });

  it('given no condition true, when the fork is reached, then only the default flow is taken', async () => {
    const { engine } = await givenEngine(['inclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'inclusive', variables: { needsSchool: false, amount: 10 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['C']);
    await completeAt(engine, id, 'C');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after']);
  });
});
