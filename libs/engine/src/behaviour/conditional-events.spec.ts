import { TENANT, completeAt, givenEngine, openTasks } from './harness';

async function givenCase(variables: Record<string, unknown> = { days: 3 }) {
  const ctx = await givenEngine(['conditional-events.bpmn']);
  const { id } = await ctx.engine.startProcess({ tenantId: TENANT, key: 'absence', variables });
  return { ...ctx, id };
}

describe('conditional events', () => {
  it('given a catch event waiting for 20 days of absence, when the days change, then it passes only once the condition holds', async () => {
    const { engine, id } = await givenCase();
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'twentyDays']);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { days: 12 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'twentyDays']);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { days: 21 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'report']);
  });

  it('given a condition already true as the token arrives, then the catch event passes at once', async () => {
    const { engine, id } = await givenCase({ days: 30 });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'report']);
  });

  it('given a missing variable, then the condition is "not yet" rather than an incident', async () => {
    const { engine, id } = await givenCase({});
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'twentyDays']);
    expect(await engine.listIncidents(TENANT, id)).toEqual([]);
  });

  it('given a non-interrupting conditional boundary, when the case is marked urgent, then a visit starts beside the follow-up, once per change', async () => {
    const { engine, id } = await givenCase();
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { urgent: true } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'principalVisit', 'twentyDays']);
    expect((await openTasks(engine, id)).filter((t) => t.activityId === 'principalVisit')).toHaveLength(1);
    await completeAt(engine, id, 'principalVisit');
    await completeAt(engine, id, 'followUp', { note: 'called' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['twentyDays']);
  });

  it('given a boundary filtered on "urgent", then it fires when urgent changes to true, not when other variables change while it is true', async () => {
    const { engine, id } = await givenCase({ days: 3, urgent: false });
    const visits = async () => (await openTasks(engine, id)).filter((t) => t.activityId === 'principalVisit').length;
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { urgent: true } });
    expect(await visits()).toBe(1);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { days: 4 } });
    expect(await visits()).toBe(1);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { urgent: false } });
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { urgent: true } });
    expect(await visits()).toBe(2);
  });

  it('given the condition already holds as the step starts, then the boundary fires at once', async () => {
    const { engine, id } = await givenCase({ days: 3, urgent: true });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'principalVisit', 'twentyDays']);
  });

  it('given an interrupting conditional event sub-process, when the student is back, then every running step is cancelled and the case ends', async () => {
    const { engine, id } = await givenCase();
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { returned: true } });
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect((await engine.getHistory(TENANT, id)).filter((h) => h.type === 'task-cancelled').map((h) => h.elementId)).toEqual(['followUp']);
  });
});
