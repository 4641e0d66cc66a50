import { Actor, deployPackage, isoDay, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // 吉强镇中心小学

/**
 * What a step's form opens with (`formData` of GET /api/tasks/{id}) is the step's own: its input mapping's values,
 * its own earlier submission after a return, the form's defaults — never another step's answers that share a
 * field name. A review's answer reaches the process only through its output mapping (schoolDecision, …), so each
 * gateway reads the decision of its own step.
 */
describe('a step opens with its own values (formData, zeebe:ioMapping through the API)', () => {
  let t: TestApp;
  let registrar: Actor, principal: Actor, township: Actor, teacher: Actor, office: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [registrar, principal, township, teacher, office] = await Promise.all(
      ['registrar', 'principal', 'township', 'teacher', 'basic-edu'].map((u) => Actor.as(t, u)),
    );
  });
  afterAll(() => t.close());

  const application = (child: { name: string; idNumber: string }) => ({
    studentName: child.name,
    idNumber: child.idNumber,
    applicationType: 'suspension',
    reason: 'illness',
    reasonDetail: '肺结核治疗期，需居家隔离休养',
    periodFrom: isoDay(0),
    periodTo: isoDay(60),
    guardianName: '马建国',
    guardianRelation: 'father',
    guardianPhone: '13912345678',
  });
  const detail = async (actor: Actor, instanceId: string, activityId: string) =>
    actor.get(`/api/tasks/${(await actor.task(instanceId, activityId)).id}`) as Promise<{
      formData: Record<string, unknown>;
      data: Record<string, unknown>;
    }>;

  it('given the school approved, when the township opens its review, then its form is empty and the school decision reached the process only as schoolDecision', async () => {
    const child = await studentAt(registrar, SCHOOL, 2);
    const { id } = await registrar.start('deferral-suspension', { orgUnit: SCHOOL, studentId: child.id });
    await registrar.complete(id, 'apply', { ...application(child), certificate: await registrar.upload('诊断证明.pdf', SCHOOL) });
    expect((await detail(principal, id, 'schoolReview')).formData).toEqual({});
    await principal.complete(id, 'schoolReview', { decision: 'approve', opinion: '情况属实，同意' });

    const review = await detail(township, id, 'townshipReview');
    expect(review.formData).toEqual({});
    const variables = (await township.instance(id)).variables;
    expect(variables).toMatchObject({ schoolDecision: 'approve', schoolOpinion: '情况属实，同意' });
    expect(variables).not.toHaveProperty('decision');
    expect(variables).not.toHaveProperty('opinion');

    // the township's own decision goes its own way: its gateway reads townshipDecision, not the school's
    await township.complete(id, 'townshipReview', { decision: 'reject', opinion: '可随班就读，不符合休学条件' });
    const ended = await township.instance(id);
    expect(ended.state).toBe('completed');
    expect(ended.variables).toMatchObject({ schoolDecision: 'approve', townshipDecision: 'reject' });
  });

  it('given a persuasion ladder step, when the teacher opens it, then the input mapping gives the step its ladder title and nothing else', async () => {
    const child = await studentAt(teacher, SCHOOL, 3);
    const { id } = await teacher.start('persuasion-return', { orgUnit: SCHOOL, studentId: child.id });
    const step = await detail(teacher, id, 'persuade');
    expect(step.formData).toEqual({ ladderStep: '第1级：班主任家访劝返（1日内）' });
  });

  it('given a plan sent back by its review, when the principal reopens the plan, then it opens with the plan submitted before and the review opens empty again', async () => {
    const child = await studentAt(principal, SCHOOL, 5);
    const { id } = await principal.start('home-teaching', { orgUnit: SCHOOL, studentId: child.id });
    const plan = {
      disabilityType: 'physical',
      disabilityGrade: 2,
      teachers: '马老师、海老师',
      hoursPerWeek: 2,
      planFrom: isoDay(0),
      planTo: isoDay(120),
      goals: '生活自理训练',
      guardianConsent: true,
    };
    await principal.complete(id, 'plan', plan);
    await office.complete(id, 'planReview', { decision: 'return', opinion: '请补充文化课目标' });
    // the 退回修改 choice is the 退回 button's record: banner data on the reopened plan, history line, notification
    const reopened = (await detail(principal, id, 'plan')) as Awaited<ReturnType<typeof detail>> & {
      returnedWith: { reason: string; byName: string } | null;
    };
    expect(reopened.formData).toEqual(plan);
    expect(reopened.returnedWith).toMatchObject({ reason: '请补充文化课目标' });
    expect((await principal.instance(id)).history.filter((h) => h.type === 'task-returned')).toHaveLength(1);
    const notes = (await principal.get('/api/notifications')).items as { title: string; message: string }[];
    expect(notes[0]).toMatchObject({ title: '退回：制定送教计划' });
    expect(notes[0].message).toContain('请补充文化课目标');
    await principal.complete(id, 'plan', { ...plan, goals: '生活自理训练；语文、数学每周各1课时' });
    expect((await detail(office, id, 'planReview')).formData).toEqual({});
  });
});
