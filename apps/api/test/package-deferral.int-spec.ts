import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFormData, type FormDefinition } from '@kcbx/forms';
import { Actor, DAY, deployPackage, isoDay, settle, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // 吉强镇中心小学

/**
 * 延缓入学/休学 from the Xiji package, walked by the demo users: the registrar enters the guardian's
 * application with the hospital certificate (the end date after the start, a rule of the form); principal →
 * township → county leading group approve, return or refuse; approval opens the case in the student's file and
 * sets the student 缓学 / 休学 until the end date; during the period the class teacher records a contact each
 * month (county parameter deferralContactInterval); 10 days (renewalLead) before the period ends the registrar is
 * reminded to renew; a renewal the reviewers refuse lets the period run out; at the end a return check runs, and
 * a child not back goes to 劝返复学 — a case of its own in the child's file, the status 疑似辍学.
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
  const student = (actor: Actor, id: string) => actor.get(`/api/students/${id}`) as Promise<{ status: string; statusUntil: string | null }>;
  const contact = (day: number) => ({
    contactDate: isoDay(day),
    contactMethod: 'phone',
    childSituation: '身体恢复中，在家按学校布置的内容自学',
  });

  it('given an application whose end date is before its start, then the API refuses it at 截止日期 with the message the browser shows', async () => {
    const child = await studentAt(registrar, SCHOOL, 6);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    const data = { ...(await application(child, 60)), periodFrom: isoDay(30), periodTo: isoDay(10) };
    const task = await registrar.task(id, 'apply');
    const res = await t.http().post(`/api/tasks/${task.id}/complete`).set(registrar.auth).send({ data }).expect(400);
    expect(res.body.error).toBe('FORM_INVALID');
    expect(res.body.details).toEqual([expect.objectContaining({ field: '/periodTo', label: '截止日期（一般不超过一学年）' })]);
    // the browser validates with the same library and the same definition: the same words at the same field
    const form = JSON.parse(readFileSync(join(__dirname, '../../../forms/deferral-application.form.json'), 'utf8')) as FormDefinition;
    const browser = validateFormData(form, data).errors;
    expect(browser.map((e) => [e.path, e.message.zh])).toEqual([['/periodTo', res.body.details[0].message]]);
    expect(res.body.details[0].message).toBe(`必须晚于 ${isoDay(30)}`);
    // the same day is not after it either; the day after is
    const sameDay = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(registrar.auth)
      .send({ data: { ...data, periodTo: isoDay(30) } });
    expect(sameDay.status).toBe(400);
    await registrar.complete(id, 'apply', { ...data, periodTo: isoDay(31) });
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['schoolReview']);
  });

  it('given an approved deferral, then the child is 缓学 until the end date, the class teacher keeps in touch each month, and a refused renewal leads at the end to the return check and a persuasion case for the child', async () => {
    const child = await studentAt(registrar, SCHOOL, 3);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', { ...(await application(child, 70)), applicationType: 'deferral' });
    await principal.complete(id, 'schoolReview', approve('同意'));
    await township.complete(id, 'townshipReview', approve('同意'));
    expect((await student(registrar, child.id)).status).not.toBe('deferred');
    await leader.complete(id, 'groupApproval', approve('同意'));
    expect(await student(registrar, child.id)).toMatchObject({ status: 'deferred', statusUntil: isoDay(70) });

    // 继续做好劝返复学工作: nothing the first weeks; a month on the class teacher is asked to record a contact
    expect(await teacher.sees(id, 'contact')).toBe(false);
    await settle(t, 20 * DAY);
    expect(await teacher.sees(id, 'contact')).toBe(false);
    await settle(t, 32 * DAY);
    expect(await teacher2.sees(id, 'contact')).toBe(false); // another school's teacher
    const first = await teacher.task(id, 'contact');
    expect(first.name).toBe('期间联系（继续做好劝返复学工作）');
    await teacher.complete(id, 'contact', contact(32));
    // once recorded, the next contact is a month after it, and again until the period ends
    expect(await teacher.sees(id, 'contact')).toBe(false);
    await settle(t, 33 * DAY);
    expect(await teacher.sees(id, 'contact')).toBe(true);
    await teacher.complete(id, 'contact', { ...contact(33), contactMethod: 'home-visit', returnExpected: true });

    // the renewal reminder 10 days before the end; a new end date before the granted one is refused at the field
    await settle(t, 61 * DAY);
    const renewal = await registrar.get(`/api/tasks/${(await registrar.task(id, 'renewal')).id}`);
    expect(renewal.formData).toEqual({ periodTo: isoDay(70) });
    const early = await t
      .http()
      .post(`/api/tasks/${(await registrar.task(id, 'renewal')).id}/complete`)
      .set(registrar.auth)
      .send({ data: { renew: true, newPeriodTo: isoDay(50), renewalReason: '仍需治疗' } })
      .expect(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: '/newPeriodTo', message: `必须晚于 ${isoDay(70)}` })]);
    await registrar.complete(id, 'renewal', { renew: true, newPeriodTo: isoDay(150), renewalReason: '家长称仍需休养' });
    await principal.complete(id, 'schoolReview', approve('同意上报'));
    await township.complete(id, 'townshipReview', { decision: 'reject', opinion: '复查已康复，应按期入学' });

    // refused: the case does not end; the granted period runs out (contacts go on) and the return check follows
    const waiting = await registrar.instance(id);
    expect(waiting.state).toBe('active');
    expect(waiting.activeActivityIds).toEqual(expect.arrayContaining(['periodEnds']));
    expect(waiting.variables.periodTo).toBe(isoDay(70));
    expect(await student(registrar, child.id)).toMatchObject({ status: 'deferred', statusUntil: isoDay(70) });
    expect(await teacher.sees(id, 'returnCheck')).toBe(false);
    await settle(t, 71 * DAY);
    expect(await teacher.sees(id, 'contact')).toBe(false); // the period is over, and so are its contacts
    await teacher.complete(id, 'returnCheck', {
      returnedToSchool: false,
      checkDate: isoDay(70),
      checkNote: '期满未入学，家长外出务工带走',
    });

    // the county's persuasion procedure for this child: its own case, in the child's file; the status follows it
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['persuasion']);
    const file = await principal.studentFile(child.id);
    const persuasion = file.instances.find((i) => i.key === 'persuasion-return');
    expect(persuasion?.state).toBe('active');
    expect((await teacher.inbox()).some((r) => r.processKey === 'persuasion-return' && r.activityId === 'persuade')).toBe(true);
    expect(await student(registrar, child.id)).toMatchObject({ status: 'suspected-dropout' });
    const history = (file as unknown as { statusHistory: { toStatus: string; until: string | null; note: string | null }[] }).statusHistory;
    expect(history.map((h) => [h.toStatus, h.until])).toEqual([
      ['deferred', isoDay(70)],
      ['suspected-dropout', null],
    ]);
    expect(history[1].note).toBe('延缓入学期满未入学');
    expect(file.submissions.filter((s) => s.formKey === 'deferral-contact')).toHaveLength(2);
    expect(file.decisions.map((d) => [d.activityId, d.decision])).toEqual([
      ['schoolReview', 'approve'],
      ['townshipReview', 'approve'],
      ['groupApproval', 'approve'],
      ['schoolReview', 'approve'],
      ['townshipReview', 'reject'],
    ]);
  });

  it('given an approved suspension, when the registrar renews it and later lets it run out, then the return check finds the child absent and persuasion starts', async () => {
    const child = await studentAt(registrar, SCHOOL, 0);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', await application(child, 40));
    await principal.complete(id, 'schoolReview', approve('情况属实，同意休学'));
    expect(await principal.sees(id, 'townshipReview')).toBe(false);
    await township.complete(id, 'townshipReview', approve('乡镇核实，同意'));
    await leader.complete(id, 'groupApproval', approve('经领导小组核实同意'));
    expect(await student(registrar, child.id)).toMatchObject({ status: 'suspended', statusUntil: isoDay(40) });
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['contactWait', 'period', 'renewalDue']);

    // 10 days before the end the registrar is reminded; the family renews for another 60 days
    await settle(t, 29 * DAY);
    expect(await registrar.sees(id, 'renewal')).toBe(false);
    await settle(t, 31 * DAY);
    await registrar.complete(id, 'renewal', { renew: true, newPeriodTo: isoDay(100), renewalReason: '仍在治疗期，医院建议继续休养' });
    await principal.complete(id, 'schoolReview', approve('同意续期'));
    await township.complete(id, 'townshipReview', approve('同意续期'));
    await leader.complete(id, 'groupApproval', approve('同意续期'));
    expect((await registrar.instance(id)).variables.periodTo).toBe(isoDay(100));
    expect(await student(registrar, child.id)).toMatchObject({ status: 'suspended', statusUntil: isoDay(100) });

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
    expect((await registrar.instance(id)).activeActivityIds).toEqual(['contactWait', 'period', 'renewalDue']);
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
    expect(await student(registrar, child.id)).toMatchObject({ status: 'enrolled' }); // a deferred child now at school
  });
});
