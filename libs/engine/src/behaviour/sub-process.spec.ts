import { TENANT, completeAt, givenEngine } from './harness';

const noFlags = { refused: false, moved: false };

describe('embedded sub-process, error and terminate end events', () => {
  it('given a sub-process with two paths, when both finish, then the sub-process completes and the token leaves it', async () => {
    const { engine } = await givenEngine(['sub-process.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'subprocess' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['homeVisit', 'paperwork', 'persuade']);
    await completeAt(engine, id, 'homeVisit', noFlags);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['paperwork', 'persuade']);
    await completeAt(engine, id, 'paperwork');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['returned']);
  });

  it('given an error end event inside, when reached, then the boundary on the sub-process catches it and open tasks are cancelled', async () => {
    const { engine } = await givenEngine(['sub-process.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'subprocess' });
    await completeAt(engine, id, 'homeVisit', { refused: true, moved: false });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['legalNotice']);
    expect((await engine.listTasks({ tenantId: TENANT, instanceId: id, state: 'cancelled' })).map((t) => t.activityId)).toEqual([
      'paperwork',
    ]);
  });

  it('given a terminate end event inside, when reached, then the sibling path ends and the sub-process completes normally', async () => {
    const { engine } = await givenEngine(['sub-process.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'subprocess' });
    await completeAt(engine, id, 'homeVisit', { refused: false, moved: true });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['returned']);
  });
});
