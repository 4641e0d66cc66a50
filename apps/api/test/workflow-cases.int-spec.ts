import { FormDefinitionRow, FormSubmission, Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { resources, reviewedCase } from './support/workflow-fixtures';

/**
 * A case from report to county: a class teacher starts it with a start form for a student of their school,
 * the principal, township and county review it, the county returns it with a reason, steps are handed on
 * and commented, files are filed with it — and everyone outside its scope sees nothing.
 */
describe('cases: start forms, return, delegate, comments, attachments, instances', () => {
  let t: TestApp;
  let designer: string;
  let teacher: string;
  let principal: string;
  let township: string;
  let basicEdu: string;
  let teacher2: string;
  let student: Student;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    [designer, teacher, principal, township, basicEdu, teacher2] = await Promise.all(
      ['designer', 'teacher', 'principal', 'township', 'basic-edu', 'teacher2'].map((u) => t.login(u)),
    );
    student = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640422/640422100/64042210001/' });
  });
  afterAll(() => t.close());

  const api = () => t.http();
  const inbox = async (token: string) =>
    (await api().get('/api/tasks?scope=all').set(bearer(token)).expect(200)).body.items as {
      id: string;
      activityId: string;
      assignee: string | null;
    }[];
  const good = { reason: 'work', absentSince: '2026-11-02', guardianPhone: '13912345678', note: '随父母外出打工' };

  describe('deploying with a start form', () => {
    it('a dry run validates and reports what would be deployed, storing nothing; a missing start form is named at its start event', async () => {
      const dry = await api().post('/api/deployments?dryRun=true').set(bearer(designer)).send({ resources: reviewedCase() }).expect(201);
      expect(dry.body).toMatchObject({ dryRun: true, processDefinitions: [{ key: 'reviewed-case', version: 1, isNew: true }] });
      expect(dry.body.forms).toEqual(expect.arrayContaining([{ key: 'case-report', version: 1, isNew: true }]));
      expect((await api().get('/api/process-definitions').set(bearer(designer)).expect(200)).body).toEqual([]);
      expect((await api().get('/api/forms').set(bearer(designer)).expect(200)).body).toEqual([]);

      const [bpmn] = reviewedCase();
      const missing = await api()
        .post('/api/deployments?dryRun=true')
        .set(bearer(designer))
        .send({ resources: [bpmn] })
        .expect(400);
      expect(missing.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ elementId: 'start', message: expect.stringContaining('case-report') })]),
      );
      await api().post('/api/deployments?dryRun=true').set(bearer(teacher)).send({ resources: reviewedCase() }).expect(403);
    });

    it('deploys for real; the start form and starter roles are served', async () => {
      await api()
        .post('/api/deployments')
        .set(bearer(designer))
        .send({
          resources: [...reviewedCase(), ...resources('two-step-approval.bpmn', 'leave-application.form.json', 'broken-condition.bpmn')],
        })
        .expect(201);
      const again = await api().post('/api/deployments?dryRun=true').set(bearer(designer)).send({ resources: reviewedCase() }).expect(201);
      expect(again.body.processDefinitions[0]).toMatchObject({ version: 1, isNew: false });
      const form = await api().get('/api/process-definitions/key/reviewed-case/start-form').set(bearer(teacher)).expect(200);
      expect(form.body).toMatchObject({
        key: 'reviewed-case',
        version: 1,
        startEventId: 'start',
        starterGroups: ['class-teacher', 'registrar'],
        form: { key: 'case-report' },
        fieldPermissions: { decision: 'hidden' },
      });
      const none = await api().get('/api/process-definitions/key/leave-approval/start-form').set(bearer(teacher)).expect(200);
      expect(none.body.form).toBeNull();
      await api().get('/api/process-definitions/key/no-such/start-form').set(bearer(teacher)).expect(404);
      await api()
        .get('/api/process-definitions/key/reviewed-case/start-form')
        .set(bearer(await t.login('ld-teacher')))
        .expect(404);
    });

    it('lists only what the caller may start', async () => {
      const keys = async (token: string) =>
        (await api().get('/api/process-definitions/startable').set(bearer(token)).expect(200)).body
          .map((d: { key: string }) => d.key)
          .sort();
      expect(await keys(teacher)).toEqual(['broken-condition', 'leave-approval', 'reviewed-case']);
      expect(await keys(principal)).toEqual(['broken-condition', 'leave-approval']);
      const listed = (await api().get('/api/process-definitions/startable').set(bearer(teacher)).expect(200)).body.find(
        (d: { key: string }) => d.key === 'reviewed-case',
      );
      expect(listed).toMatchObject({ hasStartForm: true, startFormKey: 'case-report', version: 1, name: '疑似辍学上报（三级审核）' });
    });
  });

  let instanceId: string;
  describe('starting', () => {
    it('refuses bad start data with Chinese field errors, a role that may not start (403), a child or unit out of scope (404) — and starts nothing', async () => {
      const bad = await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ studentId: student.id, data: { reason: 'work', guardianPhone: '123' } })
        .expect(400);
      expect(bad.body.error).toBe('FORM_INVALID');
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['/absentSince', '/guardianPhone']);
      expect(bad.body.details.find((d: { field: string }) => d.field === '/guardianPhone').message).toMatch(/手机/);
      const hidden = await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ data: { ...good, decision: 'approve' } })
        .expect(400);
      expect(hidden.body.details[0].field).toBe('/decision');
      await api().post('/api/process-definitions/key/reviewed-case/start').set(bearer(principal)).send({ data: good }).expect(403);
      await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher2))
        .send({ studentId: student.id, data: good })
        .expect(404);
      await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210101', data: good })
        .expect(404);
      await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ data: good, unknown: 1 })
        .expect(400);
      expect((await api().get('/api/process-instances').set(bearer(designer)).expect(200)).body.total).toBe(0);
      expect(await t.ds.getRepository(FormSubmission).count()).toBe(0);
    });

    it('starts for a student with valid data: the data become variables and a pinned submission of the start form', async () => {
      const res = await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ studentId: student.id, businessKey: student.idNumber, data: good })
        .expect(201);
      instanceId = res.body.id;
      expect(res.body).toMatchObject({
        state: 'active',
        activeActivityIds: ['school'],
        studentId: student.id,
        studentName: student.name,
        version: 1,
        orgUnit: '64042210001',
      });
      expect(res.body.variables).toMatchObject({ reason: 'work', absentSince: '2026-11-02', studentId: student.id });
      const [pinned] = await t.ds.getRepository(FormSubmission).findBy({ instanceId });
      expect(pinned).toMatchObject({
        formKey: 'case-report',
        formVersion: 1,
        taskId: null,
        activityId: 'start',
        submittedByName: '马老师（演示）',
      });
      // the hash the form version was published with, as GET /forms/case-report/versions lists it
      const form = await t.ds
        .getRepository(FormDefinitionRow)
        .findOneByOrFail({ tenantId: pinned.tenantId, key: 'case-report', version: 1 });
      expect(pinned.formHash).toBe(form.hash);
      expect(pinned.data).toMatchObject(good);
    });
  });

  describe('working the case', () => {
    let schoolTask: string;
    it('the principal approves; the township forwards; the county returns it to the previous step with a reason', async () => {
      [{ id: schoolTask }] = await inbox(principal);
      await api()
        .post(`/api/tasks/${schoolTask}/complete`)
        .set(bearer(principal))
        .send({ data: { decision: 'approve', comment: '情况属实' } })
        .expect(201);
      const [town] = await inbox(township);
      await api()
        .post(`/api/tasks/${town.id}/complete`)
        .set(bearer(township))
        .send({ data: { townshipChecked: true } })
        .expect(201);
      const [county] = await inbox(basicEdu);
      expect(county.activityId).toBe('county');

      const noReason = await api().post(`/api/tasks/${county.id}/return`).set(bearer(basicEdu)).send({ reason: '   ' }).expect(400);
      expect(noReason.body.details).toEqual([{ field: 'reason', message: expect.stringContaining('退回原因') }]);
      const noTarget = await api()
        .post(`/api/tasks/${county.id}/return`)
        .set(bearer(basicEdu))
        .send({ reason: 'x', targetElementId: 'end' })
        .expect(400);
      expect(noTarget.body.message).toMatch(/尚未办理过环节 end/);
      await api().post(`/api/tasks/${county.id}/return`).set(bearer(teacher2)).send({ reason: 'x' }).expect(404);
      await api()
        .post(`/api/tasks/${county.id}/return`)
        .set(bearer(await t.login('ld-basic-edu')))
        .send({ reason: 'x' })
        .expect(404);

      const returned = await api()
        .post(`/api/tasks/${county.id}/return`)
        .set(bearer(basicEdu))
        .send({ reason: '乡镇核实情况不完整，请补充家访记录' })
        .expect(201);
      expect(returned.body.returned).toMatchObject({ id: county.id, state: 'cancelled' });
      expect(returned.body.openTasks).toEqual([expect.objectContaining({ activityId: 'township', assignee: expect.any(String) })]);
      await api().post(`/api/tasks/${county.id}/return`).set(bearer(basicEdu)).send({ reason: 'again' }).expect(409);
      const [again] = await inbox(township);
      expect(again).toMatchObject({ activityId: 'township' });
      const detail = await api().get(`/api/tasks/${again.id}`).set(bearer(township)).expect(200);
      expect(detail.body.data).toMatchObject({ townshipChecked: true, reason: 'work' });
      expect(detail.body).toMatchObject({
        processName: '疑似辍学上报（三级审核）',
        returnedWith: { reason: '乡镇核实情况不完整，请补充家访记录', byName: '张基教（演示）' },
        returnTargets: [{ activityId: 'school', name: '校长审核' }],
      });
      expect(detail.body.earlierSteps.map((s: { stepName: string }) => s.stepName)).toEqual(['发起', '校长审核']);
      const instance = await api().get(`/api/process-instances/${instanceId}`).set(bearer(basicEdu)).expect(200);
      expect(instance.body.history.find((h: { type: string }) => h.type === 'task-returned')).toMatchObject({
        elementId: 'county',
        userName: '张基教（演示）',
        data: { reason: '乡镇核实情况不完整，请补充家访记录', toActivityId: 'township' },
      });
    });

    it('the township returns it further, to the school step by name: it reopens for the principal who did it', async () => {
      const [town] = await inbox(township);
      await api()
        .post(`/api/tasks/${town.id}/return`)
        .set(bearer(township))
        .send({ reason: '请学校补充证明材料', targetElementId: 'school' })
        .expect(201);
      const [school] = await inbox(principal);
      expect(school).toMatchObject({ activityId: 'school', assignee: expect.any(String) });
      expect(await inbox(await t.login('registrar'))).toEqual([]);
    });

    it('comments: everyone on the case reads them, the person at the open step writes; others 404', async () => {
      const [school] = await inbox(principal);
      const empty = await api().post(`/api/tasks/${school.id}/comments`).set(bearer(principal)).send({ body: '' }).expect(400);
      expect(empty.body.details[0]).toMatchObject({ field: 'body', message: expect.stringContaining('意见') });
      const added = await api()
        .post(`/api/tasks/${school.id}/comments`)
        .set(bearer(principal))
        .send({ body: '已电话联系家长，周五家访' })
        .expect(201);
      expect(added.body).toMatchObject({
        body: '已电话联系家长，周五家访',
        authorName: '王校长（演示）',
        activityId: 'school',
        stepName: '校长审核',
      });
      const list = await api().get(`/api/tasks/${school.id}/comments`).set(bearer(teacher)).expect(200);
      expect(list.body.map((c: { body: string }) => c.body)).toEqual(['已电话联系家长，周五家访']);
      await api().post(`/api/tasks/${school.id}/comments`).set(bearer(teacher)).send({ body: '我也想说' }).expect(404);
      await api().get(`/api/tasks/${school.id}/comments`).set(bearer(teacher2)).expect(404);
      await api()
        .get(`/api/tasks/${school.id}/comments`)
        .set(bearer(await t.login('ld-principal')))
        .expect(404);
    });

    it('attachments: an upload is filed with the open step; an unknown one is refused; the list keeps the visibility rule', async () => {
      const [school] = await inbox(principal);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const up = await api().post('/api/attachments').set(bearer(principal)).attach('file', pdf, '家访记录.pdf').expect(201);
      const linked = await api()
        .post(`/api/tasks/${school.id}/attachments`)
        .set(bearer(principal))
        .send({ attachmentId: up.body.id })
        .expect(201);
      expect(linked.body).toEqual([
        expect.objectContaining({ id: up.body.id, name: '家访记录.pdf', activityId: 'school', linkedByName: '王校长（演示）' }),
      ]);
      const bad = await api().post(`/api/tasks/${school.id}/attachments`).set(bearer(principal)).send({ attachmentId: 'nope' }).expect(400);
      expect(bad.body.details[0].field).toBe('attachmentId');
      await api().get(`/api/tasks/${school.id}/attachments`).set(bearer(teacher2)).expect(404);
      expect((await api().get(`/api/tasks/${school.id}/attachments`).set(bearer(teacher)).expect(200)).body).toHaveLength(1);
    });

    it('delegate: only to an active colleague whose roles and scope cover the step; then it is theirs', async () => {
      const admin = await t.login('admin');
      await api()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({
          username: 'vice',
          password: 'Fu8Xiao6Zhang',
          displayName: '副校长',
          roles: [{ role: 'principal', orgUnit: '64042210001' }],
        })
        .expect(201);
      const [school] = await inbox(principal);
      const wrong = await api().post(`/api/tasks/${school.id}/delegate`).set(bearer(principal)).send({ username: 'teacher2' }).expect(400);
      expect(wrong.body.details[0]).toMatchObject({ field: 'username', message: expect.stringContaining('不能办理此任务') });
      await api().post(`/api/tasks/${school.id}/delegate`).set(bearer(principal)).send({ username: 'nobody' }).expect(400);
      await api().post(`/api/tasks/${school.id}/delegate`).set(bearer(principal)).send({ username: 'ld-principal' }).expect(400);
      await api().post(`/api/tasks/${school.id}/delegate`).set(bearer(teacher)).send({ username: 'vice' }).expect(404);
      const done = await api().post(`/api/tasks/${school.id}/delegate`).set(bearer(principal)).send({ username: 'vice' }).expect(201);
      expect(done.body).toMatchObject({ assigneeName: '副校长' });
      const vice = await t.login('vice', 'Fu8Xiao6Zhang');
      expect((await inbox(vice)).map((x) => x.id)).toEqual([school.id]);
      expect(await inbox(principal)).toEqual([]);
      await api()
        .post(`/api/tasks/${school.id}/complete`)
        .set(bearer(principal))
        .send({ data: { decision: 'approve' } })
        .expect(409);
      await api()
        .post(`/api/tasks/${school.id}/complete`)
        .set(bearer(vice))
        .send({ data: { decision: 'approve' } })
        .expect(201);
    });
  });

  describe('instances', () => {
    it('lists instances in scope with filters; another school and another county see none', async () => {
      await api().post('/api/process-definitions/key/leave-approval/start').set(bearer(teacher)).send({}).expect(201);
      const all = await api().get('/api/process-instances').set(bearer(teacher)).expect(200);
      expect(all.body.total).toBe(2);
      const mine = await api().get(`/api/process-instances?studentId=${student.id}`).set(bearer(teacher)).expect(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          id: instanceId,
          key: 'reviewed-case',
          version: 1,
          state: 'active',
          studentName: student.name,
          orgUnitName: '吉强镇中心小学',
          incidents: 0,
        }),
      ]);
      expect(
        (await api().get('/api/process-instances?definitionKey=leave-approval&version=1&state=active').set(bearer(teacher)).expect(200))
          .body.total,
      ).toBe(1);
      expect((await api().get('/api/process-instances?state=completed').set(bearer(teacher)).expect(200)).body.total).toBe(0);
      expect((await api().get('/api/process-instances').set(bearer(teacher2)).expect(200)).body.total).toBe(0);
      expect(
        (
          await api()
            .get('/api/process-instances')
            .set(bearer(await t.login('ld-admin')))
            .expect(200)
        ).body.total,
      ).toBe(0);
    });

    it('counts instances per definition version for the modeler', async () => {
      const defs = await api().get('/api/process-definitions').set(bearer(designer)).expect(200);
      const reviewed = defs.body.find((d: { key: string }) => d.key === 'reviewed-case');
      const counts = await api().get(`/api/process-definitions/${reviewed.id}/instances-count`).set(bearer(designer)).expect(200);
      expect(counts.body).toEqual({ definitionId: reviewed.id, key: 'reviewed-case', version: 1, active: 1, completed: 0, terminated: 0 });
      await api()
        .get(`/api/process-definitions/${reviewed.id}/instances-count`)
        .set(bearer(await t.login('ld-designer')))
        .expect(404);
    });

    it('an incident (condition on a missing variable) shows in the instance; a designer retries it (a clerk may not); once the data are fixed the retry runs on', async () => {
      const started = await api().post('/api/process-definitions/key/broken-condition/start').set(bearer(designer)).send({}).expect(201);
      expect(started.body.incidents).toEqual([expect.objectContaining({ activityId: 'decide', type: expect.any(String) })]);
      const listed = await api().get('/api/process-instances?definitionKey=broken-condition').set(bearer(designer)).expect(200);
      expect(listed.body.items[0].incidents).toBe(1);
      const [incident] = started.body.incidents;
      await api()
        .post(`/api/process-instances/${started.body.id}/incidents/${incident.id}/retry`)
        .set(bearer(await t.login('leader')))
        .expect(403);
      await api()
        .post(`/api/process-instances/${started.body.id}/incidents/${incident.id}/retry`)
        .set(bearer(await t.login('ld-designer')))
        .expect(404);
      await api().post(`/api/process-instances/${started.body.id}/incidents/nope/retry`).set(bearer(designer)).expect(404);
      const retried = await api()
        .post(`/api/process-instances/${started.body.id}/incidents/${incident.id}/retry`)
        .set(bearer(designer))
        .expect(201);
      // the data are still wrong, so the gateway fails again: a new incident, the old one resolved
      expect(retried.body.incidents).toHaveLength(1);
      expect(retried.body.incidents[0].id).not.toBe(incident.id);
      expect(retried.body.history.filter((h: { type: string }) => h.type === 'incident-resolved')).toHaveLength(1);

      // fixing the data, then retrying, lets the case run on
      const id = started.body.id;
      await api()
        .patch(`/api/process-instances/${id}/variables`)
        .set(bearer(await t.login('leader')))
        .send({ variables: { amount: 12 } })
        .expect(403);
      await api().patch(`/api/process-instances/${id}/variables`).set(bearer(designer)).send({ variables: 'x' }).expect(400);
      await api()
        .patch(`/api/process-instances/${id}/variables`)
        .set(bearer(designer))
        .send({ variables: { orgUnit: '64042210001' } })
        .expect(400);
      const fixed = await api()
        .patch(`/api/process-instances/${id}/variables`)
        .set(bearer(designer))
        .send({ variables: { amount: 12 } })
        .expect(200);
      expect(fixed.body.variables.amount).toBe(12);
      const done = await api()
        .post(`/api/process-instances/${id}/incidents/${retried.body.incidents[0].id}/retry`)
        .set(bearer(designer))
        .expect(201);
      expect(done.body).toMatchObject({ state: 'completed', incidents: [] });
      await api()
        .patch(`/api/process-instances/${id}/variables`)
        .set(bearer(designer))
        .send({ variables: { amount: 1 } })
        .expect(409);
    });
  });

  it('a return and a completion of the same step at once: one wins, the other gets 409, the case has one open step', async () => {
    const started = await api()
      .post('/api/process-definitions/key/reviewed-case/start')
      .set(bearer(teacher))
      .send({ data: good })
      .expect(201);
    const school = (await inbox(principal)).find((x) => x.activityId === 'school')!;
    await api()
      .post(`/api/tasks/${school.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve' } })
      .expect(201);
    const town = (await api().get('/api/tasks').set(bearer(township)).expect(200)).body.items.find(
      (x: { instanceId: string }) => x.instanceId === started.body.id,
    );
    const results = await Promise.all([
      api().post(`/api/tasks/${town.id}/return`).set(bearer(township)).send({ reason: '退回' }),
      api().post(`/api/tasks/${town.id}/complete`).set(bearer(township)).send({ data: {} }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const instance = await api().get(`/api/process-instances/${started.body.id}`).set(bearer(township)).expect(200);
    expect(instance.body.activeActivityIds).toHaveLength(1);
    expect([['school'], ['county']]).toContainEqual(instance.body.activeActivityIds);
  });
});
