import { AuditEntry, Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { reviewedCase } from './support/workflow-fixtures';

/**
 * 一生一案: given a case about a child that was reported with a certificate, reviewed, returned with a
 * reason, commented on and approved, the child's file shows all of it in time order — to people whose scope
 * covers the child, and to nobody else.
 */
describe('the student file', () => {
  let t: TestApp;
  let teacher: string;
  let principal: string;
  let township: string;
  let student: Student;
  let attachmentId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    [teacher, principal, township] = await Promise.all(['teacher', 'principal', 'township'].map((u) => t.login(u)));
    student = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640422/640422100/64042210001/' });
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: reviewedCase() })
      .expect(201);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', pdf, '缺勤证明.pdf').expect(201);
    attachmentId = up.body.id;
    const certificate = { id: attachmentId, name: '缺勤证明.pdf', type: 'application/pdf', size: pdf.length };
    await t
      .http()
      .post('/api/process-definitions/key/reviewed-case/start')
      .set(bearer(teacher))
      .send({ studentId: student.id, data: { reason: 'work', absentSince: '2026-11-02', certificate } })
      .expect(201);
    const next = async (token: string) => (await t.http().get('/api/tasks').set(bearer(token)).expect(200)).body.items[0];
    await t
      .http()
      .post(`/api/tasks/${(await next(principal)).id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve', comment: '情况属实' } })
      .expect(201);
    await t
      .http()
      .post(`/api/tasks/${(await next(township)).id}/return`)
      .set(bearer(township))
      .send({ reason: '请补充家访记录' })
      .expect(201);
    const again = await next(principal);
    await t.http().post(`/api/tasks/${again.id}/comments`).set(bearer(principal)).send({ body: '周五已家访，家长同意返校' }).expect(201);
    await t
      .http()
      .post(`/api/tasks/${again.id}/complete`)
      .set(bearer(principal))
      .send({ data: { decision: 'approve', comment: '已补充' } })
      .expect(201);
    await t
      .http()
      .post(`/api/tasks/${(await next(township)).id}/complete`)
      .set(bearer(township))
      .send({ data: {} })
      .expect(201);
    const basicEdu = await t.login('basic-edu');
    await t
      .http()
      .post(`/api/tasks/${(await next(basicEdu)).id}/complete`)
      .set(bearer(basicEdu))
      .send({ data: {} })
      .expect(201);
  });
  afterAll(() => t.close());

  it('shows the child (full ID, audited), the case with its timeline, every form, decision, return, comment and attachment, in time order', async () => {
    const audits = await t.ds.getRepository(AuditEntry).countBy({ action: 'student.view-id' });
    const file = (await t.http().get(`/api/students/${student.id}/file`).set(bearer(teacher)).expect(200)).body;
    expect(file.student).toMatchObject({ id: student.id, idNumber: student.idNumber, name: student.name });
    expect(await t.ds.getRepository(AuditEntry).countBy({ action: 'student.view-id' })).toBe(audits + 1);

    expect(file.instances).toEqual([
      expect.objectContaining({
        key: 'reviewed-case',
        name: '疑似辍学上报（三级审核）',
        state: 'completed',
        orgUnitName: '吉强镇中心小学',
      }),
    ]);
    const [instance] = file.instances;
    expect(instance.stepNames).toMatchObject({ school: '校长审核', township: '乡镇核实', county: '县教育局审批' });
    expect(
      instance.timeline
        .filter((h: { type: string }) => h.type === 'task-completed')
        .map((h: { stepName: string; userName: string }) => [h.stepName, h.userName]),
    ).toEqual([
      ['校长审核', '王校长（演示）'],
      ['校长审核', '王校长（演示）'],
      ['乡镇核实', '杨乡镇（演示）'],
      ['县教育局审批', '张基教（演示）'],
    ]);

    expect(
      file.submissions.map((s: { stepName: string; formKey: string; formVersion: number }) => [s.stepName, s.formKey, s.formVersion]),
    ).toEqual([
      ['发起', 'case-report', 1],
      ['校长审核', 'principal-review', 1],
      ['校长审核', 'principal-review', 1],
    ]);
    expect(file.submissions[0]).toMatchObject({
      title: { zh: '疑似辍学报告', en: 'Suspected dropout report' },
      submittedBy: '马老师（演示）',
      data: { reason: 'work' },
    });
    expect(file.decisions.map((d: { decision: string; comment: string }) => [d.decision, d.comment])).toEqual([
      ['approve', '情况属实'],
      ['approve', '已补充'],
    ]);
    expect(file.returns).toEqual([
      expect.objectContaining({
        reason: '请补充家访记录',
        fromActivityId: 'township',
        toActivityId: 'school',
        fromStepName: '乡镇核实',
        toStepName: '校长审核',
        byName: '杨乡镇（演示）',
      }),
    ]);
    expect(file.comments).toEqual([expect.objectContaining({ body: '周五已家访，家长同意返校', authorName: '王校长（演示）' })]);
    expect(file.attachments).toEqual([
      expect.objectContaining({ id: attachmentId, name: '缺勤证明.pdf', activityId: 'start', linkedByName: '马老师（演示）' }),
    ]);

    const kinds = file.events.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('case-started');
    expect(kinds[kinds.length - 1]).toBe('case-ended');
    expect(new Set(kinds)).toEqual(new Set(['case-started', 'submission', 'decision', 'attachment', 'return', 'comment', 'case-ended']));
    const times = file.events.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(kinds.indexOf('return')).toBeLessThan(kinds.indexOf('comment'));
  });

  it('the township above the school sees the same file; another school and another county get 404', async () => {
    const file = (await t.http().get(`/api/students/${student.id}/file`).set(bearer(township)).expect(200)).body;
    expect(file.instances).toHaveLength(1);
    await t
      .http()
      .get(`/api/students/${student.id}/file`)
      .set(bearer(await t.login('teacher2')))
      .expect(404);
    await t
      .http()
      .get(`/api/students/${student.id}/file`)
      .set(bearer(await t.login('ld-admin')))
      .expect(404);
    await t.http().get('/api/students/no-such-child/file').set(bearer(teacher)).expect(404);
  });

  it('a child with no case has an empty file', async () => {
    const anyOther = (await t.ds.getRepository(Student).findBy({ schoolPath: '/640422/640422100/64042210001/' })).find(
      (s) => s.id !== student.id,
    )!;
    const file = (await t.http().get(`/api/students/${anyOther.id}/file`).set(bearer(teacher)).expect(200)).body;
    expect(file).toMatchObject({ instances: [], submissions: [], decisions: [], returns: [], comments: [], attachments: [], events: [] });
  });
});
