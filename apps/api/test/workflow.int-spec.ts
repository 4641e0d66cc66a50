import type { InstanceRecord, TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { FormDefinitionRow, FormSubmission, InstanceLink, Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { approvalResources } from './support/workflow-fixtures';

/**
 * Given the two-step approval deployed by the policy designer, when a class teacher applies for a student,
 * the principal returns it with a reason, the teacher resubmits and the principal approves, then every step
 * is in the instance's timeline with who and when — and nobody outside the school sees any of it.
 */
describe('procedures at work: deploy, start, inbox, complete', () => {
  let t: TestApp;
  let designer: string;
  let teacher: string;
  let principal: string;
  let student: Student;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    designer = await t.login('designer');
    teacher = await t.login('teacher');
    principal = await t.login('principal');
    student = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640422/640422100/64042210001/' });
  });
  afterAll(() => t.close());

  const inbox = async (token: string, scope = 'all') =>
    (await t.http().get(`/api/tasks?scope=${scope}`).set(bearer(token)).expect(200)).body;

  it('deploys the procedure with its forms; a clerk may not deploy (403)', async () => {
    const res = await t
      .http()
      .post('/api/deployments')
      .set(bearer(designer))
      .send({ name: 'leave', resources: approvalResources() })
      .expect(201);
    expect(res.body.processDefinitions).toEqual([expect.objectContaining({ key: 'leave-approval', version: 1 })]);
    expect(res.body.forms).toEqual([
      { key: 'leave-application', version: 1, isNew: true },
      { key: 'principal-review', version: 1, isNew: true },
    ]);
    await t.http().post('/api/deployments').set(bearer(teacher)).send({ resources: approvalResources() }).expect(403);
    const again = await t.http().post('/api/deployments').set(bearer(designer)).send({ resources: approvalResources() }).expect(201);
    expect(again.body.processDefinitions[0].version).toBe(1);
  });

  it('refuses a deployment naming a missing form or holding broken BPMN, listing every problem, storing nothing', async () => {
    const [bpmn] = approvalResources();
    const missing = await t
      .http()
      .post('/api/deployments')
      .set(bearer(designer))
      .send({ resources: [{ ...bpmn, content: bpmn.content.replace('principal-review', 'no-such-form') }] })
      .expect(400);
    expect(missing.body.details).toEqual([
      expect.objectContaining({ resource: 'two-step-approval.bpmn', elementId: 'review', line: expect.any(Number) }),
    ]);
    const hostile = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</bpmn:definitions>`;
    const bad = await t
      .http()
      .post('/api/deployments')
      .set(bearer(designer))
      .send({ resources: [{ name: 'evil.bpmn', content: hostile }] })
      .expect(400);
    expect(bad.body.error).toBe('DEPLOYMENT_REFUSED');
    expect(JSON.stringify(bad.body)).not.toMatch(/at \w+ \(/); // no stack trace
    const defs = await t.http().get('/api/process-definitions?all=true').set(bearer(designer)).expect(200);
    expect(defs.body.map((d: { key: string }) => d.key)).toEqual(['leave-approval']);
  });

  let instanceId: string;
  it('a teacher starts it for a student of their school; the principal sees nothing yet, another school nothing at all', async () => {
    const res = await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ businessKey: student.idNumber, orgUnit: '64042210001', variables: { studentId: student.id } })
      .expect(201);
    instanceId = res.body.id;
    expect(res.body).toMatchObject({ state: 'active', activeActivityIds: ['apply'], orgUnitName: '吉强镇中心小学' });
    expect(res.body.variables.studentName).toBe(student.name);
    expect((await inbox(teacher)).items.map((x: { activityId: string }) => x.activityId)).toEqual(['apply']);
    expect((await inbox(principal)).total).toBe(0);
    expect((await inbox(await t.login('teacher2'))).total).toBe(0);
    await t
      .http()
      .get(`/api/process-instances/${instanceId}`)
      .set(bearer(await t.login('teacher2')))
      .expect(404);
    await t
      .http()
      .get(`/api/process-instances/${instanceId}`)
      .set(bearer(await t.login('ld-admin')))
      .expect(404);
    await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210101' })
      .expect(404);
  });

  it('invalid form data is refused with field errors in Chinese; a hidden field sent anyway, an undeclared property and a wrong type are refused; nothing is stored', async () => {
    const [task] = (await inbox(teacher)).items;
    const bad = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: '2026-13-01', guardianPhone: '123' } })
      .expect(400);
    expect(bad.body.error).toBe('FORM_INVALID');
    const fields = bad.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['/from', '/guardianPhone', '/to']);
    expect(bad.body.details.find((d: { field: string }) => d.field === '/guardianPhone').message).toMatch(/手机/);
    const sneaky = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: '2026-09-01', to: '2027-07-01', decision: 'approve' } })
      .expect(400);
    expect(sneaky.body.details[0].field).toBe('/decision');
    const extra = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: '2026-09-01', to: '2027-07-01', approvedBy: 'me' } })
      .expect(400);
    expect(extra.body.details).toContainEqual(expect.objectContaining({ field: '/approvedBy' }));
    const wrongType = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: 20260901, to: '2027-07-01' } })
      .expect(400);
    expect(wrongType.body.details).toContainEqual(expect.objectContaining({ field: '/from' }));
    expect(await t.ds.getRepository(FormSubmission).count()).toBe(0);
  });

  it('the teacher submits, the principal returns it with a reason, the teacher resubmits, the principal approves', async () => {
    let [task] = (await inbox(teacher)).items;
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: '2026-09-01', to: '2027-07-01', guardianPhone: '13912345678' } })
      .expect(201);
    [task] = (await inbox(principal, 'candidate')).items;
    expect(task).toMatchObject({ activityId: 'review', orgUnitName: '吉强镇中心小学', overdue: false, dueAt: expect.any(String) });
    const detail = await t.http().get(`/api/tasks/${task.id}`).set(bearer(principal)).expect(200);
    expect(detail.body.form.key).toBe('principal-review');
    expect(detail.body.earlierSteps).toEqual([expect.objectContaining({ formKey: 'leave-application', submittedBy: '马老师（演示）' })]);
    const noReason = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'return' } })
      .expect(400);
    expect(noReason.body.details[0].field).toBe('/comment');
    await t.http().post(`/api/tasks/${task.id}/claim`).set(bearer(principal)).expect(201);
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'return', comment: '请补充县级医院诊断证明' } })
      .expect(201);

    [task] = (await inbox(teacher)).items;
    expect(task.activityId).toBe('apply');
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'illness', from: '2026-09-01', to: '2027-07-01' } })
      .expect(201);
    [task] = (await inbox(principal)).items;
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve', comment: '同意' } })
      .expect(201);

    const done = await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(teacher)).expect(200);
    expect(done.body.state).toBe('completed');
    const completions = done.body.history.filter((h: { type: string }) => h.type === 'task-completed');
    expect(completions.map((h: { elementId: string; userName: string }) => [h.elementId, h.userName])).toEqual([
      ['apply', '马老师（演示）'],
      ['review', '王校长（演示）'],
      ['apply', '马老师（演示）'],
      ['review', '王校长（演示）'],
    ]);
    expect(completions.every((h: { at: string }) => /^\d{4}-\d\d-\d\dT/.test(h.at))).toBe(true);
    const pinned = await t.ds.getRepository(FormSubmission).find({ where: { instanceId }, order: { submittedAt: 'ASC' } });
    expect(pinned.map((s) => [s.formKey, s.formVersion, s.formHash.startsWith('sha256:')])).toEqual([
      ['leave-application', 1, true],
      ['principal-review', 1, true],
      ['leave-application', 1, true],
      ['principal-review', 1, true],
    ]);
    // each pins the hash its form version was published with (GET /forms/{key}/versions lists the same)
    const published = await t.ds.getRepository(FormDefinitionRow).find();
    for (const s of pinned)
      expect(s.formHash).toBe(published.find((f) => f.tenantId === s.tenantId && f.key === s.formKey && f.version === s.formVersion)?.hash);
  });

  it('two principals completing the same task at once: one 201, one 409, one step taken', async () => {
    const admin = await t.login('admin');
    await t
      .http()
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({ username: 'vice', password: 'Fu8Xiao6Zhang', displayName: '副校长', roles: [{ role: 'principal', orgUnit: '64042210001' }] })
      .expect(201);
    const vice = await t.login('vice', 'Fu8Xiao6Zhang');
    const started = await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    let [task] = (await inbox(teacher)).items;
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'other', from: '2026-09-01', to: '2026-12-31' } })
      .expect(201);
    [task] = (await inbox(principal)).items;
    const results = await Promise.all(
      [principal, vice].map((tk) =>
        t
          .http()
          .post(`/api/tasks/${task.id}/complete`)
          .set(bearer(tk))
          .send({ data: { decision: 'approve' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.message).toMatch(/任务|修改/);
    const instance = await t.http().get(`/api/process-instances/${started.body.id}`).set(bearer(teacher)).expect(200);
    expect(
      instance.body.history.filter((h: { type: string; elementId: string }) => h.type === 'task-completed' && h.elementId === 'review'),
    ).toHaveLength(1);
    expect(instance.body.state).toBe('completed');
  });

  it('a claimed task: another candidate gets 409 on claim and complete, and it leaves their inbox until given back', async () => {
    await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: '64042210001' })
      .expect(201);
    let [task] = (await inbox(teacher)).items;
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(teacher))
      .send({ data: { reason: 'other', from: '2026-09-01', to: '2026-12-31' } })
      .expect(201);
    [task] = (await inbox(principal)).items;
    const vice = await t.login('vice', 'Fu8Xiao6Zhang');
    await t.http().post(`/api/tasks/${task.id}/claim`).set(bearer(principal)).expect(201);
    const taken = await t.http().post(`/api/tasks/${task.id}/claim`).set(bearer(vice)).expect(409);
    expect(taken.body).toMatchObject({ error: 'TASK_ALREADY_CLAIMED', message: '该任务已被他人认领' });
    await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(bearer(vice))
      .send({ data: { decision: 'approve' } })
      .expect(409);
    await t.http().post(`/api/tasks/${task.id}/unclaim`).set(bearer(vice)).expect(409);
    await t.http().post(`/api/tasks/${task.id}/claim`).set(bearer(teacher)).expect(404);
    expect((await inbox(vice)).total).toBe(0);
    await t.http().post(`/api/tasks/${task.id}/unclaim`).set(bearer(principal)).expect(201);
    expect((await inbox(vice, 'candidate')).total).toBe(1);
  });

  it("given the database refusing a step's submission (or a new case's link), then nothing of the step (or case) stays; once the cause is gone, a retry succeeds once", async () => {
    // A real refusal inside the database — a trigger, made for this suite only — not a mock of our code.
    const pg = t.db.kind === 'postgres';
    if (pg)
      await t.ds.query(
        `CREATE OR REPLACE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
      );
    const refuse = (table: string) =>
      t.ds.query(
        pg
          ? `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_for_test()`
          : `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
      );
    const allow = (table: string) => t.ds.query(pg ? `DROP TRIGGER refuse_${table} ON ${table}` : `DROP TRIGGER refuse_${table}`);
    const instances = t.ds.getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance);
    const start = () =>
      t
        .http()
        .post('/api/process-definitions/key/leave-approval/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210001', variables: { studentId: student.id } });

    // a case whose link cannot be written is not started
    const casesBefore = await instances.count();
    await refuse('process_instance_link');
    expect((await start()).status).toBe(500);
    expect(await instances.count()).toBe(casesBefore);
    await allow('process_instance_link');
    const started = await start().expect(201);
    expect(await instances.count()).toBe(casesBefore + 1);
    expect(await t.ds.getRepository(InstanceLink).findOneBy({ instanceId: started.body.id })).toMatchObject({
      studentId: student.id,
      orgUnitPath: '/640422/640422100/64042210001/',
    });

    // a step whose submission cannot be written is not taken
    const task = (await inbox(teacher)).items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
    const history = async () =>
      (await t.http().get(`/api/process-instances/${started.body.id}`).set(bearer(teacher)).expect(200)).body.history;
    const historyBefore = await history();
    const complete = () =>
      t
        .http()
        .post(`/api/tasks/${task.id}/complete`)
        .set(bearer(teacher))
        .send({ data: { reason: 'illness', from: '2026-09-01', to: '2027-07-01' } });
    await refuse('form_submission');
    expect((await complete()).status).toBe(500);
    expect(await t.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findOneBy({ id: task.id })).toMatchObject({
      state: 'created',
      completedAt: null,
      completedBy: null,
      version: task.version,
    });
    expect(await history()).toEqual(historyBefore);
    expect(await t.ds.getRepository(FormSubmission).countBy({ instanceId: started.body.id })).toBe(0);
    expect((await inbox(teacher)).items.map((x: { id: string }) => x.id)).toContain(task.id);

    await allow('form_submission');
    await complete().expect(201);
    await complete().expect(409);
    expect(await t.ds.getRepository(FormSubmission).findBy({ instanceId: started.body.id })).toEqual([
      expect.objectContaining({ taskId: task.id, formKey: 'leave-application', formVersion: 1 }),
    ]);
    expect((await history()).filter((h: { type: string }) => h.type === 'task-completed')).toHaveLength(1);
    expect((await inbox(principal)).items.some((x: { instanceId: string }) => x.instanceId === started.body.id)).toBe(true);
  });

  it('pages the inbox by cursor (nextCursor → ?after=) as by page number; a cursor that is not one is refused at its field', async () => {
    const whole = (await t.http().get('/api/tasks?scope=all&pageSize=200').set(bearer(principal)).expect(200)).body;
    expect(whole.totalCapped).toBe(false);
    expect(whole.nextCursor).toBeNull();
    expect(whole.total).toBe(whole.items.length);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string }[]; total: number; nextCursor: string | null } = (
        await t
          .http()
          .get(`/api/tasks?scope=all&pageSize=1${after ? `&after=${after}` : ''}`)
          .set(bearer(principal))
          .expect(200)
      ).body;
      seen.push(...page.items.map((r) => r.id));
      expect(page.total).toBe(whole.total);
      after = page.nextCursor;
    } while (after && seen.length <= whole.total);
    expect(seen).toEqual(whole.items.map((r: { id: string }) => r.id));
    const bad = await t.http().get('/api/tasks?scope=all&after=not%20a%20cursor').set(bearer(principal)).expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'after' })]);
  });
});
