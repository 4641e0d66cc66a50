import { DeploymentError, NotFoundError } from '../errors';
import { MemoryStore } from '../storage';
import { Engine } from '../engine';
import { TENANT, fixture, givenEngine } from './harness';

async function refusal(name: string, content = fixture(name)): Promise<DeploymentError> {
  const engine = new Engine({ store: new MemoryStore() });
  const error = await engine.deploy({ tenantId: TENANT, resources: [{ name, content }] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeploymentError);
  return error as DeploymentError;
}

describe('deployment', () => {
  it('given unsupported elements, when deploying, then every one is listed with id, type, line and zh/en reasons', async () => {
    const error = await refusal('unsupported.bpmn');
    const byId = Object.fromEntries(error.problems.map((p) => [p.elementId, p]));
    expect(Object.keys(byId).sort()).toEqual(['cancelEnd', 'complex', 'noType', 'rules']);
    expect(byId.complex).toMatchObject({
      resource: 'unsupported.bpmn',
      elementType: 'bpmn:ComplexGateway',
      line: 6,
      code: 'UNSUPPORTED_ELEMENT',
    });
    expect(byId.cancelEnd).toMatchObject({ code: 'UNSUPPORTED_EVENT', line: 10 });
    // a refusal says what to do instead
    expect(byId.cancelEnd.messageZh).toContain('错误边界事件');
    expect(byId.noType.messageZh).toContain('zeebe:taskDefinition');
    expect(error.code).toBe('DEPLOYMENT_REFUSED');
  });

  it('given the same content twice, when deploying, then no new version is made; changed content makes version 2', async () => {
    const { engine, deployed } = await givenEngine(['approval.bpmn']);
    const again = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: fixture('approval.bpmn') }] });
    expect(again).toEqual([{ ...deployed[0], isNew: false }]);
    const changed = fixture('approval.bpmn').replace('三级审批', '三级审批（新）');
    const [v2] = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: changed }] });
    expect(v2).toMatchObject({ key: 'approval', version: 2, isNew: true, name: '三级审批（新）' });
  });

  it('given a Camunda 7 file, when deployed and started, then form key, candidates, due date, assignee and asyncBefore are translated', async () => {
    const { engine, clock } = await givenEngine(['camunda7.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'c7approval' });
    const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    expect(task).toMatchObject({ formKey: 'leave-application', dueAt: Date.parse('2026-12-31T00:00:00Z') });
    expect(JSON.parse(task.candidateGroups)).toEqual(['teachers', 'heads']);
    expect(JSON.parse(task.candidateUsers)).toEqual(['wang']);
    await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'wang' });
    expect(await engine.listTasks({ tenantId: TENANT, instanceId: id })).toEqual([]);
    expect((await engine.listJobs(TENANT, id)).map((j) => [j.kind, j.activityId])).toEqual([['async', 'approve']]);
    await engine.executeDueJobs(clock.now());
    expect((await engine.listTasks({ tenantId: TENANT, instanceId: id }))[0].assignee).toBe('principal');
  });

  it('given Camunda 7 JUEL expressions and Java delegates, when deploying, then each is refused with a FEEL hint', async () => {
    const error = await refusal('camunda7-juel.bpmn');
    const codes = error.problems.map((p) => [p.elementId, p.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['apply', 'JUEL_REFUSED'],
        ['big', 'JUEL_REFUSED'],
        ['java', 'UNSUPPORTED_CAMUNDA7'],
        ['java', 'HANDLER_MISSING'],
      ]),
    );
    expect(error.problems.find((p) => p.elementId === 'big')!.message).toContain('FEEL');
  });

  it('given a conditional flow leaving a task, when deploying, then it is refused rather than silently ignored', async () => {
    const error = await refusal('conditional-flow.bpmn');
    expect(error.problems).toMatchObject([{ elementId: 'check', code: 'CONDITIONAL_FLOW_UNSUPPORTED', line: 6 }]);
  });

  it("given a definition id looked up before, when starting with it, then that version starts; another key's or county's id is not found", async () => {
    const { engine } = await givenEngine(['approval.bpmn']);
    const changed = fixture('approval.bpmn').replace('三级审批', '三级审批（新）');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: changed }] });
    const v1 = (await engine.startSpec(TENANT, 'approval', 1))!.definition;
    const started = await engine.startProcess({ tenantId: TENANT, key: 'approval', definitionId: v1.id });
    expect(started.definitionId).toBe(v1.id);
    await expect(engine.startProcess({ tenantId: TENANT, key: 'other', definitionId: v1.id })).rejects.toThrow(NotFoundError);
    await expect(engine.startProcess({ tenantId: 'another-county', key: 'approval', definitionId: v1.id })).rejects.toThrow(NotFoundError);
    expect(await engine.getDefinition(TENANT, v1.id)).toMatchObject({ key: 'approval', version: 1 });
    expect(await engine.getDefinition('another-county', v1.id)).toBeUndefined();
  });
});
