import { InvalidArgumentError, TaskAssignmentError, TaskNotActiveError } from '../errors';
import { TENANT, completeAt, fixture, givenEngine, openTasks } from './harness';

/** 退回: sending a case back to an earlier step with a reason; the step goes to whoever did it before. */
describe('returning a task to an earlier step', () => {
  async function atCounty() {
    const given = await givenEngine(['return-chain.bpmn']);
    const instance = await given.engine.startProcess({ tenantId: TENANT, key: 'return-chain', variables: { studentName: '马小明' } });
    await completeAt(given.engine, instance.id, 'school', { reason: 'illness' }, 'teacher-ma');
    await completeAt(given.engine, instance.id, 'town', { townOpinion: 'ok' }, 'official-li');
    const [county] = await openTasks(given.engine, instance.id);
    return { ...given, instance, county };
  }

  it('given a case at the county step, when returned without a target, then the town step is open again for its earlier completer with the data kept', async () => {
    const { engine, instance, county } = await atCounty();
    const cancelled = await engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'director-wu', reason: '乡镇意见不完整' });
    expect(cancelled).toMatchObject({ state: 'cancelled', completedBy: 'director-wu' });
    const [town] = await openTasks(engine, instance.id);
    expect(town).toMatchObject({ activityId: 'town', assignee: 'official-li', state: 'created' });
    expect(await engine.getActiveActivities(TENANT, instance.id)).toEqual(['town']);
    expect(await engine.getVariables(TENANT, instance.id)).toMatchObject({ reason: 'illness', townOpinion: 'ok' });
    const returned = (await engine.getHistory(TENANT, instance.id)).find((h) => h.type === 'task-returned');
    expect(returned).toMatchObject({
      elementId: 'county',
      userId: 'director-wu',
      taskId: county.id,
      data: { reason: '乡镇意见不完整', toActivityId: 'town', assignee: 'official-li' },
    });
  });

  it('given a named earlier step, when returned, then that step reopens for its completer and the case then runs on from there', async () => {
    const { engine, instance, county } = await atCounty();
    await engine.returnTask({
      tenantId: TENANT,
      taskId: county.id,
      userId: 'director-wu',
      reason: '请补充诊断证明',
      targetActivityId: 'school',
    });
    const [school] = await openTasks(engine, instance.id);
    expect(school).toMatchObject({ activityId: 'school', assignee: 'teacher-ma' });
    await completeAt(engine, instance.id, 'school', { reason: 'illness', certificate: 'att-1' }, 'teacher-ma');
    const [town] = await openTasks(engine, instance.id);
    expect(town).toMatchObject({ activityId: 'town', assignee: null });
    expect(JSON.parse(town.candidateGroups)).toEqual(['township']);
  });

  it('given a boundary timer on the step left behind, when the case is returned past it, then the old timer is gone and re-entry opens a new one', async () => {
    const { engine, instance } = await atCounty();
    const [county] = await openTasks(engine, instance.id);
    expect(await engine.listJobs(TENANT, instance.id)).toHaveLength(0);
    await engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'director-wu', reason: 'x' });
    expect((await engine.listJobs(TENANT, instance.id)).map((j) => j.activityId)).toEqual(['townLate']);
    const [town] = await openTasks(engine, instance.id);
    await engine.returnTask({ tenantId: TENANT, taskId: town.id, userId: 'official-li', reason: '退回学校' });
    expect(await engine.listJobs(TENANT, instance.id)).toHaveLength(0);
    expect((await openTasks(engine, instance.id)).map((t) => [t.activityId, t.assignee])).toEqual([['school', 'teacher-ma']]);
  });

  it('given an illegal return, then it is refused and nothing changes', async () => {
    const { engine, instance, county } = await atCounty();
    await expect(engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'u', reason: '  ' })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(
      engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'u', reason: 'r', targetActivityId: 'county' }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(
      engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'u', reason: 'r', targetActivityId: 'nowhere' }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
    await engine.claimTask({ tenantId: TENANT, taskId: county.id, userId: 'director-wu' });
    await expect(engine.returnTask({ tenantId: TENANT, taskId: county.id, userId: 'someone-else', reason: 'r' })).rejects.toBeInstanceOf(
      TaskAssignmentError,
    );
    expect((await openTasks(engine, instance.id)).map((t) => t.id)).toEqual([county.id]);
    expect((await engine.getHistory(TENANT, instance.id)).some((h) => h.type === 'task-returned')).toBe(false);
  });

  it('given the first step, when returned, then there is no earlier step (400); a finished task cannot be returned (409)', async () => {
    const { engine } = await givenEngine(['return-chain.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'return-chain' });
    const [school] = await openTasks(engine, instance.id);
    const error = await engine.returnTask({ tenantId: TENANT, taskId: school.id, userId: 'u', reason: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).key).toBe('INVALID_ARGUMENT/return-no-earlier-step');
    await completeAt(engine, instance.id, 'school', {}, 'teacher-ma');
    await expect(engine.returnTask({ tenantId: TENANT, taskId: school.id, userId: 'u', reason: 'r' })).rejects.toBeInstanceOf(
      TaskNotActiveError,
    );
  });
});

describe('delegating a task', () => {
  it('given an unassigned or held task, when delegated, then the new assignee holds it and the timeline says who handed it to whom', async () => {
    const { engine } = await givenEngine(['return-chain.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'return-chain' });
    const [task] = await openTasks(engine, instance.id);
    await engine.claimTask({ tenantId: TENANT, taskId: task.id, userId: 'teacher-ma' });
    await expect(
      engine.delegateTask({ tenantId: TENANT, taskId: task.id, userId: 'teacher-ye', assignee: 'teacher-ye' }),
    ).rejects.toBeInstanceOf(TaskAssignmentError);
    const delegated = await engine.delegateTask({ tenantId: TENANT, taskId: task.id, userId: 'teacher-ma', assignee: 'teacher-ye' });
    expect(delegated.assignee).toBe('teacher-ye');
    const event = (await engine.getHistory(TENANT, instance.id)).find((h) => h.type === 'task-delegated');
    expect(event).toMatchObject({ userId: 'teacher-ma', data: { from: 'teacher-ma', to: 'teacher-ye' } });
  });
});

describe('start forms', () => {
  it('given a start event with a form and starter roles, then the engine reports them; a process without one reports an empty spec', async () => {
    const { engine } = await givenEngine(['return-chain.bpmn', 'approval.bpmn']);
    const start = await engine.startSpec(TENANT, 'return-chain');
    expect(start).toMatchObject({
      startEventId: 'start',
      spec: { formKey: 'dropout-report', starterGroups: ['class-teacher', 'registrar'], fieldPermissions: { decision: 'hidden' } },
    });
    expect(start!.definition.version).toBe(1);
    expect((await engine.startSpec(TENANT, 'approval'))!.spec).toEqual({ formKey: null, fieldPermissions: {}, starterGroups: [] });
  });

  it('given a process that starts only by message, then it has no start by hand (null)', async () => {
    const { engine } = await givenEngine(['message-events.bpmn']);
    expect(await engine.startSpec(TENANT, 'reported')).toBeNull();
  });
});

describe('deployment dry run', () => {
  it('given a changed and an unchanged process, when planned, then versions are reported as a deploy would and nothing is stored', async () => {
    const { engine, store } = await givenEngine(['approval.bpmn']);
    const stored = () => Object.entries(store.counts()).filter(([, n]) => n > 0);
    const before = stored();
    const plan = await engine.planDeployment({
      tenantId: TENANT,
      resources: [
        { name: 'approval.bpmn', content: fixture('approval.bpmn') },
        { name: 'timer-events.bpmn', content: fixture('timer-events.bpmn') },
      ],
    });
    expect(plan.find((d) => d.key === 'approval')).toMatchObject({ version: 1, isNew: false });
    expect(plan.filter((d) => d.isNew).length).toBeGreaterThan(0);
    expect(stored()).toEqual(before);
  });

  it('given a broken and a good file, when only checked, then the broken file problems are listed and the good one has none', async () => {
    const { engine } = await givenEngine([]);
    const problems = await engine.checkDeployment([
      { name: 'unsupported.bpmn', content: fixture('unsupported.bpmn') },
      { name: 'approval.bpmn', content: fixture('approval.bpmn') },
    ]);
    expect(new Set(problems.map((p) => p.resource))).toEqual(new Set(['unsupported.bpmn']));
    expect(await engine.checkDeployment([{ name: 'approval.bpmn', content: fixture('approval.bpmn') }])).toEqual([]);
  });
});
