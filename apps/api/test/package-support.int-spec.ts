import { Actor, DAY, deployPackage, isoDay, settle } from './support/county-package';
import { studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001';

/**
 * 帮扶 from the Xiji package (seed 二 (五) 二): a home visit the principal files with a dropout risk starts
 * student-support for the child — its own case in the child's file; the plan (一对一 / 一对n, 心理疏导), a 帮扶记录
 * each supportRecordInterval (P1M) with a 心理疏导记录 when the plan asks for it, the 成效评估 after
 * supportEvaluateAfter (P3M): continue or close. The clock moves by running the job worker later.
 */
describe('package: support for high-risk students (帮扶)', () => {
  let t: TestApp;
  let teacher: Actor, principal: Actor, teacher2: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [teacher, principal, teacher2] = await Promise.all(['teacher', 'principal', 'teacher2'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  const visit = (dropoutRisk: boolean) => ({
    visitDate: isoDay(0),
    visitors: '马老师',
    visitMethod: 'in-person',
    familySituation: '父母外出务工，随祖母生活，成绩下滑，流露出外出打工的想法',
    flags: ['left-behind', 'learning-difficulty'],
    dropoutRisk,
    measures: '结对帮扶，每周谈心',
  });
  const plan = {
    supportType: 'one-to-one',
    pairing: 'teacher-student',
    helpers: '马老师（班主任）',
    riskFactors: ['left-behind', 'learning-difficulty', 'work-outside'],
    goals: '本学期数学、语文达到及格，稳定到校',
    measures: '每周两次课后辅导；每月与祖母电话沟通；申请营养改善计划',
    counselling: true,
    startDate: isoDay(0),
  };
  const record = (n: number) => ({
    recordDate: isoDay(30 * n),
    helpers: '马老师',
    content: `第${n}次帮扶：课后辅导数学两次，谈心一次`,
    attendance: 'attending',
    studentProgress: '按时到校，作业基本完成',
  });
  const counselling = {
    sessionDate: isoDay(30),
    counsellor: '马老师',
    method: 'talk',
    concern: '想念父母，觉得读书没用',
    process: '谈心40分钟，与父母视频通话，学生情绪好转',
  };

  it('given a home visit filed with a dropout risk, then a 帮扶 case is in the child file, its records come each month by timer, and the evaluation closes it', async () => {
    const child = await studentAt(teacher, SCHOOL, 2);
    const { id } = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: child.id });
    await teacher.complete(id, 'record', visit(true));
    await principal.complete(id, 'review', { decision: 'approve', opinion: '列入辍学高风险，启动一对一帮扶' });
    expect((await principal.instance(id)).activeActivityIds).toEqual(['support']);

    // the 帮扶 case: its own case in the child's file, the visit's categories already in the plan
    const file = await principal.studentFile(child.id);
    const support = file.instances.find((i) => i.key === 'student-support');
    expect(support?.state).toBe('active');
    const planTask = await teacher.task(support!.id, 'plan');
    expect(planTask).toBeTruthy();
    expect(await teacher2.sees(support!.id, 'plan')).toBe(false);
    expect((await teacher.instance(support!.id)).variables).toMatchObject({ riskFactors: ['left-behind', 'learning-difficulty'] });
    await teacher.complete(support!.id, 'plan', plan);

    // no record step before the interval; the timer brings it a month later
    expect(await teacher.sees(support!.id, 'record')).toBe(false);
    expect(await settle(t, 20 * DAY)).toBe(0);
    expect(await teacher.sees(support!.id, 'record')).toBe(false);
    expect(await settle(t, 32 * DAY)).toBeGreaterThan(0);
    expect(await teacher.sees(support!.id, 'record')).toBe(true);
    await teacher.complete(support!.id, 'record', record(1));
    await teacher.complete(support!.id, 'counselling', counselling);

    // after three months the principal evaluates: effective, the case is closed, and so is the visit
    await settle(t, 63 * DAY);
    await teacher.complete(support!.id, 'record', record(2));
    await teacher.complete(support!.id, 'counselling', { ...counselling, sessionDate: isoDay(60) });
    await settle(t, 93 * DAY);
    expect(await teacher.sees(support!.id, 'record')).toBe(false);
    await principal.complete(support!.id, 'evaluate', {
      outcome: 'effective',
      assessment: '稳定到校，成绩及格，结案',
      evaluatedOn: isoDay(92),
    });
    expect((await principal.instance(support!.id)).state).toBe('completed');
    expect((await principal.instance(id)).state).toBe('completed');

    const after = await principal.studentFile(child.id);
    expect(after.submissions.map((s) => s.formKey)).toEqual(
      expect.arrayContaining(['home-visit', 'support-plan', 'support-record', 'counselling-record', 'support-evaluation']),
    );
    expect(after.submissions.filter((s) => s.formKey === 'support-record')).toHaveLength(2);
    expect(after.submissions.filter((s) => s.formKey === 'counselling-record')).toHaveLength(2);
  });

  it('given an evaluation that asks for more, then another 帮扶期 starts and its record comes by timer again', async () => {
    const child = await studentAt(teacher, SCHOOL, 6);
    const { id } = await principal.start('student-support', { orgUnit: SCHOOL, studentId: child.id });
    await principal.complete(id, 'plan', { ...plan, supportType: 'one-to-n', pairing: 'student-student', counselling: false });
    await settle(t, 93 * DAY);
    await principal.complete(id, 'evaluate', { outcome: 'continue', assessment: '仍有缺课，继续帮扶一期', evaluatedOn: isoDay(92) });
    expect((await principal.instance(id)).activeActivityIds).toEqual(['period', 'recordWait']);
    expect(await teacher.sees(id, 'record')).toBe(false);
    await settle(t, 32 * DAY);
    await teacher.complete(id, 'record', record(1));
    expect(await teacher.sees(id, 'counselling')).toBe(false); // the plan asked for no counselling
  });

  it('given a home visit without a dropout risk, then no 帮扶 starts and the visit is filed', async () => {
    const child = await studentAt(teacher, SCHOOL, 4);
    const { id } = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: child.id });
    await teacher.complete(id, 'record', visit(false));
    await principal.complete(id, 'review', { decision: 'approve', opinion: '已阅' });
    expect((await principal.instance(id)).state).toBe('completed');
    const file = await principal.studentFile(child.id);
    expect(file.instances.filter((i) => i.key === 'student-support')).toEqual([]);
  });

  it('refuses a plan without risk factors, naming the field, in Chinese', async () => {
    const child = await studentAt(teacher, SCHOOL, 5);
    const { id } = await teacher.start('student-support', { orgUnit: SCHOOL, studentId: child.id });
    const task = await teacher.task(id, 'plan');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(teacher.auth)
      .send({ data: { ...plan, riskFactors: [] } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('riskFactors');
  });
});
