import { makeResidentId } from '@kcbx/cn-codes';
import { Actor, DAY, deployPackage, isoDay, settle, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // the demo teacher's, principal's and registrar's school
const HOUR = 3600 * 1000;

/**
 * Issue #16 acceptance 1, over HTTP: the 学籍名册 import makes students; a class teacher reports one of them
 * missing → a 疑似辍学 entry and a persuasion case in the child's file; the comparison finding the same child does
 * not enter them twice; the case's end signs the entry off and the procedure sets the student 已复学.
 */
describe('ledgers fed by people: roster students, reported children, one entry per child', () => {
  let t: TestApp;
  let office: Actor, teacher: Actor, principal: Actor, township: Actor, subsidy: Actor;
  const ming = makeResidentId('640422', '2014-03-05', 301, 'male');
  const hua = makeResidentId('640422', '2015-04-06', 302, 'female');
  const lost = makeResidentId('640422', '2013-05-07', 303, 'male');
  const stray = makeResidentId('640422', '2013-06-08', 304, 'female');
  const roster = (grade: string) =>
    [
      '姓名,身份证号,学校,年级,班级,学籍号',
      `马小明,${ming},${SCHOOL},${grade},2班,G${ming}`,
      `杨小花,${hua},${SCHOOL},四年级,1班,`,
      `李走丢,${lost},不存在的学校,五年级,1班,`,
    ].join('\n');
  const upload = (actor: Actor, source: string, csv: string, name: string) =>
    t.http().post(`/api/registers/${source}/imports`).set(actor.auth).attach('file', Buffer.from(csv), name);
  const studentByName = async (actor: Actor, name: string) =>
    (await actor.get(`/api/students?q=${encodeURIComponent(name)}`)).items[0] as { id: string; status: string; grade: string };
  const entriesOf = async (kind: string, name: string) =>
    (
      (await office.get(`/api/ledgers/${kind}?pageSize=500`)).items as {
        id: string;
        studentName: string;
        status: string;
        caseId: string | null;
        source: string;
      }[]
    ).filter((e) => e.studentName === name);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [office, teacher, principal, township, subsidy] = await Promise.all(
      ['basic-edu', 'teacher', 'principal', 'township', 'subsidy'].map((u) => Actor.as(t, u)),
    );
  });
  afterAll(() => t.close());

  it('the 学籍名册 import creates students, updates them on the next import, and names the rows it could not place', async () => {
    const first = await upload(office, 'student', roster('四年级'), '学籍名册.csv').expect(201);
    expect(first.body.students).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.students.unplaced).toEqual([{ row: 4, field: 'school', message: expect.stringContaining('不存在的学校') }]);
    const created = await studentByName(teacher, '马小明');
    expect(created).toMatchObject({ status: 'enrolled', grade: '四年级' });

    const second = await upload(office, 'student', roster('五年级'), '学籍名册-9月.csv').expect(201);
    expect(second.body.students).toMatchObject({ created: 0, updated: 2 });
    expect(await studentByName(teacher, '马小明')).toMatchObject({ id: created.id, grade: '五年级' });
  });

  it('a class teacher reports a missing student: a 疑似辍学 entry, a case in the child file, the status 疑似辍学', async () => {
    const child = await studentByName(teacher, '马小明');
    const res = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(teacher.auth)
      .send({ studentId: child.id, reason: '连续缺课', since: isoDay(-5) })
      .expect(201);
    expect(res.body).toMatchObject({ joinedExisting: false });
    await settle(t);
    const [entry] = await entriesOf('suspected-dropout', '马小明');
    expect(entry).toMatchObject({ id: res.body.entryId, status: 'in-progress', caseId: res.body.instanceId, source: 'report' });
    const file = await teacher.get(`/api/students/${child.id}/file`);
    expect(file.instances).toContainEqual(expect.objectContaining({ id: res.body.instanceId, key: 'persuasion-return' }));
    expect(file.student.status).toBe('suspected-dropout');
    expect(await teacher.sees(res.body.instanceId, 'persuade')).toBe(true);

    // the same child again: refused at the field, nothing new on the ledger
    const again = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(teacher.auth)
      .send({ studentId: child.id, reason: '开学未到校', since: isoDay(-1) })
      .expect(409);
    expect(again.body.details).toEqual([{ field: 'studentId', message: expect.stringContaining('已在疑似辍学台账中') }]);
  });

  it('the comparison finding the same child does not enter them twice; a child it found first is taken into the report', async () => {
    const household = ['姓名,身份证号,乡镇', `马小明,${ming},吉强镇`, `杨小花,${hua},吉强镇`].join('\n');
    await upload(office, 'household', household, '户籍.csv').expect(201);
    await upload(office, 'enrolment', ['姓名,身份证号,学校', `某某,${stray},${SCHOOL}`].join('\n'), '在校名单.csv').expect(201);
    const run = await t
      .http()
      .post('/api/comparisons')
      .set(office.auth)
      .send({ referenceDate: isoDay(0) })
      .expect(201);
    expect(run.body.counts.suspectedDropout).toBeGreaterThanOrEqual(2);
    expect(await entriesOf('suspected-dropout', '马小明')).toHaveLength(1);
    const [found] = await entriesOf('suspected-dropout', '杨小花');
    expect(found).toMatchObject({ status: 'open', caseId: null, source: 'comparison' });

    const girl = await studentByName(teacher, '杨小花');
    const res = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(teacher.auth)
      .send({ studentId: girl.id, reason: '开学未到校', since: isoDay(-3) })
      .expect(201);
    expect(res.body).toMatchObject({ entryId: found.id, joinedExisting: true });
    expect(await entriesOf('suspected-dropout', '杨小花')).toEqual([expect.objectContaining({ id: found.id, status: 'in-progress' })]);
    const history = await office.get(`/api/ledgers/suspected-dropout/${found.id}/history`);
    expect(history.events.map((e: { action: string }) => e.action)).toEqual(['created', 'seen-again', 'case-started']);
  });

  it("the case's end signs the entry off and the procedure sets the student 已复学, with the history in the file", async () => {
    const child = await studentByName(teacher, '马小明');
    const [entry] = await entriesOf('suspected-dropout', '马小明');
    const id = entry.caseId!;
    await teacher.complete(id, 'persuade', {
      dropoutCause: 'learning-difficulty',
      visits: [{ visitNo: 1, visitDate: isoDay(0), visitors: '马老师', method: 'home-visit', outcome: '学生同意返校' }],
      returned: true,
    });
    expect((await studentByName(teacher, '马小明')).status).toBe('returned');
    await principal.complete(id, 'placement', { placement: 'original-class', returnDate: isoDay(1), className: '五年级（2）班' });
    await settle(t, 31 * DAY + HOUR);
    await teacher.complete(id, 'followUp', { stillInSchool: true, followUpNote: '跟踪一个月，按时到校' });
    expect(await entriesOf('suspected-dropout', '马小明')).toEqual([expect.objectContaining({ status: 'signed-off', caseId: id })]);
    const file = await teacher.get(`/api/students/${child.id}/file`);
    expect(file.student.status).toBe('returned');
    expect(
      file.statusHistory.map((h: { fromStatus: string; toStatus: string; instanceId: string }) => [h.fromStatus, h.toStatus, h.instanceId]),
    ).toEqual([
      ['enrolled', 'suspected-dropout', id],
      ['suspected-dropout', 'returned', id],
    ]);
  });

  it('township staff enter a child found door to door as a person; bad ID check digits and phones are refused at the field', async () => {
    const person = {
      name: '马某',
      idNumber: stray,
      householdAddress: '西吉县吉强镇北坡村三组',
      guardian: '马某某（父亲）',
      phone: '13800000011',
    };
    const wrongCheck = stray.slice(0, 17) + (stray[17] === '0' ? '1' : '0');
    const bad = await t
      .http()
      .post('/api/ledgers/school-age/entries')
      .set(township.auth)
      .send({
        person: { ...person, idNumber: wrongCheck, phone: '12345' },
        orgUnit: '640422100',
        reason: '适龄未入学',
        since: isoDay(-30),
        source: 'door-to-door',
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['person.idNumber', 'person.phone']);
    expect(bad.body.details.find((d: { field: string }) => d.field === 'person.idNumber').message).toContain('校验位');
    const ok = await t
      .http()
      .post('/api/ledgers/school-age/entries')
      .set(township.auth)
      .send({
        person: { ...person, phone: '0954-7012345' },
        orgUnit: '640422100',
        reason: '适龄未入学',
        since: isoDay(-30),
        source: 'door-to-door',
      })
      .expect(201);
    const [entry] = await entriesOf('school-age', '马某');
    expect(entry).toMatchObject({ id: ok.body.entryId, status: 'in-progress', source: 'door-to-door' });
  });

  it('role and scope: another school is "not there", a role without ledger.report is refused', async () => {
    const other = await t.login('teacher2');
    const child = await studentByName(teacher, '马小明');
    await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set({ Authorization: `Bearer ${other}` })
      .send({ studentId: child.id, reason: '连续缺课', since: isoDay(-1) })
      .expect(404);
    const refused = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(subsidy.auth)
      .send({ studentId: child.id, reason: '连续缺课', since: isoDay(-1) })
      .expect(403);
    expect(refused.body.message).toContain(SCHOOL);
    const future = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(teacher.auth)
      .send({ studentId: child.id, reason: '', since: isoDay(2) })
      .expect(400);
    expect(future.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['reason', 'since']);
  });

  it('Longde\'s parameter reportCheck "after-school-check": the principal checks first, a child found at school is signed off', async () => {
    await t.seedSecondCounty();
    await deployPackage(t, '640423', 'ld-designer');
    const [ldTeacher, ldPrincipal] = await Promise.all(['ld-teacher', 'ld-principal'].map((u) => Actor.as(t, u)));
    const child = await studentAt(ldTeacher, '64042310001', 1);
    const res = await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(ldTeacher.auth)
      .send({ studentId: child.id, reason: '开学未到校', since: isoDay(-2) })
      .expect(201);
    const id = res.body.instanceId as string;
    await settle(t);
    expect(await ldTeacher.sees(id, 'persuade')).toBe(false);
    await ldPrincipal.complete(id, 'schoolCheck', { stillMissing: false, checkDate: isoDay(0), checkNote: '已到校，因病迟到两天' });
    expect((await ldPrincipal.instance(id)).state).toBe('completed');
    const history = await ldPrincipal.get(`/api/ledgers/suspected-dropout/${res.body.entryId}/history`);
    expect(history.entry.status).toBe('signed-off');
    expect((await ldTeacher.get(`/api/students/${child.id}`)).status).toBe('enrolled');
  });
});
