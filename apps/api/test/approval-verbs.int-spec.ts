import { Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { resources } from './support/workflow-fixtures';

type Task = { id: string; activityId: string; instanceId: string; assignee: string | null };
const SCHOOL = '64042210001';

/**
 * The approval verbs of issue #17 through the real API: 加签 before, after and in parallel, 撤回, 抄送 by hand and by
 * model (with 抄送我的 and the copy's read access), 批量审批 of 20 with one failing, 催办 (counted, rate-limited) —
 * each a line in the student file and an entry in the audit log.
 */
describe('approval verbs', () => {
  let t: TestApp;
  let teacher: string, principal: string, township: string, basicEdu: string, teacher2: string, admin: string, registrar: string;
  let student: Student;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    [teacher, principal, township, basicEdu, teacher2, admin, registrar] = await Promise.all(
      ['teacher', 'principal', 'township', 'basic-edu', 'teacher2', 'admin', 'registrar'].map((u) => t.login(u)),
    );
    student = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: `/640422/640422100/${SCHOOL}/` });
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: resources('approval-verbs.bpmn', 'principal-review.form.json') })
      .expect(201);
  });
  afterAll(() => t.close());

  const tasksOf = async (token: string, instanceId: string): Promise<Task[]> =>
    (await t.http().get('/api/tasks?pageSize=200').set(bearer(token)).expect(200)).body.items.filter(
      (x: Task) => x.instanceId === instanceId,
    );
  /** a case started by the teacher with its application submitted: the review waits for the principal */
  const caseAtReview = async (): Promise<{ instanceId: string; review: Task }> => {
    const started = await t
      .http()
      .post('/api/process-definitions/key/verbs-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: SCHOOL, studentId: student.id })
      .expect(201);
    const [apply] = await tasksOf(teacher, started.body.id);
    await t.http().post(`/api/tasks/${apply.id}/complete`).set(bearer(teacher)).send({ data: {} }).expect(201);
    const [review] = await tasksOf(principal, started.body.id);
    expect(review).toMatchObject({ activityId: 'review' });
    return { instanceId: started.body.id, review };
  };
  const approve = { decision: 'approve', comment: '同意' };
  const fileEvents = async () =>
    (await t.http().get(`/api/students/${student.id}/file`).set(bearer(principal)).expect(200)).body.events as {
      kind: string;
      title: string;
    }[];
  const auditActions = async (want: string[]) => {
    // the audit entry is written after the response (coalesced): look again until it is there, as a person would
    for (;;) {
      const res = await t.http().get('/api/admin/audit?entity=tasks&pageSize=200').set(bearer(admin)).expect(200);
      const actions = res.body.items.map((e: { action: string }) => e.action);
      if (want.every((w) => actions.includes(w))) return actions as string[];
      await new Promise((r) => setImmediate(r));
    }
  };

  it('加签 before: the step goes to the added signer, then back to its holder; after: on to the signer, whose approval completes it', async () => {
    const { instanceId, review } = await caseAtReview();
    const added = await t
      .http()
      .post(`/api/tasks/${review.id}/signers`)
      .set(bearer(principal))
      .send({ usernames: ['basic-edu'], mode: 'before' })
      .expect(201);
    expect(added.body.signing).toMatchObject({ mode: 'before', open: true, signers: [{ displayName: '张基教（演示）', state: 'active' }] });
    expect(await tasksOf(principal, instanceId)).toHaveLength(0);
    const [atSigner] = await tasksOf(basicEdu, instanceId);
    expect(atSigner.id).toBe(review.id);
    const signed = await t
      .http()
      .post(`/api/tasks/${review.id}/complete`)
      .set(bearer(basicEdu))
      .send({ data: { decision: 'approve', comment: '县里同意' } })
      .expect(201);
    expect(signed.body.signed).toMatchObject({ state: 'approved', opinion: '县里同意' });
    const [back] = await tasksOf(principal, instanceId);
    expect(back).toMatchObject({ id: review.id, state: 'created' });

    await t
      .http()
      .post(`/api/tasks/${review.id}/signers`)
      .set(bearer(principal))
      .send({ usernames: ['township'], mode: 'after' })
      .expect(201);
    await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(201);
    const [atAfter] = await tasksOf(township, instanceId);
    expect(atAfter.id).toBe(review.id);
    await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(township)).send({ data: approve }).expect(201);
    const instance = await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(principal)).expect(200);
    expect(instance.body.state).toBe('completed');

    const lines = (await fileEvents()).filter((e) => ['signers-added', 'signed'].includes(e.kind)).map((e) => e.title);
    expect(lines).toEqual(expect.arrayContaining(['前加签：张基教（演示）', '加签签署：同意（县里同意）', '后加签：杨乡镇（演示）']));
    await auditActions(['POST /api/tasks/:id/signers']);
  });

  it('会签 in parallel: the holder cannot complete until the round is decided; 或签 is decided by one approval', async () => {
    const { review } = await caseAtReview();
    await t
      .http()
      .post(`/api/tasks/${review.id}/signers`)
      .set(bearer(principal))
      .send({ usernames: ['township', 'basic-edu'], mode: 'parallel', policy: 'any' })
      .expect(201);
    const refused = await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(409);
    expect(refused.body.message).toContain('2 人未签署');
    await t.http().post(`/api/tasks/${review.id}/sign`).set(bearer(teacher2)).send({ decision: 'approve' }).expect(404);
    const voted = await t
      .http()
      .post(`/api/tasks/${review.id}/sign`)
      .set(bearer(township))
      .send({ decision: 'approve', opinion: '可以' })
      .expect(201);
    expect(voted.body).toMatchObject({ outcome: 'approved', signing: { policy: 'any', open: false } });
    await t.http().post(`/api/tasks/${review.id}/sign`).set(bearer(basicEdu)).send({ decision: 'reject' }).expect(404);
    await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(201);
    expect((await fileEvents()).map((e) => e.title)).toContain('会签结果：通过');
  });

  it('撤回: the submitter takes the case back while the next step is untouched, not once it is claimed', async () => {
    const { instanceId, review } = await caseAtReview();
    await t.http().post(`/api/tasks/${review.id}/withdraw`).set(bearer(principal)).send({}).expect(403);
    const withdrawn = await t.http().post(`/api/tasks/${review.id}/withdraw`).set(bearer(teacher)).send({ reason: '材料填错' }).expect(201);
    expect(withdrawn.body.openTasks).toEqual([expect.objectContaining({ activityId: 'apply' })]);
    expect(await tasksOf(principal, instanceId)).toHaveLength(0);
    const [apply] = await tasksOf(teacher, instanceId);
    await t.http().post(`/api/tasks/${apply.id}/complete`).set(bearer(teacher)).send({ data: {} }).expect(201);
    const [again] = await tasksOf(principal, instanceId);
    await t.http().post(`/api/tasks/${again.id}/claim`).set(bearer(principal)).expect(201);
    const late = await t.http().post(`/api/tasks/${again.id}/withdraw`).set(bearer(teacher)).send({}).expect(409);
    expect(late.body.message).toContain('不能撤回');
    const history = (await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(teacher)).expect(200)).body.history;
    expect(history.filter((h: { type: string }) => h.type === 'task-withdrawn')).toHaveLength(1);
    expect((await fileEvents()).map((e) => e.title)).toContain('撤回：校长审批（材料填错）');
    await auditActions(['POST /api/tasks/:id/withdraw']);
  });

  it('抄送 by hand and by model: the copy is listed under 抄送我的 and its reader may open the case', async () => {
    const { instanceId, review } = await caseAtReview();
    const bad = await t
      .http()
      .post(`/api/tasks/${review.id}/cc`)
      .set(bearer(principal))
      .send({ usernames: ['nobody'] })
      .expect(400);
    expect(bad.body.details[0].field).toBe('usernames');
    // #14 point 1: a teacher at another school is out of the principal's reach — refused like an unknown name
    await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(teacher2)).expect(404);
    const away = await t
      .http()
      .post(`/api/tasks/${review.id}/cc`)
      .set(bearer(principal))
      .set('Accept-Language', 'zh-CN')
      .send({ usernames: ['teacher2'] })
      .expect(400);
    expect(away.body.details[0]).toMatchObject({ field: 'usernames', message: expect.stringContaining('teacher2') });
    await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(teacher2)).expect(404);
    const copied = await t
      .http()
      .post(`/api/tasks/${review.id}/cc`)
      .set(bearer(principal))
      .send({ usernames: ['registrar'] })
      .expect(201);
    expect(copied.body).toMatchObject({ copied: 1, names: ['李学籍（演示）'] });
    const mine = (await t.http().get('/api/tasks?scope=cc').set(bearer(registrar)).expect(200)).body;
    expect(mine.items[0]).toMatchObject({
      instanceId,
      stepName: '校长审批',
      source: 'hand',
      byName: '王校长（演示）',
      studentId: student.id,
    });
    await t.http().get(`/api/process-instances/${instanceId}`).set(bearer(registrar)).expect(200);
    // a copy reads, never works: the step is not in the reader's inbox
    expect(await tasksOf(registrar, instanceId)).toHaveLength(0);

    await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(201);
    const byModel = (await t.http().get('/api/tasks?scope=cc').set(bearer(township)).expect(200)).body.items;
    expect(byModel.find((c: { instanceId: string }) => c.instanceId === instanceId)).toMatchObject({ source: 'model' });
    const notices = (await t.http().get('/api/notifications').set(bearer(township)).expect(200)).body;
    expect(JSON.stringify(notices)).toContain('抄送：校长审批');
    expect((await fileEvents()).some((e) => e.kind === 'copied' && e.title.includes('李学籍'))).toBe(true);
    await auditActions(['POST /api/tasks/:id/cc']);
  });

  it('批量审批 of 20 tasks with one failing: 19 completed each with its own history, the failure reported with its reason', async () => {
    const cases = [];
    for (let i = 0; i < 20; i++) cases.push(await caseAtReview());
    // one of them is decided by hand first: the batch finds it done
    await t.http().post(`/api/tasks/${cases[7].review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(201);
    const res = await t
      .http()
      .post('/api/tasks/batch-complete')
      .set(bearer(principal))
      .set('Accept-Language', 'zh-CN')
      .send({ taskIds: cases.map((c) => c.review.id), data: { decision: 'approve', comment: '批量同意' } })
      .expect(201);
    expect(res.body).toMatchObject({ completed: 19, failed: 1 });
    const failed = res.body.results.filter((r: { status: string }) => r.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ taskId: cases[7].review.id, code: 'TASK_NOT_ACTIVE' })]);
    expect(failed[0].error).toContain('不再处于待办');
    for (const c of [cases[0], cases[19]]) {
      const history = (await t.http().get(`/api/process-instances/${c.instanceId}`).set(bearer(principal)).expect(200)).body.history;
      expect(
        history.filter((h: { type: string; elementId: string }) => h.type === 'task-completed' && h.elementId === 'review'),
      ).toHaveLength(1);
    }
    expect((await fileEvents()).filter((e) => e.kind === 'batch-approved')).toHaveLength(19);
    const big = await t
      .http()
      .post('/api/tasks/batch-complete')
      .set(bearer(principal))
      .send({ taskIds: Array.from({ length: 101 }, (_, i) => `t${i}`), data: approve })
      .expect(400);
    expect(big.body.details[0].field).toBe('taskIds');
    const audit = await auditActions(['POST /api/tasks/batch-complete']);
    expect(audit.filter((a) => a === 'POST /api/tasks/batch-complete').length).toBeGreaterThanOrEqual(19);
  });

  it('批量审批 is refused per task for a step whose model does not allow it', async () => {
    const started = await t
      .http()
      .post('/api/process-definitions/key/verbs-approval/start')
      .set(bearer(teacher))
      .send({ orgUnit: SCHOOL })
      .expect(201);
    const [apply] = await tasksOf(teacher, started.body.id);
    const res = await t
      .http()
      .post('/api/tasks/batch-complete')
      .set(bearer(teacher))
      .send({ taskIds: [apply.id], data: {} })
      .expect(201);
    expect(res.body.results[0]).toMatchObject({ status: 'failed', code: 'VALIDATION_FAILED' });
    expect(res.body.results[0].error).toContain('不允许批量审批');
  });

  it('催办 by the starter and a supervisor: counted, told to the holder, refused to others and when too frequent', async () => {
    const { review } = await caseAtReview();
    const first = await t.http().post(`/api/tasks/${review.id}/urge`).set(bearer(teacher)).send({ message: '家长着急' }).expect(201);
    expect(first.body).toMatchObject({ count: 1, notified: 1 });
    const again = await t.http().post(`/api/tasks/${review.id}/urge`).set(bearer(teacher)).send({}).expect(429);
    expect(again.body.message).toContain('催办过于频繁');
    await t.http().post(`/api/tasks/${review.id}/urge`).set(bearer(teacher2)).send({}).expect(404);
    const bySupervisor = await t.http().post(`/api/tasks/${review.id}/urge`).set(bearer(township)).send({}).expect(201);
    expect(bySupervisor.body.count).toBe(2);
    const detail = (await t.http().get(`/api/tasks/${review.id}`).set(bearer(principal)).expect(200)).body;
    expect(detail.urgeCount).toBe(2);
    const notices = JSON.stringify((await t.http().get('/api/notifications').set(bearer(principal)).expect(200)).body);
    expect(notices).toContain('第 2 次催办');
    expect((await fileEvents()).map((e) => e.title)).toContain('催办（第 1 次）：校长审批（家长着急）');
    await auditActions(['POST /api/tasks/:id/urge']);
  });
});
