import { Engine } from '@kcbx/engine';
import { InstanceLinksService } from '../src/workflow/instance-links.service';
import { bearer, startTestApp, TestApp } from './support/test-app';

const model = (first: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://kcbx.example">
  <bpmn:process id="transfer-check" name="转学核查" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${first}" />
    <bpmn:userTask id="${first}" name="学校核查">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="registrar" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="${first}" targetRef="township" />
    <bpmn:userTask id="township" name="乡镇核查">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="township-officer" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="township" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/**
 * Migration (#18 acceptance 3). Given 100 running cases on version 1, forty of them already at the township's step,
 * when the designer deploys version 2 (which renames the school's step) and migrates, then the forty move and go on
 * in version 2, the sixty at the renamed step stay on version 1 and are listed with the step version 2 lacks.
 */
describe('migrating running cases to a new version of their procedure', () => {
  let t: TestApp;
  let engine: Engine;
  let tenantId: string;
  let designer: string;
  const deploy = async (first: string) =>
    (
      await t
        .http()
        .post('/api/deployments')
        .set(bearer(designer))
        .send({ resources: [{ name: 'transfer-check.bpmn', content: model(first) }] })
        .expect(201)
    ).body;
  const definitionId = async (version: number) =>
    (
      await t.ds.query(
        `SELECT id FROM bpmn_definition WHERE key = 'transfer-check' AND version = ${version} AND "tenantId" = '${tenantId}'`,
      )
    )[0].id as string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
    engine = t.app.get(Engine);
    tenantId = (await t.ds.query(`SELECT id FROM tenant WHERE code = '640422'`))[0].id;
    designer = await t.login('designer');
  });
  afterAll(() => t.close());

  it('moves the cases that can move, reports the rest with the missing step, and both kinds go on', async () => {
    await deploy('school');
    const v1 = await definitionId(1);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(
        (await engine.startProcess({ tenantId, key: 'transfer-check', businessKey: `T-${i}`, variables: { orgUnit: '64042210001' } })).id,
      );
    }
    await t.app.get(InstanceLinksService).catchUp(tenantId); // started beside the API: the platform links them as it would
    for (const id of ids.slice(0, 40)) {
      const [task] = await engine.listTasks({ tenantId, instanceId: id });
      await engine.completeTask({ tenantId, taskId: task.id, userId: 'registrar' });
    }
    await deploy('schoolReview');
    const v2 = await definitionId(2);

    const res = await t
      .http()
      .post(`/api/process-definitions/${v1}/migrate`)
      .set(bearer(designer))
      .send({ toDefinitionId: v2 })
      .expect(200);
    expect(res.body).toMatchObject({ key: 'transfer-check', fromVersion: 1, toVersion: 2, migrated: 40 });
    expect([...res.body.migratedIds].sort()).toEqual(ids.slice(0, 40).sort());
    expect(res.body.refused).toHaveLength(60);
    expect(new Set(res.body.refused.map((r: { missing: string[]; missingSteps: string[] }) => `${r.missing}:${r.missingSteps}`))).toEqual(
      new Set(['school:学校核查']),
    );

    expect((await engine.getInstance(tenantId, ids[0])).definitionId).toBe(v2);
    expect((await engine.getInstance(tenantId, ids[99])).definitionId).toBe(v1);
    // the case lists follow: version 1 keeps sixty running cases, version 2 has the forty
    const designerList = async (version: number) =>
      (
        await t
          .http()
          .get(`/api/process-instances?definitionKey=transfer-check&version=${version}&state=active&pageSize=200`)
          .set(bearer(designer))
          .expect(200)
      ).body;
    expect((await designerList(1)).total).toBe(60);
    expect((await designerList(2)).total).toBe(40);
    const history = await engine.getHistory(tenantId, ids[0]);
    expect(history.map((h) => h.type)).toContain('instance-migrated');
    // a moved case finishes in version 2; a case left behind finishes in version 1
    const [moved] = await engine.listTasks({ tenantId, instanceId: ids[0] });
    await engine.completeTask({ tenantId, taskId: moved.id, userId: 'township' });
    expect((await engine.getInstance(tenantId, ids[0])).state).toBe('completed');
    const [behind] = await engine.listTasks({ tenantId, instanceId: ids[99] });
    expect(behind.activityId).toBe('school');

    // running it again moves nothing more and reports the same sixty
    const again = await t
      .http()
      .post(`/api/process-definitions/${v1}/migrate`)
      .set(bearer(designer))
      .send({ toDefinitionId: v2 })
      .expect(200);
    expect(again.body).toMatchObject({ migrated: 0 });
    expect(again.body.refused).toHaveLength(60);
  });

  it('only designers and administrators migrate; another county’s version is not found; the target is named at the field', async () => {
    const v1 = await definitionId(1);
    const v2 = await definitionId(2);
    const teacher = await t
      .http()
      .post(`/api/process-definitions/${v1}/migrate`)
      .set(bearer(await t.login('teacher')))
      .send({ toDefinitionId: v2 });
    expect(teacher.status).toBe(403);
    await t
      .http()
      .post(`/api/process-definitions/${v1}/migrate`)
      .set(bearer(await t.login('ld-designer')))
      .send({ toDefinitionId: v2 })
      .expect(404);
    const missing = await t.http().post(`/api/process-definitions/${v1}/migrate`).set(bearer(designer)).send({}).expect(400);
    expect(JSON.stringify(missing.body)).toContain('toDefinitionId');
  });
});
