import { TENANT, givenEngine, openTasks } from './harness';
import type { Engine } from '../engine';

async function completeFor(engine: Engine, instanceId: string, assignee: string, variables: Record<string, unknown>) {
  const task = (await openTasks(engine, instanceId)).find((t) => t.assignee === assignee);
  if (!task) throw new Error(`no open task for ${assignee}`);
  await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: assignee, variables });
}

describe('multi-instance user tasks', () => {
  it('given countersign (会签) by three, when all approve, then every opinion is collected in order and the flow continues', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'countersign', variables: { signers: ['zhao', 'qian', 'sun'] } });
    expect((await openTasks(engine, id)).map((t) => t.assignee)).toEqual(['zhao', 'qian', 'sun']);
    await completeFor(engine, id, 'qian', { approve: true });
    await completeFor(engine, id, 'zhao', { approve: true });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['sign']);
    await completeFor(engine, id, 'sun', { approve: true });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after']);
    expect((await engine.getVariables(TENANT, id)).opinions).toEqual([
      { who: 'zhao', ok: true },
      { who: 'qian', ok: true },
      { who: 'sun', ok: true },
    ]);
  });

  it('given countersign with the completion condition "any rejection ends it", when one rejects, then the others are cancelled', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'countersign', variables: { signers: ['zhao', 'qian', 'sun'] } });
    await completeFor(engine, id, 'zhao', { approve: true });
    await completeFor(engine, id, 'qian', { approve: false });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after']);
    expect((await engine.listTasks({ tenantId: TENANT, instanceId: id, state: 'cancelled' })).map((t) => t.assignee)).toEqual(['sun']);
    expect((await engine.getVariables(TENANT, id)).opinions).toEqual([{ who: 'zhao', ok: true }, { who: 'qian', ok: false }, null]);
  });

  it('given any-of (或签), when the first approver completes, then the other task is withdrawn', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'anyOf', variables: { approvers: ['li', 'zhou'] } });
    await completeFor(engine, id, 'zhou', {});
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after2']);
    expect((await engine.listTasks({ tenantId: TENANT, instanceId: id, state: 'cancelled' })).map((t) => t.assignee)).toEqual(['li']);
  });

  it('given sequential reviewers, when each completes, then the next one gets a task, in collection order', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'sequential', variables: { reviewers: ['wu', 'zheng'] } });
    expect((await openTasks(engine, id)).map((t) => t.assignee)).toEqual(['wu']);
    await completeFor(engine, id, 'wu', { note: 'first' });
    expect((await openTasks(engine, id)).map((t) => t.assignee)).toEqual(['zheng']);
    await completeFor(engine, id, 'zheng', { note: 'second' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after3']);
    expect((await engine.getVariables(TENANT, id)).notes).toEqual(['first', 'second']);
  });

  it('given an empty collection, when reached, then the activity completes at once with an empty output', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'sequential', variables: { reviewers: [] } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['after3']);
    expect((await engine.getVariables(TENANT, id)).notes).toEqual([]);
  });

  it('given a collection that is not a list, when reached, then an incident is raised', async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'anyOf', variables: { approvers: 'li' } });
    expect((await engine.listIncidents(TENANT, id)).map((i) => i.activityId)).toEqual(['approve']);
  });
});
