import { TENANT, completeAt, givenEngine } from './harness';

describe('exclusive gateway and default flow', () => {
  it('given amount above 1000, when started, then the conditional flow is taken', async () => {
    const { engine } = await givenEngine(['exclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'exclusive', variables: { amount: 5000 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['countyReview']);
    await completeAt(engine, id, 'countyReview');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given amount below, when started, then the default flow is taken', async () => {
    const { engine } = await givenEngine(['exclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'exclusive', variables: { amount: 10 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['schoolReview']);
  });

  it('given a condition on a missing variable, when reached, then an incident stops the token (not the default path); after fixing the variable a retry continues', async () => {
    const { engine } = await givenEngine(['exclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'exclusive', variables: {} });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ activityId: 'amountCheck', type: 'EXPRESSION_FAILED', state: 'open' });
    expect(incident.message).toContain('amount > 1000');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['amountCheck']);
    expect((await engine.getHistory(TENANT, id)).some((h) => h.type === 'incident-raised')).toBe(true);

    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { amount: 2000 } });
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect(await engine.listIncidents(TENANT, id)).toEqual([]);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['countyReview']);
  });

  it('given a condition giving null (not a boolean), when evaluated, then it is an incident', async () => {
    const { engine } = await givenEngine(['exclusive-gateway.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'exclusive', variables: { amount: null } });
    expect(await engine.listIncidents(TENANT, id)).toHaveLength(1);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['amountCheck']);
  });
});
