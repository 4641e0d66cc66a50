import { Actor, DAY, deployPackage, isoDay, settle, studentAt } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const SCHOOL = '64042210001'; // 吉强镇中心小学, where the demo teacher, principal and registrar work
const HOUR = 3600 * 1000;

const visit = (no: number, visitors: string, returned: boolean, outcome = returned ? '学生同意返校' : '家长仍不同意') => ({
  dropoutCause: 'learning-difficulty',
  visits: [{ visitNo: no, visitDate: isoDay(0), visitors, method: 'home-visit', outcome }],
  returned,
});

/**
 * 劝返复学 from the Xiji package, walked by the demo users: the "12357" ladder (class teacher 1 day,
 * principal 2, township 3 and 5, bureau 7, then the bureau leadership) comes from county-parameters; a step left
 * past its limit escalates to the next by timer; a return leads to placement, a follow-up period and 销号.
 */
describe('package: persuasion to return (劝返复学)', () => {
  let t: TestApp;
  let office: Actor, teacher: Actor, principal: Actor, township: Actor, leader: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO_CASES: 'true', JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [office, teacher, principal, township, leader] = await Promise.all(
      ['basic-edu', 'teacher', 'principal', 'township', 'bureau'].map((u) => Actor.as(t, u)),
    );
  });
  afterAll(() => t.close());

  it('given a suspected dropout on the ledger, when visits fail and a step times out, then it escalates; when the child returns and stays, the entry is signed off', async () => {
    const [entry] = (await office.get(`/api/ledgers/suspected-dropout?orgUnit=${SCHOOL}`)).items as { id: string; studentId: string }[];
    const started = await t.http().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(office.auth).expect(201);
    const id = started.body.id as string;

    // step 1: the class teacher visits within a day; the family still refuses
    const step1 = await teacher.task(id, 'persuade');
    expect(step1.candidateGroups).toEqual(['class-teacher']);
    expect(new Date(step1.dueAt!).getTime() - Date.now()).toBeGreaterThan(DAY - HOUR);
    await teacher.complete(id, 'persuade', visit(1, '马老师', false));

    // step 2: offered to the principal with a 2-day limit; nobody acts, the timer escalates to the township
    const step2 = await principal.task(id, 'persuade');
    const detail = await principal.get(`/api/tasks/${step2.id}`);
    expect(detail.data.ladderStep).toBe('第2级：校领导会同村委会入户劝返（2日内）');
    expect(detail.fieldPermissions).toEqual({ ladderStep: 'readonly' });
    expect(await teacher.sees(id, 'persuade')).toBe(false);
    expect(await settle(t, DAY)).toBe(0); // not yet due after one day
    await settle(t, 2 * DAY + HOUR);
    expect(await principal.sees(id, 'persuade')).toBe(false);
    const step3 = await township.task(id, 'persuade');
    expect(step3.candidateGroups).toEqual(['township-official']);

    // step 3: the township brings the child back; placement and a 30-day follow-up follow
    await township.complete(id, 'persuade', {
      ...visit(2, '杨乡镇、王校长、村委会主任', true),
      visits: [
        { visitNo: 1, visitDate: isoDay(0), visitors: '马老师', method: 'home-visit', outcome: '家长仍不同意' },
        { visitNo: 2, visitDate: isoDay(0), visitors: '杨乡镇、王校长、村委会主任', method: 'village-meeting', outcome: '学生同意返校' },
      ],
    });
    await principal.complete(id, 'placement', { placement: 'original-class', returnDate: isoDay(3), className: '五年级（2）班' });
    expect((await office.instance(id)).activeActivityIds).toEqual(['followUpWait']);
    expect(await teacher.sees(id, 'followUp')).toBe(false);
    await settle(t, 2 * DAY + HOUR + 30 * DAY + HOUR);
    await teacher.complete(id, 'followUp', { stillInSchool: true, followUpNote: '跟踪一个月，按时到校' });

    // then: case closed, ledger entry signed off by the procedure, everything in the student's file
    expect((await office.instance(id)).state).toBe('completed');
    const after = (await office.get(`/api/ledgers/suspected-dropout?orgUnit=${SCHOOL}`)).items.find(
      (e: { id: string }) => e.id === entry.id,
    );
    expect(after).toMatchObject({ status: 'signed-off', caseId: id });
    const history = await office.get(`/api/ledgers/suspected-dropout/${entry.id}/history`);
    // The case ran past 30 days, so the child was also put on the dropout ledger: a line of its own, no change of status.
    expect(history.events.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
      ['created', 'open'],
      ['case-started', 'in-progress'],
      ['promoted', 'in-progress'],
      ['signed-off', 'signed-off'],
    ]);
    const file = await principal.studentFile(entry.studentId);
    const mine = file.submissions.filter((s) => ['persuasion-visit', 'persuasion-placement', 'persuasion-follow-up'].includes(s.formKey));
    expect(mine.map((s) => s.formKey)).toEqual(['persuasion-visit', 'persuasion-visit', 'persuasion-placement', 'persuasion-follow-up']);
    expect((mine[1].data.visits as unknown[]).length).toBe(2);
    expect(file.instances.find((i) => i.key === 'persuasion-return')?.state).toBe('completed');
  });

  it('given a child nobody brings back, when every step of the ladder times out, then the bureau leadership (局领导) takes the legal steps and may close it as a lawful exit', async () => {
    const child = await studentAt(teacher, SCHOOL, 2);
    const { id } = await teacher.start('persuasion-return', { orgUnit: SCHOOL, studentId: child.id });
    // the ladder, step by step, each left to run out: 1 + 2 + 3 + 5 + 7 days
    const owners = [teacher, principal, township, township, office];
    let clock = 0;
    for (const [n, days] of [1, 2, 3, 5, 7].entries()) {
      expect(await owners[n].sees(id, 'persuade')).toBe(true);
      clock += days * DAY + HOUR;
      await settle(t, clock);
    }
    const legal = await leader.task(id, 'legal');
    expect(legal.candidateGroups).toEqual(['bureau-leader']);
    // the county's decision table (workflows/persuasion-partners.dmn) names the departments to bring in: with no
    // cause recorded, only the village committee
    expect((await leader.taskDetail(legal.id)).formData).toMatchObject({ partnersText: '村委会（社区）' });
    const timeline = (await office.instance(id)).history.filter((h) => h.type === 'timer-fired');
    expect(timeline).toHaveLength(5);

    // "continue" runs the ladder again from the class teacher; the child is then found to have moved away
    await leader.complete(id, 'legal', {
      legalMeasure: 'order-to-correct',
      legalOutcome: 'continue',
      legalNote: '已下达责令限期改正通知书',
    });
    expect(await teacher.sees(id, 'persuade')).toBe(true);
    // this time the class teacher's visit finds the cause: an early marriage
    await teacher.complete(id, 'persuade', { ...visit(1, '马老师', false), dropoutCause: 'early-marriage' });
    for (const days of [1, 2, 3, 5, 7]) {
      clock += days * DAY + HOUR;
      await settle(t, clock);
    }
    const again = await leader.task(id, 'legal');
    expect((await leader.taskDetail(again.id)).formData).toMatchObject({ partnersText: '妇联、公安、司法部门、村委会（社区）' });
    await leader.complete(id, 'legal', { legalMeasure: 'other', legalOutcome: 'lawful-exit', legalNote: '已随父母迁往外省并在当地入学' });
    const done = await office.instance(id);
    expect(done.state).toBe('completed');
    expect(done.incidents).toEqual([]);
    expect(done.history.some((h) => h.elementId === 'signOff')).toBe(false); // not from a ledger: nothing to sign off
    const file = await teacher.studentFile(child.id);
    expect(file.instances.map((i) => [i.key, i.state])).toContainEqual(['persuasion-return', 'completed']);
  });

  it('given a returned child who drops out again during the follow-up, then persuasion starts over from the first step', async () => {
    const child = await studentAt(teacher, SCHOOL, 3);
    const { id } = await teacher.start('persuasion-return', { orgUnit: SCHOOL, studentId: child.id });
    await teacher.complete(id, 'persuade', visit(1, '马老师', true));
    await principal.complete(id, 'placement', { placement: 'separate-class', returnDate: isoDay(1) });
    await settle(t, 31 * DAY);
    await teacher.complete(id, 'followUp', { stillInSchool: false, followUpNote: '返校两周后再次外出打工' });
    const again = await teacher.task(id, 'persuade');
    expect(again.candidateGroups).toEqual(['class-teacher']);
    expect((await office.instance(id)).variables.returned).toBe(false);
  });
});
