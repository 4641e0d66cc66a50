import { TENANT, givenEngine } from './harness';

const itemsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    problem: `第 ${i + 1} 项：控辍保学台账未按月更新`,
    unitCode: '64042210001',
    deadline: '2026-12-30',
  }));

async function completeChild(ctx: Awaited<ReturnType<typeof givenEngine>>, childId: string, variables: Record<string, unknown>) {
  const [fix] = await ctx.engine.listTasks({ tenantId: TENANT, instanceId: childId });
  await ctx.engine.completeTask({ tenantId: TENANT, taskId: fix.id, userId: 'principal', variables });
}

describe('call activity variable propagation (zeebe:calledElement propagateAll…)', () => {
  it('given propagateAllParentVariables="false", when a 2,000-item list is called item by item, then each child holds only its mapped inputs', async () => {
    // #14 point 4: with every parent variable copied down, each child carried the whole list and a batch's cost
    // grew with the square of its length (800 items: 17 s; 3,000: minutes and 3.5 GB)
    const ctx = await givenEngine(['call-propagation.bpmn']);
    const parent = await ctx.engine.startProcess({
      tenantId: TENANT,
      key: 'batch',
      variables: { items: itemsOf(2000), source: '2026 年秋季督导' },
    });
    const children = await ctx.engine.listCalledInstances(TENANT, parent.id);
    expect(children).toHaveLength(2000);
    for (const child of [children[0], children[1999]]) {
      const vars = await ctx.engine.getVariables(TENANT, child.id);
      expect(Object.keys(vars).sort()).toEqual(['orgUnit', 'problem']);
    }
    expect(await ctx.engine.getVariables(TENANT, children[1999].id)).toMatchObject({ problem: '第 2000 项：控辍保学台账未按月更新' });
  });

  it('given propagateAllChildVariables="false" and no output mappings, when children end, then nothing they set reaches the parent', async () => {
    const ctx = await givenEngine(['call-propagation.bpmn']);
    const parent = await ctx.engine.startProcess({ tenantId: TENANT, key: 'batch', variables: { items: itemsOf(2) } });
    for (const child of await ctx.engine.listCalledInstances(TENANT, parent.id))
      await completeChild(ctx, child.id, { evidence: 'photo.png' });
    expect(await ctx.engine.getActiveActivities(TENANT, parent.id)).toEqual(['done']);
    expect(Object.keys(await ctx.engine.getVariables(TENANT, parent.id)).sort()).toEqual(['items']);
  });

  it("given Zeebe's defaults, then the child sees every parent variable and the parent gets the child's back", async () => {
    const ctx = await givenEngine(['call-propagation.bpmn']);
    const parent = await ctx.engine.startProcess({
      tenantId: TENANT,
      key: 'batchDefaults',
      variables: { items: itemsOf(2), source: '督导' },
    });
    const [child] = await ctx.engine.listCalledInstances(TENANT, parent.id);
    expect(Object.keys(await ctx.engine.getVariables(TENANT, child.id)).sort()).toEqual(['items', 'problem', 'source']);
    await completeChild(ctx, child.id, { evidence: 'photo.png' });
    expect(await ctx.engine.getVariables(TENANT, parent.id)).toMatchObject({ evidence: 'photo.png', source: '督导' });
  });
});
