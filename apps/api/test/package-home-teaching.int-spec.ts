import { Actor, deployPackage, isoDay, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001';

/**
 * 送教上门 from the Xiji package: the school plans home teaching for a disabled child; the basic education
 * office approves or returns the plan; the class teacher then records a session each week (cycle from
 * county-parameters: P7D) until the plan is done. Every plan and session lands in the student's file.
 */
describe('package: home teaching (送教上门)', () => {
  let t: TestApp;
  let principal: Actor, office: Actor, teacher: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [principal, office, teacher] = await Promise.all(['principal', 'basic-edu', 'teacher'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  const plan = (goals: string) => ({
    disabilityType: 'physical',
    disabilityGrade: 2,
    teachers: '马老师、海老师',
    hoursPerWeek: 2,
    planFrom: isoDay(0),
    planTo: isoDay(120),
    goals,
    guardianConsent: true,
  });
  const session = (n: number, finished: boolean) => ({
    sessionDate: isoDay(7 * n),
    sessionHours: 2,
    sessionContent: `语文第${n}单元、康复训练`,
    childProgress: '能独立完成抄写',
    planFinished: finished,
  });

  it('given a plan returned once and then approved, when three weekly sessions are recorded, then the plan closes with every session in the file', async () => {
    const child = await studentAt(principal, SCHOOL, 5);
    const { id } = await principal.start('home-teaching', { orgUnit: SCHOOL, studentId: child.id });
    await principal.complete(id, 'plan', plan('生活自理训练'));
    await office.complete(id, 'planReview', { decision: 'return', opinion: '请补充文化课目标' });
    await principal.complete(id, 'plan', plan('生活自理训练；语文、数学每周各1课时'));
    await office.complete(id, 'planReview', { decision: 'approve', opinion: '同意' });

    const first = await teacher.task(id, 'session');
    const dueInDays = (new Date(first.dueAt!).getTime() - Date.now()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(6.9);
    expect(dueInDays).toBeLessThanOrEqual(7);
    await teacher.complete(id, 'session', session(1, false));
    await teacher.complete(id, 'session', session(2, false));
    await teacher.complete(id, 'session', session(3, true));

    expect((await office.instance(id)).state).toBe('completed');
    const file = await principal.studentFile(child.id);
    expect(file.submissions.filter((s) => s.formKey === 'home-teaching-session').map((s) => s.data.sessionDate)).toEqual([
      isoDay(7),
      isoDay(14),
      isoDay(21),
    ]);
    expect(file.decisions.map((d) => d.decision)).toEqual(['return', 'approve']);
  });

  it('given a plan the office refuses, then no session is asked for', async () => {
    const child = await studentAt(principal, SCHOOL, 6);
    const { id } = await principal.start('home-teaching', { orgUnit: SCHOOL, studentId: child.id });
    await principal.complete(id, 'plan', plan('康复训练'));
    await office.complete(id, 'planReview', { decision: 'reject', opinion: '可随班就读，建议入校' });
    const done = await office.instance(id);
    expect(done.state).toBe('completed');
    expect(done.history.some((h) => h.elementId === 'notApproved')).toBe(true);
    expect(await teacher.sees(id, 'session')).toBe(false);
  });

  it('refuses a plan without the guardian’s consent', async () => {
    const child = await studentAt(principal, SCHOOL, 7);
    const { id } = await principal.start('home-teaching', { orgUnit: SCHOOL, studentId: child.id });
    const task = await principal.task(id, 'plan');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(principal.auth)
      .send({ data: { ...plan('x'), guardianConsent: false } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('guardianConsent');
  });
});
