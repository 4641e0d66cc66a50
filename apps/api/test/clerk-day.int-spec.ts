import { packageDir, packageResources } from '../src/seed/package-files';
import { Actor, deployPackage, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // 吉强镇中心小学

/**
 * A clerk's day through the API (issue #13): a case about a child cannot start without the child; the first step
 * is already the starter's; the inbox says who each task is for and what it is; 已办 lists what I did and where the
 * case is now; deploying an unchanged package makes no new versions and says so.
 */
describe("the clerk's day: start, inbox, 已办, deploy", () => {
  let t: TestApp;
  let teacher: Actor, office: Actor, designer: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [teacher, office, designer] = await Promise.all(['teacher', 'basic-edu', 'designer'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  it('given a procedure about a student, when it is started without one, then 400 names the field; with one, the first step is already the starter’s', async () => {
    const startForm = await teacher.get('/api/process-definitions/key/persuasion-return/start-form');
    expect(startForm.subject).toBe('student');
    const refused = await t
      .http()
      .post('/api/process-definitions/key/persuasion-return/start')
      .set(teacher.auth)
      .send({ orgUnit: SCHOOL })
      .expect(400);
    expect(refused.body.error).toBe('VALIDATION_FAILED');
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'studentId' })]);

    const child = await studentAt(teacher, SCHOOL, 4);
    const { id } = await teacher.start('persuasion-return', { orgUnit: SCHOOL, studentId: child.id });
    const mine = (await teacher.get('/api/tasks?scope=mine&pageSize=100')).items as { instanceId: string; activityId: string }[];
    expect(mine.filter((r) => r.instanceId === id).map((r) => r.activityId)).toEqual(['persuade']);
    const claimable = (await teacher.get('/api/tasks?scope=candidate&pageSize=100')).items as { instanceId: string }[];
    expect(claimable.some((r) => r.instanceId === id)).toBe(false);
  });

  it('given a starter without the first step’s role, then the step stays offered to those who hold it', async () => {
    const child = await studentAt(office, SCHOOL, 6);
    const { id } = await office.start('persuasion-return', { orgUnit: SCHOOL, studentId: child.id });
    const row = await teacher.task(id, 'persuade');
    const detail = await teacher.get(`/api/tasks/${row.id}`);
    expect(detail.assignee).toBeNull();
  });

  it('given cases for two children, then each inbox row says which child, their school, the procedure’s name and the step; filters narrow it', async () => {
    const [a, b] = [await studentAt(teacher, SCHOOL, 0), await studentAt(teacher, SCHOOL, 1)];
    const first = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: a.id });
    const second = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: b.id });
    const rows = (await teacher.get('/api/tasks?processKey=home-visit&pageSize=100')).items as Record<string, unknown>[];
    const row = (instanceId: string) => rows.find((r) => r.instanceId === instanceId)!;
    expect(row(first.id)).toMatchObject({
      studentId: a.id,
      studentName: a.name,
      studentIdNumber: `${a.idNumber.slice(0, 6)}********${a.idNumber.slice(-4)}`,
      schoolName: '吉强镇中心小学',
      processName: '教师家访',
      stepName: '填写家访记录',
    });
    expect(row(second.id)).toMatchObject({ studentId: b.id, studentName: b.name });
    expect(rows.every((r) => r.processKey === 'home-visit')).toBe(true);
    expect(typeof row(first.id).createdAt).toBe('string');

    // due state: a home visit record is due in days, not overdue and not within two days
    const overdue = (await teacher.get('/api/tasks?processKey=home-visit&due=overdue')).items as { instanceId: string }[];
    expect(overdue.some((r) => r.instanceId === first.id)).toBe(false);
    const unit = (await teacher.get(`/api/tasks?processKey=home-visit&orgUnit=${SCHOOL}&pageSize=100`)).items as { instanceId: string }[];
    expect(unit.some((r) => r.instanceId === first.id)).toBe(true);
    const elsewhere = (await teacher.get('/api/tasks?processKey=home-visit&orgUnit=64042210002&pageSize=100')).items as unknown[];
    expect(elsewhere).toEqual([]);
  });

  it('given a step I completed, then 已办 lists it with the child and the step the case stands at now', async () => {
    const child = await studentAt(teacher, SCHOOL, 2);
    const { id } = await teacher.start('home-visit', { orgUnit: SCHOOL, studentId: child.id });
    const record = await teacher.task(id, 'record');
    const form = await teacher.get(`/api/tasks/${record.id}`);
    expect(form.formData).not.toHaveProperty('decision');
    await teacher.complete(id, 'record', visitRecord());
    const done = await teacher.get('/api/tasks?scope=done&pageSize=5');
    expect(done.items[0]).toMatchObject({
      instanceId: id,
      activityId: 'record',
      state: 'completed',
      studentName: child.name,
      processName: '教师家访',
      currentSteps: ['校长审阅'],
    });
    expect(done.total).toBeGreaterThan(0);
  });

  it('given the package deployed, when it is deployed again unchanged, then no new version is made and the response says so', async () => {
    const before = (await designer.get('/api/process-definitions?all=true')) as { key: string; version: number }[];
    const res = await t
      .http()
      .post('/api/deployments')
      .set(designer.auth)
      .send({ resources: packageResources(packageDir('640422')) })
      .expect(201);
    expect(res.body.unchanged).toBe(true);
    expect(res.body.message.zh).toBe('内容未改变，未生成新版本');
    expect(res.body.processDefinitions.every((d: { isNew: boolean }) => !d.isNew)).toBe(true);
    expect(res.body.forms.every((f: { isNew: boolean }) => !f.isNew)).toBe(true);
    const after = (await designer.get('/api/process-definitions?all=true')) as unknown[];
    expect(after).toHaveLength(before.length);
  });
});

const visitRecord = () => ({
  visitDate: new Date().toISOString().slice(0, 10),
  visitors: '马老师',
  visitMethod: 'in-person',
  familySituation: '父母外出务工，随祖母生活',
  dropoutRisk: false,
});
