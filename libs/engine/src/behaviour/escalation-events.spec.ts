import { TENANT, completeAt, givenEngine } from './harness';

describe('escalation events', () => {
  it('given an escalation thrown inside a sub-process, then the non-interrupting boundary starts a path beside it, an escalation nobody catches is only recorded, and the work goes on', async () => {
    const { engine } = await givenEngine(['escalation-events.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'escalations', variables: { outcome: 'late' } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['finishVisit', 'townNotice', 'verify']);
    const thrown = (await engine.getHistory(TENANT, id)).filter((h) => h.type === 'escalation-thrown');
    expect(thrown.map((h) => [h.elementId, h.data])).toEqual([
      ['late', { escalationCode: 'OVERDUE', caught: true }],
      ['unheard', { escalationCode: 'NOBODY', caught: false }],
    ]);
    expect(await engine.listIncidents(TENANT, id)).toEqual([]);
    await completeAt(engine, id, 'finishVisit');
    await completeAt(engine, id, 'townNotice');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given an escalation end event, then the interrupting escalation event sub-process of the process cancels the sub-process and runs', async () => {
    const { engine } = await givenEngine(['escalation-events.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'escalations', variables: { outcome: 'refused' } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['legalNotice', 'onRefusal']);
    await completeAt(engine, id, 'legalNotice');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given an escalation the called process does not catch, then it reaches the call activity: its non-interrupting boundary runs beside while the called process goes on', async () => {
    const { engine } = await givenEngine(['escalation-events.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'escalationCaller', variables: { outcome: 'late' } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['callVerify', 'countyNotice']);
    const [child] = await engine.listCalledInstances(TENANT, id);
    expect(await engine.getActiveActivities(TENANT, child.id)).toEqual(['finishVisit', 'townNotice', 'verify']);
    const thrown = (await engine.getHistory(TENANT, child.id)).filter((h) => h.type === 'escalation-thrown');
    expect(thrown.map((h) => h.data)).toEqual([
      { escalationCode: 'OVERDUE', caught: true },
      { escalationCode: 'NOBODY', caught: true },
    ]);
    await completeAt(engine, child.id, 'finishVisit');
    await completeAt(engine, child.id, 'townNotice');
    await completeAt(engine, id, 'countyNotice');
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });
});
