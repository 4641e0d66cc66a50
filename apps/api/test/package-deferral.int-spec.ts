import { Actor, DAY, deployPackage, isoDay, settle, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // 吉强镇中心小学

/**
 * 延缓入学/休学 from the Xiji package, walked by the demo users: the registrar enters the guardian's
 * application with the hospital certificate; principal → township → county leading group approve, return
 * or refuse; approval opens the case in the student's file; 10 days (county parameter) before the period
 * ends the registrar is reminded to renew; at the end a return check runs, and a child not back goes to 劝返复学.
 */
describe('package: deferral / suspension of schooling (延缓入学/休学)', () => {
  let t: TestApp;
  let registrar: Actor, principal: Actor, township: Actor, leader: Actor, teacher: Actor, teacher2: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [registrar, principal, township, leader, teacher, teacher2] = await Promise.all(
      ['registrar', 'principal', 'township', 'leader', 'teacher', 'teacher2'].map((u) => Actor.as(t, u)),
    );
  });
  afterAll(() => t.close());

  const application = async (child: { name: string; idNumber: string }, periodDays: number) => ({
    studentName: child.name,
    idNumber: child.idNumber,
    applicationType: 'suspension',
    reason: 'illness',
    reasonDetail: '肺结核治疗期，需居家隔离休养',
    periodFrom: isoDay(0),
    periodTo: isoDay(periodDays),
    certificate: await registrar.upload('县医院诊断证明.pdf', SCHOOL),
    guardianName: '马建国',
    guardianRelation: 'father',
    guardianPhone: '13912345678',
  });
  const approve = (opinion: string) => ({ decision: 'approve', opinion });

  it('given an approved suspension, when the registrar renews it and later lets it run out, then the return check finds the child absent and persuasion starts', async () => {
    const child = await studentAt(registrar, SCHOOL, 0);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', await application(child, 40));
    await principal.complete(id, 'schoolReview', approve('情况属实，同意休学'));
    expect(await principal.sees(id, 'townshipReview')).toBe(false);
    await township.complete(id, 'townshipReview', approve('乡镇核实，同意'));
    await leader.complete(id, 'groupApproval', approve('经领导小组核实同意'));
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['renewalDue']);

    // 10 days before the end the registrar is reminded; the family renews for another 60 days
    expect(await settle(t, 29 * DAY)).toBe(0);
    await settle(t, 31 * DAY);
    await registrar.complete(id, 'renewal', { renew: true, newPeriodTo: isoDay(100), renewalReason: '仍在治疗期，医院建议继续休养' });
    await principal.complete(id, 'schoolReview', approve('同意续期'));
    await township.complete(id, 'townshipReview', approve('同意续期'));
    await leader.complete(id, 'groupApproval', approve('同意续期'));
    expect((await registrar.instance(id)).variables.periodTo).toBe(isoDay(100));

    // no second renewal: at the end of the period the class teacher checks; the child has not come back
    await settle(t, 91 * DAY);
    await registrar.complete(id, 'renewal', { renew: false });
    expect(await teacher.sees(id, 'returnCheck')).toBe(false);
    await settle(t, 101 * DAY);
    await teacher.complete(id, 'returnCheck', { returnedToSchool: false, checkDate: isoDay(100), checkNote: '期满未返校，家长称仍需休养' });
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['persuasion']);
    const inbox = await teacher.inbox();
    expect(inbox.some((r) => r.processKey === 'persuasion-return' && r.activityId === 'persuade')).toBe(true);

    // the student file holds the application with its certificate and all six decisions, in order
    const file = await principal.studentFile(child.id);
    expect(file.decisions.map((d) => [d.activityId, d.decision])).toEqual([
      ['schoolReview', 'approve'],
      ['townshipReview', 'approve'],
      ['groupApproval', 'approve'],
      ['schoolReview', 'approve'],
      ['townshipReview', 'approve'],
      ['groupApproval', 'approve'],
    ]);
    expect(file.submissions.map((s) => s.formKey)).toEqual(
      expect.arrayContaining(['deferral-application', 'deferral-renewal', 'return-check']),
    );
    expect(file.attachments.map((a) => a.name)).toContain('县医院诊断证明.pdf');
    expect(file.instances.find((i) => i.key === 'deferral-suspension')?.state).toBe('active');
    expect(file.instances.find((i) => i.key === 'persuasion-return')?.state).toBe('active'); // the called case is filed under the child too
  });

  it('given an application the school returns, when corrected and the township refuses it, then the case ends refused', async () => {
    const child = await studentAt(registrar, SCHOOL, 1);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', await application(child, 200));
    await principal.complete(id, 'schoolReview', { decision: 'return', opinion: '休学期限超过一学年，请修改' });
    const again = await registrar.task(id, 'apply');
    expect(again).toBeDefined();
    await registrar.complete(id, 'apply', { ...(await application(child, 150)), reasonDetail: '术后康复，需休养一学期' });
    await principal.complete(id, 'schoolReview', approve('同意'));
    await township.complete(id, 'townshipReview', { decision: 'reject', opinion: '可随班就读，不符合休学条件' });
    const done = await registrar.instance(id);
    expect(done.state).toBe('completed');
    expect(done.history.some((h) => h.elementId === 'rejected')).toBe(true);
    const file = await registrar.studentFile(child.id);
    expect(file.decisions.map((d) => d.decision)).toEqual(['return', 'approve', 'reject']);
  });

  it('given the leading group sends the case back to the school with the return button, then the principal who reviewed it gets it again and the file shows the return', async () => {
    const child = await studentAt(registrar, SCHOOL, 5);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', await application(child, 90));
    await principal.complete(id, 'schoolReview', approve('同意'));
    await township.complete(id, 'townshipReview', approve('同意'));
    const task = await leader.task(id, 'groupApproval');
    await t
      .http()
      .post(`/api/tasks/${task.id}/return`)
      .set(leader.auth)
      .send({ reason: '请学校补充家访核实记录', targetElementId: 'schoolReview' })
      .expect(201);
    expect(await leader.sees(id, 'groupApproval')).toBe(false);
    await principal.complete(id, 'schoolReview', approve('已补充家访核实记录'));
    await township.complete(id, 'townshipReview', approve('同意'));
    await leader.complete(id, 'groupApproval', approve('同意'));
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['renewalDue']);
    const file = (await principal.studentFile(child.id)) as unknown as { returns: { reason: string; toActivityId: string }[] };
    expect(file.returns).toEqual([expect.objectContaining({ reason: '请学校补充家访核实记录', toActivityId: 'schoolReview' })]);
  });

  it('given nobody answers the renewal reminder, when the period ends, then the return check runs and a child back at school closes the case', async () => {
    const child = await studentAt(registrar, SCHOOL, 4);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', { ...(await application(child, 20)), applicationType: 'deferral' });
    await principal.complete(id, 'schoolReview', approve('同意'));
    await township.complete(id, 'townshipReview', approve('同意'));
    await leader.complete(id, 'groupApproval', approve('同意'));
    await settle(t, 11 * DAY);
    expect(await registrar.sees(id, 'renewal')).toBe(true);
    await settle(t, 21 * DAY);
    expect(await registrar.sees(id, 'renewal')).toBe(false);
    expect(await teacher2.sees(id, 'returnCheck')).toBe(false); // another school's teacher
    await teacher.complete(id, 'returnCheck', { returnedToSchool: true, checkDate: isoDay(20), checkNote: '已按期入学' });
    const done = await registrar.instance(id);
    expect(done.state).toBe('completed');
    expect(done.history.some((h) => h.elementId === 'backAtSchool')).toBe(true);
  });
});
