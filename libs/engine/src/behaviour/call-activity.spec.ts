import { TENANT, givenEngine } from './harness';

async function givenCalled(verdict: string) {
  const ctx = await givenEngine(['call-activity.bpmn']);
  const parent = await ctx.engine.startProcess({
    tenantId: TENANT,
    key: 'caseFile',
    businessKey: 'case-3',
    variables: { student: { name: 'xiaoming' } },
  });
  const [child] = await ctx.engine.listCalledInstances(TENANT, parent.id);
  const [visit] = await ctx.engine.listTasks({ tenantId: TENANT, instanceId: child.id });
  await ctx.engine.completeTask({
    tenantId: TENANT,
    taskId: visit.id,
    userId: visit.assignee!,
    variables: { verdict, notes: 'long text' },
  });
  return { ...ctx, parent: parent.id, child };
}

describe('call activity', () => {
  it('given input mappings, when the child starts, then it sees the mapped variables and the business key', async () => {
    const { engine } = await givenEngine(['call-activity.bpmn']);
    const parent = await engine.startProcess({
      tenantId: TENANT,
      key: 'caseFile',
      businessKey: 'case-3',
      variables: { student: { name: 'xiaoming' } },
    });
    const [child] = await engine.listCalledInstances(TENANT, parent.id);
    expect(child).toMatchObject({ key: 'verifyFamily', businessKey: 'case-3', parentExecutionId: expect.any(String) });
    expect(await engine.getVariables(TENANT, child.id)).toMatchObject({ childName: 'xiaoming' });
    const [visit] = await engine.listTasks({ tenantId: TENANT, instanceId: child.id });
    expect(visit.assignee).toBe('visitor-of-xiaoming');
    expect(await engine.getActiveActivities(TENANT, parent.id)).toEqual(['verify']);
  });

  it('given output mappings, when the child completes, then the parent continues with only the mapped variables', async () => {
    const { engine, parent, child } = await givenCalled('found');
    expect((await engine.getInstance(TENANT, child.id)).state).toBe('completed');
    expect(await engine.getActiveActivities(TENANT, parent)).toEqual(['decide']);
    const vars = await engine.getVariables(TENANT, parent);
    expect(vars).toMatchObject({ familyVerdict: 'found' });
    expect(vars).not.toHaveProperty('notes');
  });

  it('given an error end event in the child, when reached, then the boundary on the call activity catches it', async () => {
    const { engine, parent, child } = await givenCalled('unreachable');
    expect(await engine.getActiveActivities(TENANT, parent)).toEqual(['police']);
    expect((await engine.getInstance(TENANT, child.id)).state).toBe('terminated');
  });
});
