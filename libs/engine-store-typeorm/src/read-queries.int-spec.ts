import { Engine } from '@kcbx/engine';
import { DataSource, EntityManager } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import {
  caseVariable,
  completedInstancesOf,
  openStepsOf,
  stepsCompletedBy,
  stepsOfInstance,
  taskOfTenant,
  tasksWithInstance,
} from './read-queries';
import { dialect, migratedDataSource, openDatabase, type TestDatabase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

const TENANT = 'county-1';
const OTHER = 'county-2';

/** two steps; the second gets a step-local `studentId` (an input mapping) that is not the case's */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://kcbx.example/bpmn">
  <bpmn:process id="visit" name="家访" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="record" />
    <bpmn:userTask id="record" name="记录" />
    <bpmn:sequenceFlow id="f2" sourceRef="record" targetRef="review" />
    <bpmn:userTask id="review" name="审核">
      <bpmn:extensionElements>
        <zeebe:ioMapping><zeebe:input source="=siblingId" target="studentId" /></zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** The typed reads the application makes of the engine's tables (it names no engine table itself). */
describe(`engine read queries on ${dialect}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let engine: Engine<EntityManager>;
  const ids: Record<string, string> = {};
  // each completion a minute after the last, so "newest first" has one answer
  const clock = { current: Date.parse('2026-12-01T08:00:00Z'), now: () => clock.current };

  const completeOpen = async (tenantId: string, instanceId: string, userId: string) => {
    const [task] = await engine.listTasks({ tenantId, instanceId, state: 'created' });
    clock.current += 60_000;
    await engine.completeTask({ tenantId, taskId: task.id, userId, variables: {} });
  };

  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    engine = new Engine({ store: new TypeOrmStore(ds), clock });
    for (const tenantId of [TENANT, OTHER]) await engine.deploy({ tenantId, resources: [{ name: 'visit.bpmn', content: BPMN }] });
    // a: at its second step (the first done by teacher-ma); b: at its first step; c: another county's, done by the same name
    for (const [name, tenantId] of [
      ['a', TENANT],
      ['b', TENANT],
      ['c', OTHER],
    ] as const) {
      const started = await engine.startProcess({
        tenantId,
        key: 'visit',
        businessKey: `bk-${name}`,
        variables: { studentId: `student-${name}`, siblingId: `sibling-${name}` },
      });
      ids[name] = started.id;
    }
    await completeOpen(TENANT, ids.a, 'teacher-ma');
    await completeOpen(OTHER, ids.c, 'teacher-ma');
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('given open tasks, when read with their instance, then each row carries its procedure key and business key under the aliases t and i', async () => {
    const rows = await tasksWithInstance(ds)
      .select(['t.id AS "id"', 't.activityId AS "activityId"', 'i.key AS "key"', 'i.businessKey AS "businessKey"'])
      .where("t.tenantId = :tenantId AND t.state = 'created'", { tenantId: TENANT })
      .orderBy('i.businessKey')
      .getRawMany();
    expect(rows.map(({ activityId, key, businessKey }) => ({ activityId, key, businessKey }))).toEqual([
      { activityId: 'review', key: 'visit', businessKey: 'bk-a' },
      { activityId: 'record', key: 'visit', businessKey: 'bk-b' },
    ]);
  });

  it("given a case's steps, then all of them, only the open ones, and one by id are read within the county", async () => {
    const steps = await stepsOfInstance(ds, TENANT, ids.a);
    expect(steps.map((t) => `${t.activityId}:${t.state}`).sort()).toEqual(['record:completed', 'review:created']);
    expect(await stepsOfInstance(ds, OTHER, ids.a)).toEqual([]);
    expect((await openStepsOf(ds, TENANT, [ids.a, ids.b, ids.c])).map((t) => t.activityId).sort()).toEqual(['record', 'review']);
    expect(await openStepsOf(ds, TENANT, [])).toEqual([]);
    const done = steps.find((t) => t.state === 'completed')!;
    expect(await taskOfTenant(ds, TENANT, done.id)).toMatchObject({ id: done.id, completedBy: 'teacher-ma' });
    expect(await taskOfTenant(ds, OTHER, done.id)).toBeNull();
  });

  it("given steps completed by a user in two counties, then a page of the county's, newest first, with the county's total", async () => {
    await completeOpen(TENANT, ids.b, 'teacher-ma');
    const [page, total] = await stepsCompletedBy(ds, TENANT, 'teacher-ma', 1, 1);
    expect(total).toBe(2);
    expect(page.map((t) => t.instanceId)).toEqual([ids.b]);
    const [second] = await stepsCompletedBy(ds, TENANT, 'teacher-ma', 2, 1);
    expect(second.map((t) => t.instanceId)).toEqual([ids.a]);
  });

  it("given a step-local variable of the same name, then the case's own value is read, parsed, and cases without it are absent", async () => {
    // the open review step holds its own studentId (its input mapping) beside the case's
    expect(await ds.getRepository(ENGINE_SCHEMAS.variable).countBy({ instanceId: ids.a, name: 'studentId' })).toBe(2);
    const values = await caseVariable(ds, TENANT, [ids.a, ids.b, ids.c], 'studentId');
    expect(values).toEqual(
      new Map([
        [ids.a, 'student-a'],
        [ids.b, 'student-b'],
      ]),
    );
    expect(await caseVariable(ds, TENANT, [ids.a], 'nothing')).toEqual(new Map());
    expect(await caseVariable(ds, TENANT, [], 'studentId')).toEqual(new Map());
  });

  it("given completed and running cases in two counties, then the county's completed ones of the procedure restrict another query", async () => {
    const d = await engine.startProcess({ tenantId: TENANT, key: 'visit', businessKey: 'bk-d', variables: {} });
    await completeOpen(TENANT, d.id, 'teacher-ma');
    await completeOpen(TENANT, d.id, 'teacher-ma');
    await completeOpen(OTHER, ids.c, 'teacher-ma');
    const completed = completedInstancesOf(ds, TENANT, 'visit');
    expect((await completed.getRawMany()).map((r: { id: string }) => r.id)).toEqual([d.id]);
    expect(await completedInstancesOf(ds, OTHER, 'visit').getCount()).toBe(1);
    expect(await completedInstancesOf(ds, TENANT, 'other').getCount()).toBe(0);
    // as a subquery beside the outer query's own parameters (tenantId here too): the steps of the completed case only
    const steps = await ds
      .getRepository(ENGINE_SCHEMAS.task)
      .createQueryBuilder('t')
      .where(`t.tenantId = :tenantId AND t.instanceId IN (${completed.getQuery()})`, { tenantId: TENANT, ...completed.getParameters() })
      .getMany();
    expect(steps.map((t) => `${t.instanceId}:${t.activityId}`).sort()).toEqual([`${d.id}:record`, `${d.id}:review`]);
  });
});
