import { TaskAssignmentError, TaskNotActiveError, ConcurrencyError } from '../errors';
import { TENANT, T0, completeAt, givenEngine, openTasks } from './harness';

describe('user task', () => {
  it('given the approval process, when started, then the first task carries candidates, due date, form and field permissions', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({
      tenantId: TENANT,
      key: 'approval',
      businessKey: 'case-7',
      variables: { townOfficer: 'li', region: 'xiji' },
      startedBy: 'wang',
    });
    const [task] = await openTasks(engine, instance.id);
    expect(task).toMatchObject({
      activityId: 'school',
      name: '学校审核',
      assignee: null,
      formKey: 'dropout-report',
      dueAt: T0 + 3 * 86_400_000,
    });
    expect(JSON.parse(task.candidateGroups)).toEqual(['school-staff', 'principals']);
    expect(JSON.parse(task.fieldPermissions)).toEqual({ studentName: 'readonly', reason: 'editable' });
    expect(await engine.listTasks({ tenantId: TENANT, candidateGroup: 'principals' })).toHaveLength(1);
  });

  it('given three approvals, when each is completed, then assignees come from FEEL and the instance ends with the submitted variables', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'xiji' } });
    await completeAt(engine, instance.id, 'school', { schoolOpinion: 'ok' });
    const [town] = await openTasks(engine, instance.id);
    expect(town.assignee).toBe('li');
    await completeAt(engine, instance.id, 'town', { townOpinion: 'ok' }, 'li');
    const [county] = await openTasks(engine, instance.id);
    expect(JSON.parse(county.candidateGroups)).toEqual(['county-xiji']);
    await completeAt(engine, instance.id, 'county', { approved: true });
    expect((await engine.getInstance(TENANT, instance.id)).state).toBe('completed');
    expect(await engine.getVariables(TENANT, instance.id)).toMatchObject({ schoolOpinion: 'ok', townOpinion: 'ok', approved: true });
    const timeline = await engine.getHistory(TENANT, instance.id);
    expect(timeline.filter((h) => h.type === 'task-completed').map((h) => [h.elementId, h.userId])).toEqual([
      ['school', 'u1'],
      ['town', 'li'],
      ['county', 'u1'],
    ]);
    expect(timeline[timeline.length - 1].type).toBe('instance-ended');
  });

  it('given an output made from the current variables, when it refuses them, then nothing changes; when it accepts, its values are stored', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'xiji' } });
    const [task] = await openTasks(engine, instance.id);
    const seen: Record<string, unknown>[] = [];
    const refuse = (current: Record<string, unknown>) => {
      seen.push(current);
      throw new Error('form invalid');
    };
    await expect(engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1', variables: refuse })).rejects.toThrow(
      'form invalid',
    );
    expect(seen).toEqual([{ townOfficer: 'li', region: 'xiji' }]);
    expect((await openTasks(engine, instance.id)).map((t) => t.id)).toEqual([task.id]);
    await engine.completeTask({
      tenantId: TENANT,
      taskId: task.id,
      userId: 'u1',
      variables: (current) => ({ schoolOpinion: `ok for ${current.region}` }),
    });
    expect(await engine.getVariables(TENANT, instance.id)).toMatchObject({ schoolOpinion: 'ok for xiji' });
  });

  it('given a completed task, when completed again, then TaskNotActiveError (409) is thrown', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, instance.id);
    const results = await Promise.allSettled([1, 2, 3].map(() => engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'a' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(TaskNotActiveError);
      expect((r as PromiseRejectedResult).reason.code).toBe('TASK_NOT_ACTIVE');
    }
  });

  it('given a stale expected version, when completing, then ConcurrencyError and nothing changes', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, instance.id);
    await engine.claimTask({ tenantId: TENANT, taskId: task.id, userId: 'zhang' });
    await expect(
      engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'zhang', expectedVersion: task.version }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await engine.getActiveActivities(TENANT, instance.id)).toEqual(['school']);
  });

  it('given a task claimed by one user, when another claims or completes it, then it is refused; after unclaim it is free', async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, instance.id);
    await engine.claimTask({ tenantId: TENANT, taskId: task.id, userId: 'zhang' });
    await expect(engine.claimTask({ tenantId: TENANT, taskId: task.id, userId: 'wu' })).rejects.toBeInstanceOf(TaskAssignmentError);
    await expect(engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'wu' })).rejects.toBeInstanceOf(TaskAssignmentError);
    await engine.unclaimTask({ tenantId: TENANT, taskId: task.id, userId: 'zhang' });
    const claimed = await engine.claimTask({ tenantId: TENANT, taskId: task.id, userId: 'wu' });
    expect(claimed.assignee).toBe('wu');
    const types = (await engine.getHistory(TENANT, instance.id)).map((h) => h.type);
    expect(types.filter((t) => t.startsWith('task-'))).toEqual(['task-created', 'task-claimed', 'task-unclaimed', 'task-claimed']);
  });
});
