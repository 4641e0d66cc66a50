import { Actor, DAY, deployPackage, isoDay, settle, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3600 * 1000;
const XIJI_SCHOOL = '64042210001';
const LONGDE_SCHOOL = '64042310001';

/**
 * Two counties in one server, each from its own package and nothing else: 西吉县 from forms/ + workflows/,
 * 隆德县 from counties/640423/ (its own ladder in county-parameters, one more field on the visit record,
 * one more approval step in deferral). The same code runs both; each county sees only its own.
 */
describe('package: Xiji and Longde side by side (two tenants, configuration only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    await deployPackage(t, '640422', 'designer');
    await deployPackage(t, '640423', 'ld-designer');
  });
  afterAll(() => t.close());

  const visit = (extra: Record<string, unknown> = {}) => ({
    dropoutCause: 'migrant-work',
    visits: [{ visitNo: 1, visitDate: isoDay(0), visitors: '班主任', method: 'phone', outcome: '联系不上家长' }],
    returned: false,
    ...extra,
  });

  it('runs each county’s own escalation ladder and visit form', async () => {
    const [xTeacher, xPrincipal, lTeacher, lPrincipal] = await Promise.all(
      ['teacher', 'principal', 'ld-teacher', 'ld-principal'].map((u) => Actor.as(t, u)),
    );
    const xChild = await studentAt(xTeacher, XIJI_SCHOOL, 0);
    const lChild = await studentAt(lTeacher, LONGDE_SCHOOL, 0);
    const x = await xTeacher.start('persuasion-return', { orgUnit: XIJI_SCHOOL, studentId: xChild.id });
    const l = await lTeacher.start('persuasion-return', { orgUnit: LONGDE_SCHOOL, studentId: lChild.id });

    // Xiji's first step has 1 day, Longde's 3 days
    const xDue = (new Date((await xTeacher.task(x.id, 'persuade')).dueAt!).getTime() - Date.now()) / DAY;
    const lDue = (new Date((await lTeacher.task(l.id, 'persuade')).dueAt!).getTime() - Date.now()) / DAY;
    expect(Math.round(xDue)).toBe(1);
    expect(Math.round(lDue)).toBe(3);

    // after a day and an hour Xiji has escalated to its principal; Longde's teacher still holds the case
    await settle(t, DAY + HOUR);
    expect(await xPrincipal.sees(x.id, 'persuade')).toBe(true);
    expect(await lTeacher.sees(l.id, 'persuade')).toBe(true);
    expect(await lPrincipal.sees(l.id, 'persuade')).toBe(false);

    // Longde's visit record asks for the village cadre; Xiji's form has no such field
    const lTask = await lTeacher.task(l.id, 'persuade');
    const missing = await t.http().post(`/api/tasks/${lTask.id}/complete`).set(lTeacher.auth).send({ data: visit() }).expect(400);
    expect(JSON.stringify(missing.body.details)).toContain('villageCadre');
    await lTeacher.complete(l.id, 'persuade', visit({ villageCadre: '王村干' }));
    expect(await lPrincipal.sees(l.id, 'persuade')).toBe(true);
    const xTask = await xPrincipal.task(x.id, 'persuade');
    await t
      .http()
      .post(`/api/tasks/${xTask.id}/complete`)
      .set(xPrincipal.auth)
      .send({ data: visit({ villageCadre: '王村干' }) })
      .expect(400);

    // Longde's ladder has four steps (3+3+7+10 days) before its leading group, Xiji's five
    const longdeLadder = (await lTeacher.instance(l.id)).variables.ladder as { role: string; limit: string }[];
    const xijiLadder = (await xTeacher.instance(x.id)).variables.ladder as { role: string; limit: string }[];
    expect(longdeLadder.map((s) => s.limit)).toEqual(['P3D', 'P3D', 'P7D', 'P10D']);
    expect(xijiLadder.map((s) => s.limit)).toEqual(['P1D', 'P2D', 'P3D', 'P5D', 'P7D']);

    // and neither county sees the other's case
    await t.http().get(`/api/process-instances/${l.id}`).set(xTeacher.auth).expect(404);
    await t.http().get(`/api/process-instances/${x.id}`).set(lTeacher.auth).expect(404);
  });

  it('asks Longde’s bureau to approve a suspension between the township and the leading group; Xiji goes straight on', async () => {
    const approve = { decision: 'approve', opinion: '同意' };
    const run = async (prefix: string, school: string) => {
      const [registrar, principal, township, office, leader] = await Promise.all(
        ['registrar', 'principal', 'township', 'basic-edu', 'leader'].map((u) => Actor.as(t, prefix + u)),
      );
      const child = await studentAt(registrar, school, 1);
      const { id } = await registrar.start('deferral-suspension', { orgUnit: school, studentId: child.id });
      await registrar.complete(id, 'apply', {
        studentName: child.name,
        idNumber: child.idNumber,
        applicationType: 'deferral',
        reason: 'disability',
        reasonDetail: '经专家委员会评估暂缓入学',
        periodFrom: isoDay(0),
        periodTo: isoDay(300),
        certificate: await registrar.upload('评估意见.pdf', school),
        guardianName: '李秀兰',
        guardianRelation: 'mother',
        guardianPhone: '13712345678',
      });
      await principal.complete(id, 'schoolReview', approve);
      await township.complete(id, 'townshipReview', approve);
      const officeSees = await office.sees(id, 'bureauReview');
      if (officeSees) await office.complete(id, 'bureauReview', approve);
      await leader.complete(id, 'groupApproval', approve);
      const steps = (await registrar.studentFile(child.id)).decisions.map((d) => d.activityId);
      return { officeSees, steps, state: (await registrar.instance(id)).activeActivityIds };
    };
    const xiji = await run('', XIJI_SCHOOL);
    const longde = await run('ld-', LONGDE_SCHOOL);
    expect(xiji).toEqual({
      officeSees: false,
      steps: ['schoolReview', 'townshipReview', 'groupApproval'],
      state: ['contactWait', 'period', 'renewalDue'],
    });
    expect(longde).toEqual({
      officeSees: true,
      steps: ['schoolReview', 'townshipReview', 'bureauReview', 'groupApproval'],
      state: ['contactWait', 'period', 'renewalDue'],
    });
  });
});
