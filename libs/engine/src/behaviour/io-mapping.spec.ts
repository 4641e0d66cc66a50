import { DeploymentError } from '../errors';
import { TENANT, completeAt, fixture, givenEngine, openTasks } from './harness';

/**
 * zeebe:ioMapping on user tasks: inputs become the step's own values when it is created; outputs, when present,
 * are the only thing its submission gives the process. A step's form opens with its own values only (issue #13:
 * review forms opened with the previous reviewer's decision, because every review wrote `decision`).
 */
describe('input and output mappings on user tasks', () => {
  async function atTownReview() {
    const given = await givenEngine(['io-mapping.bpmn']);
    const instance = await given.engine.startProcess({ tenantId: TENANT, key: 'deferral' });
    await completeAt(given.engine, instance.id, 'apply', { reason: 'illness', days: 30 }, 'teacher-ma');
    await completeAt(given.engine, instance.id, 'schoolReview', { decision: 'approve', opinion: '情况属实' }, 'principal-li');
    const [town] = await openTasks(given.engine, instance.id);
    return { ...given, instance, town };
  }

  it('given review steps with output mappings, when the school approves, then only the mapped names reach the process (no decision, no opinion)', async () => {
    const { engine, instance, town } = await atTownReview();
    expect(town.activityId).toBe('townReview');
    const variables = await engine.getVariables(TENANT, instance.id);
    expect(variables).toEqual({ reason: 'illness', days: 30, schoolDecision: 'approve', schoolOpinion: '情况属实' });
  });

  it("given the township step's input mappings, when it is created, then its step values are those inputs and no earlier step's answers", async () => {
    const { engine, town } = await atTownReview();
    expect(await engine.getStepValues(TENANT, town.id)).toEqual({ inputs: { schoolSaid: '情况属实', days: 30 }, previousSubmission: null });
  });

  it('given a step without output mappings, when completed, then its submission reaches the process under its own names (as before)', async () => {
    const { engine, instance } = await atTownReview();
    expect(await engine.getVariables(TENANT, instance.id)).toMatchObject({ reason: 'illness', days: 30 });
  });

  it("given the township's decision sends it back (a loop), when the school review opens again, then it holds the school's own last submission; the township's answers stay out of the process", async () => {
    const { engine, instance, town } = await atTownReview();
    await engine.completeTask({
      tenantId: TENANT,
      taskId: town.id,
      userId: 'official-wu',
      variables: { decision: 'return', opinion: '补充材料' },
    });
    const [school] = await openTasks(engine, instance.id);
    expect(school.activityId).toBe('schoolReview');
    expect(await engine.getStepValues(TENANT, school.id)).toEqual({
      inputs: {},
      previousSubmission: { decision: 'approve', opinion: '情况属实' },
    });
    const variables = await engine.getVariables(TENANT, instance.id);
    expect(variables).toMatchObject({ townDecision: 'return', townOpinion: '补充材料', schoolDecision: 'approve' });
    expect(variables).not.toHaveProperty('decision');
    expect(variables).not.toHaveProperty('opinion');
  });

  it('given the school returns the case through its own decision, when the application opens again, then it holds what the teacher submitted before', async () => {
    const { engine } = await givenEngine(['io-mapping.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'deferral' });
    await completeAt(engine, instance.id, 'apply', { reason: 'illness', days: 30 }, 'teacher-ma');
    await completeAt(engine, instance.id, 'schoolReview', { decision: 'return', opinion: '请附诊断证明' }, 'principal-li');
    const [apply] = await openTasks(engine, instance.id);
    expect(apply.activityId).toBe('apply');
    expect(await engine.getStepValues(TENANT, apply.id)).toEqual({ inputs: {}, previousSubmission: { reason: 'illness', days: 30 } });
  });

  it("given 退回 from the township to the school, when the school's step reopens, then it holds its own submission, and the township's inputs stay on record for its cancelled task", async () => {
    const { engine, instance, town } = await atTownReview();
    await engine.returnTask({ tenantId: TENANT, taskId: town.id, userId: 'official-wu', reason: '意见不完整' });
    const [school] = await openTasks(engine, instance.id);
    expect(school).toMatchObject({ activityId: 'schoolReview', assignee: 'principal-li' });
    expect((await engine.getStepValues(TENANT, school.id)).previousSubmission).toEqual({ decision: 'approve', opinion: '情况属实' });
    expect((await engine.getStepValues(TENANT, town.id)).inputs).toEqual({ schoolSaid: '情况属实', days: 30 });
  });

  it("given a sequential multi-instance step, when the second reviewer's task opens, then it holds nothing of the first reviewer's submission", async () => {
    const { engine } = await givenEngine(['multi-instance.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'sequential', variables: { reviewers: ['zhao', 'qian'] } });
    const [first] = await openTasks(engine, instance.id);
    await engine.completeTask({ tenantId: TENANT, taskId: first.id, userId: 'zhao', variables: { note: '同意' } });
    const [second] = await openTasks(engine, instance.id);
    expect(second.assignee).toBe('qian');
    expect((await engine.getStepValues(TENANT, second.id)).previousSubmission).toBeNull();
  });

  it("given a step inside a sequential multi-instance sub-process (the persuasion ladder), when the next level's visit opens, then it holds nothing of the level before", async () => {
    const { engine } = await givenEngine(['io-mapping.bpmn']);
    const instance = await engine.startProcess({
      tenantId: TENANT,
      key: 'ladder',
      variables: { visitors: ['teacher-ma', 'principal-li'] },
    });
    const [teacher] = await openTasks(engine, instance.id);
    await engine.completeTask({
      tenantId: TENANT,
      taskId: teacher.id,
      userId: 'teacher-ma',
      variables: { returned: false, note: '仍在外地' },
    });
    const [principal] = await openTasks(engine, instance.id);
    expect([principal.activityId, principal.assignee]).toEqual(['visit', 'principal-li']);
    expect(await engine.getStepValues(TENANT, principal.id)).toEqual({ inputs: {}, previousSubmission: null });
  });
});

describe('Camunda 7 camunda:inputOutput', () => {
  it('given text, list and map parameters, when the task is created, then they are its inputs, as zeebe:ioMapping would give them', async () => {
    const { engine } = await givenEngine(['camunda7-io.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'c7visit' });
    const [visit] = await openTasks(engine, instance.id);
    expect(await engine.getStepValues(TENANT, visit.id)).toEqual({
      inputs: { channel: '家访', steps: ['走访', '谈话'], contact: { who: '班主任', phone: null }, note: null },
      previousSubmission: null,
    });
    await engine.completeTask({ tenantId: TENANT, taskId: visit.id, userId: 'teacher-ma', variables: { returned: false } });
    // with an output parameter present, only it reaches the process (the ended instance keeps its final values)
    expect(await engine.getVariables(TENANT, instance.id)).toEqual({ visitRecorded: 'yes' });
  });

  it('given a JUEL parameter and a script parameter, when deployed, then each is refused with its reason', async () => {
    const { engine } = await givenEngine([]);
    const error = await engine
      .deploy({ tenantId: TENANT, resources: [{ name: 'c7.bpmn', content: fixture('camunda7-io-refused.bpmn') }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentError);
    expect((error as DeploymentError).problems.map((p) => [p.elementId, p.code])).toEqual([
      ['juel', 'JUEL_REFUSED'],
      ['script', 'UNSUPPORTED_CAMUNDA7'],
    ]);
    expect((error as DeploymentError).problems[1].message).toMatch(/camunda:outputParameter "total": camunda:script/);
  });
});
