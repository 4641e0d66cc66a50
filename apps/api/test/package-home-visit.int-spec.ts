import { Actor, deployPackage, isoDay, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001';

/** 教师家访 from the Xiji package: the class teacher records a visit; the principal files it or returns it; a risk starts 帮扶. */
describe('package: teacher home visit (教师家访)', () => {
  let t: TestApp;
  let teacher: Actor, principal: Actor, teacher2: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [teacher, principal, teacher2] = await Promise.all(['teacher', 'principal', 'teacher2'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  const record = (situation: string) => ({
    visitDate: isoDay(0),
    visitors: '马老师',
    visitMethod: 'in-person',
    familySituation: situation,
    flags: ['left-behind', 'poor-household'],
    dropoutRisk: true,
    measures: '每周电话联系监护人',
    guardianPhone: '13912345678',
  });

  it('given a visit record the principal returns for detail, when completed again and filed, then it is in the student file', async () => {
    const child = await studentAt(teacher, SCHOOL, 0);
    const { id } = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: child.id });
    expect(await teacher2.sees(id, 'record')).toBe(false);
    await teacher.complete(id, 'record', record('父母外出务工，随祖母生活'));
    await principal.complete(id, 'review', { decision: 'return', opinion: '请写明祖母身体状况与家庭收入' });
    await teacher.complete(id, 'record', record('父母外出务工，随祖母生活；祖母患慢性病，家庭年收入约1万元'));
    await principal.complete(id, 'review', { decision: 'approve', opinion: '已阅，列入重点关注' });
    // filed; the visit found a dropout risk, so the child is in 帮扶 (package-support.int-spec.ts) until that closes
    expect((await principal.instance(id)).activeActivityIds).toEqual(['support']);
    const file = await teacher.studentFile(child.id);
    const visits = file.submissions.filter((s) => s.formKey === 'home-visit');
    expect(visits).toHaveLength(2);
    expect(visits[1].data.familySituation).toContain('慢性病');
  });

  it('refuses a record with a malformed guardian phone, in Chinese', async () => {
    const child = await studentAt(teacher, SCHOOL, 1);
    const { id } = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: child.id });
    const task = await teacher.task(id, 'record');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(teacher.auth)
      .send({ data: { ...record('x'), guardianPhone: '1234' } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('guardianPhone');
  });
});
