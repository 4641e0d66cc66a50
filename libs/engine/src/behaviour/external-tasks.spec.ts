import { ExternalTaskLockError, NotFoundError } from '../errors';
import { TENANT, givenEngine } from './harness';

const MINUTE = 60_000;
const VERIFY = [{ topicName: 'xueji-verify', lockDurationMs: MINUTE }];

/** given: the Camunda Modeler 5 model with an external task (topic xueji-verify), started and run up to the hand-over */
async function givenWaitingExternalTask() {
  const given = await givenEngine(['external-task.bpmn']);
  const { engine } = given;
  const instance = await engine.startProcess({
    tenantId: TENANT,
    key: 'xueji-check',
    businessKey: 'XJ-1',
    variables: { idNumber: '640422201404040149' },
  });
  // asyncAfter on the start, asyncBefore on the task: two committed steps before the job is parked for a worker
  await engine.executeDueJobs();
  return { ...given, instance };
}

describe('external tasks (camunda:type="external", camunda:topic)', () => {
  it('given the model as Camunda Modeler saves it, then it deploys and the task waits as a job no internal worker runs', async () => {
    const { engine, instance } = await givenWaitingExternalTask();
    expect((await engine.listJobs(TENANT, instance.id)).map((j) => [j.kind, j.activityId, j.topic])).toEqual([
      ['external', 'verify', 'xueji-verify'],
    ]);
    expect(await engine.executeDueJobs()).toEqual({ done: 0, failed: 0 });
    expect(await engine.getActiveActivities(TENANT, instance.id)).toEqual(['verify']);
  });

  it('when a worker fetches the topic, then it gets the task with its variables, locked to it; another worker gets nothing', async () => {
    const { engine, instance, clock } = await givenWaitingExternalTask();
    const [task] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 10, topics: VERIFY });
    expect(task).toMatchObject({
      topicName: 'xueji-verify',
      workerId: 'w1',
      activityId: 'verify',
      processInstanceId: instance.id,
      businessKey: 'XJ-1',
      lockExpirationTime: clock.now() + MINUTE,
      variables: { idNumber: '640422201404040149' },
    });
    expect(await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w2', maxTasks: 10, topics: VERIFY })).toEqual([]);
    expect(await engine.fetchAndLockExternalTasks({ tenantId: 'county-2', workerId: 'w3', maxTasks: 10, topics: VERIFY })).toEqual([]);
    expect(
      await engine.fetchAndLockExternalTasks({
        tenantId: TENANT,
        workerId: 'w4',
        maxTasks: 10,
        topics: [{ topicName: 'other', lockDurationMs: MINUTE }],
      }),
    ).toEqual([]);
  });

  it('when the worker completes with variables, then the process goes on with them (asyncAfter: by a job)', async () => {
    const { engine, instance } = await givenWaitingExternalTask();
    const [task] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 1, topics: VERIFY });
    await engine.completeExternalTask({ tenantId: TENANT, jobId: task.id, workerId: 'w1', variables: { matches: true } });
    await engine.executeDueJobs();
    expect((await engine.getInstance(TENANT, instance.id)).state).toBe('completed');
    expect(await engine.getVariables(TENANT, instance.id)).toMatchObject({ matches: true });
  });

  it('when the lock expired and another worker fetched the task, then the first worker is refused and the task is done once', async () => {
    const { engine, instance, clock } = await givenWaitingExternalTask();
    const [first] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 1, topics: VERIFY });
    clock.advance(MINUTE + 1);
    const [second] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w2', maxTasks: 1, topics: VERIFY });
    expect(second.id).toBe(first.id);
    await expect(
      engine.completeExternalTask({ tenantId: TENANT, jobId: first.id, workerId: 'w1', variables: { matches: false } }),
    ).rejects.toThrow(ExternalTaskLockError);
    await engine.completeExternalTask({ tenantId: TENANT, jobId: second.id, workerId: 'w2', variables: { matches: true } });
    await expect(engine.completeExternalTask({ tenantId: TENANT, jobId: second.id, workerId: 'w2' })).rejects.toThrow(NotFoundError);
    await engine.executeDueJobs();
    expect((await engine.getInstance(TENANT, instance.id)).state).toBe('completed');
  });

  it('when a worker extends its lock, then the task stays its own past the first expiry', async () => {
    const { engine, clock } = await givenWaitingExternalTask();
    const [task] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 1, topics: VERIFY });
    clock.advance(MINUTE / 2);
    await engine.extendExternalTaskLock({ tenantId: TENANT, jobId: task.id, workerId: 'w1', newDurationMs: MINUTE });
    clock.advance(MINUTE / 2 + 1);
    expect(await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w2', maxTasks: 1, topics: VERIFY })).toEqual([]);
    await engine.completeExternalTask({ tenantId: TENANT, jobId: task.id, workerId: 'w1', variables: { matches: true } });
  });

  it('when the worker reports a failure, then the task is fetchable again after the timeout, and at zero retries an incident opens', async () => {
    const { engine, instance, clock } = await givenWaitingExternalTask();
    const fetch = () => engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 1, topics: VERIFY });
    const [task] = await fetch();
    await engine.failExternalTask({
      tenantId: TENANT,
      jobId: task.id,
      workerId: 'w1',
      errorMessage: '学籍系统超时',
      retries: 1,
      retryTimeoutMs: MINUTE,
    });
    expect(await fetch()).toEqual([]);
    clock.advance(MINUTE);
    const [again] = await fetch();
    expect(again).toMatchObject({ id: task.id, retries: 1, errorMessage: '学籍系统超时' });
    await engine.failExternalTask({
      tenantId: TENANT,
      jobId: task.id,
      workerId: 'w1',
      errorMessage: '学籍系统仍无响应',
      retries: 0,
      retryTimeoutMs: 0,
    });
    expect((await engine.listIncidents(TENANT, instance.id)).map((i) => [i.type, i.activityId, i.message])).toEqual([
      ['JOB_FAILED', 'verify', '学籍系统仍无响应'],
    ]);
    expect(await fetch()).toEqual([]);
    // retried by hand: fetchable again
    const [incident] = await engine.listIncidents(TENANT, instance.id);
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id, retries: 2 });
    expect((await fetch()).map((t) => t.id)).toEqual([task.id]);
  });

  it('when the worker throws a BPMN error, then the error boundary event catches it', async () => {
    const { engine, instance } = await givenWaitingExternalTask();
    const [task] = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId: 'w1', maxTasks: 1, topics: VERIFY });
    await engine.bpmnErrorExternalTask({ tenantId: TENANT, jobId: task.id, workerId: 'w1', errorCode: 'NOT_REGISTERED' });
    expect(await engine.getActiveActivities(TENANT, instance.id)).toEqual(['fixRecord']);
    expect(await engine.listJobs(TENANT, instance.id)).toEqual([]);
  });

  it('given two workers competing for 100 tasks, then each task is completed exactly once', async () => {
    const { engine } = await givenEngine(['external-task.bpmn']);
    for (let i = 0; i < 100; i++)
      await engine.startProcess({ tenantId: TENANT, key: 'xueji-check', businessKey: `XJ-${i}`, variables: {} });
    await engine.executeDueJobs(undefined, undefined, 500);
    const done: string[] = [];
    const worker = async (workerId: string) => {
      for (;;) {
        const tasks = await engine.fetchAndLockExternalTasks({ tenantId: TENANT, workerId, maxTasks: 7, topics: VERIFY });
        if (!tasks.length) return;
        for (const t of tasks) {
          await engine.completeExternalTask({ tenantId: TENANT, jobId: t.id, workerId, variables: { matches: true } });
          done.push(t.businessKey!);
        }
      }
    };
    await Promise.all([worker('w1'), worker('w2')]);
    expect(done).toHaveLength(100);
    expect(new Set(done).size).toBe(100);
  });

  it('given a zeebe:taskDefinition type no handler of the engine runs, then (as Zeebe) it is a job external workers fetch by that type', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="z" targetNamespace="x">
      <bpmn:process id="zeebe-job" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
      <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="xueji-sync" retries="5"/></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:sequenceFlow id="g" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`;
    const { engine } = await givenEngine([], { serviceHandlers: { 'other-handler': () => undefined } });
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'zeebe-job.bpmn', content: xml }] });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'zeebe-job' });
    expect(await engine.executeDueJobs()).toEqual({ done: 0, failed: 0 });
    const [job] = await engine.fetchAndLockExternalTasks({
      tenantId: TENANT,
      workerId: 'w1',
      maxTasks: 1,
      topics: [{ topicName: 'xueji-sync', lockDurationMs: MINUTE }],
    });
    expect(job).toMatchObject({ topicName: 'xueji-sync', activityId: 't', retries: 5 });
    await engine.completeExternalTask({ tenantId: TENANT, jobId: job.id, workerId: 'w1' });
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given camunda:type other than external, or an external task without a topic, then the deployment is refused with the reason', async () => {
    const xml = (attrs: string) =>
      `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
        <bpmn:serviceTask id="t" ${attrs}/><bpmn:sequenceFlow id="g" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`;
    const { engine } = await givenEngine([]);
    const problems = async (attrs: string) => (await engine.checkDeployment([{ name: 'p.bpmn', content: xml(attrs) }])).map((p) => p.code);
    expect(await problems('camunda:type="external"')).toEqual(['EXTERNAL_TOPIC_MISSING']);
    expect(await problems('camunda:type="connector" camunda:topic="x"')).toEqual(['UNSUPPORTED_CAMUNDA7']);
    expect(await problems('camunda:type="external" camunda:topic="x"')).toEqual([]);
  });
});
