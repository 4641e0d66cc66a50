import * as fs from 'fs';
import * as path from 'path';
import { AuditEntry, LedgerEntry, LedgerEvent, Notification, NotificationDelivery } from '../src/database/entities';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { JobWorker } from '../src/workflow/job-worker';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { reviewedCase } from './support/workflow-fixtures';

/**
 * Issue #14 points 1 and 11 (acceptance 3), on SQLite and PostgreSQL: a case reaches only the ledger entry the
 * platform linked it to, and a service task's effects (ledger event, notification, audit entry) are written
 * once, in the job's transaction, however often the step fails after its handler — the outbox row of the
 * notification's external channel with them (#17: sent from an outbox in the same transaction).
 */
describe('hardening (issue #14): case references and exactly-once effects', () => {
  let t: TestApp;
  let office: string;
  let teacher: string;
  beforeAll(async () => {
    // every user gets 企业微信 by the county's default: a step's notification then writes an outbox row too
    const channels = { '640422': { wecom: { webhook: 'http://127.0.0.1:9/unused' }, defaultChannels: ['wecom'] } };
    t = await startTestApp({
      env: { SEED_DEMO_CASES: 'true', JOB_POLL_MS: '0', NOTIFY_POLL_MS: '0', NOTIFY_CHANNELS: JSON.stringify(channels) },
    });
    office = await t.login('basic-edu');
    teacher = await t.login('teacher');
    const bpmn = fs.readFileSync(path.join(__dirname, 'fixtures', 'persuasion-return.bpmn'), 'utf8');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'persuasion-return.bpmn', content: bpmn }] })
      .expect(201);
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: reviewedCase() })
      .expect(201);
  });
  afterAll(() => t.close());

  const openEntries = (school: string) =>
    t.ds
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .where("e.kind = 'suspected-dropout' AND e.status = 'open' AND e.orgUnitPath LIKE :p", { p: `%/${school}/` })
      .orderBy('e.idNumber')
      .getMany();

  describe('#14.1 scope on every client-given reference', () => {
    it("given a teacher's own student and another school's ledger entry in variables, then the start is refused at variables.ledgerEntryId and the entry is untouched", async () => {
      const [other] = await openEntries('64042210002');
      expect(other).toBeDefined();
      const { body: students } = await t.http().get('/api/students?pageSize=1').set(bearer(teacher)).expect(200);
      const res = await t
        .http()
        .post('/api/process-definitions/key/persuasion-return/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210001', studentId: students.items[0].id, variables: { ledgerEntryId: other.id } })
        .expect(400);
      expect(res.body.details[0]).toMatchObject({
        field: 'variables.ledgerEntryId',
        message: 'ledgerEntryId 由平台设置，不能在发起时指定',
      });
      expect((await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: other.id })).status).toBe('open');
    });

    it("#14.5 given __proto__, constructor, toString or hasOwnProperty among a start's variables, then 400 naming the key, and no case starts", async () => {
      const { body: students } = await t.http().get('/api/students?pageSize=1').set(bearer(teacher)).expect(200);
      const before = Number((await t.ds.query('SELECT COUNT(*) AS n FROM bpmn_instance'))[0].n);
      const start = (variables: string) =>
        t
          .http()
          .post('/api/process-definitions/key/persuasion-return/start')
          .set(bearer(teacher))
          .set('Content-Type', 'application/json')
          // raw JSON: a client object literal would not carry an own __proto__ key
          .send(`{"orgUnit":"64042210001","studentId":"${students.items[0].id}","variables":${variables}}`);
      for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const res = await start(`{"${key}":{"admin":true}}`).expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: key, message: `不接受键名 ${key}（它不是数据）` })]);
      }
      // the same words inside text are data
      await start('{"note":"\\"__proto__\\": is only text"}').expect(201);
      expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM bpmn_instance'))[0].n)).toBe(before + 1);
    });

    it('given a ledgerEntryId that reached a case some other way (an operator setting variables), then set-ledger-status refuses it with an incident', async () => {
      const [other] = await openEntries('64042210002');
      const { body: students } = await t.http().get('/api/students?pageSize=1').set(bearer(teacher)).expect(200);
      const started = await t
        .http()
        .post('/api/process-definitions/key/persuasion-return/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210001', studentId: students.items[0].id })
        .expect(201);
      // the operator path refuses it too
      await t
        .http()
        .patch(`/api/process-instances/${started.body.id}/variables`)
        .set(bearer(await t.login('designer')))
        .send({ variables: { ledgerEntryId: other.id } })
        .expect(400);
      // a process author's mapping could still put one there (here: the engine's own API, past the HTTP checks);
      // set-ledger-status checks the entry's case itself and the step stops in a failure instead
      const tenantId = (await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: other.id })).tenantId;
      await t.app.get(Engine).setVariables({ tenantId, instanceId: started.body.id, variables: { ledgerEntryId: other.id }, userId: null });
      const inbox = await t.http().get('/api/tasks').set(bearer(teacher)).expect(200);
      const task = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
      await t
        .http()
        .post(`/api/tasks/${task.id}/complete`)
        .set(bearer(teacher))
        .send({ data: { returned: true } })
        .expect(201);
      expect(await t.app.get(JobWorker).tick()).toMatchObject({ done: 0, failed: 1 });
      const [job] = await t.app.get(Engine).listJobs(tenantId, started.body.id);
      expect(job.lastError).toMatch(/belongs to another case/);
      expect((await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: other.id })).status).toBe('open');
    });

    it("given another school's student id, then 404 and the attempt is audited", async () => {
      const [other] = await openEntries('64042210002');
      const res = await t
        .http()
        .post('/api/process-definitions/key/persuasion-return/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210001', studentId: other.studentId })
        .expect(404);
      expect(res.body.error).toBe('NOT_FOUND');
      await new Promise((r) => setTimeout(r, 200));
      expect(await t.ds.getRepository(AuditEntry).findOneBy({ action: 'scope.denied', entityId: other.studentId! })).toBeTruthy();
    });
  });

  describe('#14.1 attachments and users a client names are checked like the rest', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ownStudent = async () => (await t.http().get('/api/students?pageSize=1').set(bearer(teacher)).expect(200)).body.items[0];
    const startCase = (token: string, data: Record<string, unknown>, studentId: string) =>
      t
        .http()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(token))
        .set('Accept-Language', 'zh-CN')
        .send({ studentId, data });

    it("given another school's upload in a start form's file field, then 400 at that field, no case, and the attempt audited", async () => {
      const up = await t
        .http()
        .post('/api/attachments')
        .set(bearer(await t.login('teacher2')))
        .attach('file', pdf, '别校证明.pdf')
        .expect(201);
      const student = await ownStudent();
      const instances = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM bpmn_instance'))[0].n);
      const before = await instances();
      const certificate = { id: up.body.id, name: '别校证明.pdf', type: 'application/pdf', size: pdf.length };
      const res = await startCase(teacher, { reason: 'work', absentSince: '2026-11-02', certificate }, student.id).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: '/certificate', message: '附件不存在或您无权查看' })]);
      // nested in a list, and a made-up id shaped like a file, too
      const nested = await startCase(
        teacher,
        { reason: 'work', absentSince: '2026-11-02', certificate, extra: [{ id: up.body.id, name: 'x' }] },
        student.id,
      );
      expect(nested.status).toBe(400);
      expect(await instances()).toBe(before);
      await new Promise((r) => setTimeout(r, 200));
      expect(
        await t.ds.getRepository(AuditEntry).findOneBy({ action: 'scope.denied', entity: 'attachments', entityId: up.body.id }),
      ).toBeTruthy();
      // the teacher's own upload is filed as before
      const mine = await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', pdf, '本校证明.pdf').expect(201);
      await startCase(
        teacher,
        { reason: 'work', absentSince: '2026-11-02', certificate: { ...certificate, id: mine.body.id } },
        student.id,
      ).expect(201);
    });

    it("given an upload a township official filed with the case, then a school clerk's form may send it back; one never filed is refused", async () => {
      const student = await ownStudent();
      const started = await startCase(teacher, { reason: 'work', absentSince: '2026-11-02' }, student.id).expect(201);
      const [principal, township] = [await t.login('principal'), await t.login('township')];
      const stepOf = async (token: string) =>
        (await t.http().get('/api/tasks').set(bearer(token)).expect(200)).body.items.find(
          (x: { instanceId: string }) => x.instanceId === started.body.id,
        );
      await t
        .http()
        .post(`/api/tasks/${(await stepOf(principal)).id}/complete`)
        .set(bearer(principal))
        .send({ data: { decision: 'approve', comment: '同意' } })
        .expect(201);
      const check = await stepOf(township);
      const filed = await t.http().post('/api/attachments').set(bearer(township)).attach('file', pdf, '乡镇核实记录.pdf').expect(201);
      const loose = await t.http().post('/api/attachments').set(bearer(township)).attach('file', pdf, '未归档.pdf').expect(201);
      await t.http().post(`/api/tasks/${check.id}/attachments`).set(bearer(township)).send({ attachmentId: filed.body.id }).expect(201);
      await t.http().post(`/api/tasks/${check.id}/return`).set(bearer(township)).send({ reason: '请补充' }).expect(201);
      const again = await stepOf(principal);
      const send = (id: string) =>
        t
          .http()
          .post(`/api/tasks/${again.id}/complete`)
          .set(bearer(principal))
          .send({ data: { decision: 'approve', comment: '已补充', record: { id, name: 'x.pdf' } } });
      const keywords = async (id: string) => ((await send(id)).body.details ?? []).map((d: { keyword?: string }) => d.keyword);
      expect(await keywords(loose.body.id)).toContain('attachmentScope');
      // the case's own file passes the reference check (the form itself then has no such field)
      expect(await keywords(filed.body.id)).not.toContain('attachmentScope');
    });

    it('given a user at another school named for 加签 or 抄送, then 400 at usernames and nothing is added; a user within reach is taken', async () => {
      const student = await ownStudent();
      const started = await startCase(teacher, { reason: 'work', absentSince: '2026-11-02' }, student.id).expect(201);
      const principal = await t.login('principal');
      const inbox = await t.http().get('/api/tasks').set(bearer(principal)).expect(200);
      const review = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
      for (const [verb, body] of [
        ['signers', { usernames: ['teacher2'], mode: 'after' }],
        ['signers', { usernames: ['township', 'teacher2'], mode: 'parallel' }],
        ['cc', { usernames: ['teacher2'] }],
      ] as const) {
        const res = await t
          .http()
          .post(`/api/tasks/${review.id}/${verb}`)
          .set(bearer(principal))
          .set('Accept-Language', 'zh-CN')
          .send(body)
          .expect(400);
        expect(res.body.details[0]).toMatchObject({ field: 'usernames', message: expect.stringContaining('teacher2') });
      }
      const summary = await t.http().get(`/api/tasks/${review.id}`).set(bearer(principal)).expect(200);
      expect(JSON.stringify(summary.body)).not.toContain('海老师');
      await t
        .http()
        .get(`/api/process-instances/${started.body.id}`)
        .set(bearer(await t.login('teacher2')))
        .expect(404);
      // the township official's scope covers the case: a signer within reach
      await t
        .http()
        .post(`/api/tasks/${review.id}/signers`)
        .set(bearer(principal))
        .send({ usernames: ['township'], mode: 'after' })
        .expect(201);
    });
  });

  describe('#14.11 one unit of work: a failure after the handler, then the retry', () => {
    /** The database itself refuses the step's leaving: the failure comes after set-ledger-status ran. */
    async function refuseLeaving() {
      const when = `NEW."type" = 'activity-left' AND NEW."elementId" = 'signOff'`;
      if (t.db.kind === 'sqlite') {
        await t.ds.query(
          `CREATE TRIGGER refuse_leaving BEFORE INSERT ON bpmn_history WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure after the handler'); END`,
        );
        return;
      }
      await t.ds.query(
        `CREATE FUNCTION refuse_leaving() RETURNS trigger AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION 'injected failure after the handler'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await t.ds.query('CREATE TRIGGER refuse_leaving BEFORE INSERT ON bpmn_history FOR EACH ROW EXECUTE FUNCTION refuse_leaving()');
    }
    async function allowLeaving() {
      if (t.db.kind === 'sqlite') return void (await t.ds.query('DROP TRIGGER refuse_leaving'));
      await t.ds.query('DROP TRIGGER refuse_leaving ON bpmn_history');
      await t.ds.query('DROP FUNCTION refuse_leaving()');
    }

    it('given a task completion whose audit entry is refused, then nothing of it stays (step open, no notice); the retry leaves one of each', async () => {
      const student = (await t.http().get('/api/students?pageSize=1').set(bearer(teacher)).expect(200)).body.items[0];
      const started = await t
        .http()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(teacher))
        .send({ studentId: student.id, data: { reason: 'work', absentSince: '2026-11-02' } })
        .expect(201);
      const instanceId = started.body.id as string;
      const principal = await t.login('principal');
      const review = (await t.http().get('/api/tasks').set(bearer(principal)).expect(200)).body.items.find(
        (x: { instanceId: string }) => x.instanceId === instanceId,
      );
      const when = `NEW.action = 'POST /api/tasks/:id/complete' AND NEW."entityId" = '${review.id}'`;
      if (t.db.kind === 'sqlite') {
        await t.ds.query(
          `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entry WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure at the audit entry'); END`,
        );
      } else {
        await t.ds.query(
          `CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION 'injected failure at the audit entry'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
        );
        await t.ds.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION refuse_audit()');
      }
      const effects = async () => {
        const next = await t.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ instanceId, activityId: 'township' });
        const notices = next.length ? await t.ds.getRepository(Notification).findBy({ taskId: next[0].id, kind: 'task-available' }) : [];
        return {
          nextSteps: next.length,
          notices: notices.length,
          noticeUsers: new Set(notices.map((n) => n.userId)).size,
          audit: await t.ds.getRepository(AuditEntry).countBy({ action: 'POST /api/tasks/:id/complete', entityId: review.id }),
        };
      };
      const approve = { decision: 'approve', comment: '同意' };
      try {
        const failed = await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve });
        expect(failed.status).toBeGreaterThanOrEqual(500);
      } finally {
        if (t.db.kind === 'sqlite') await t.ds.query('DROP TRIGGER refuse_audit');
        else {
          await t.ds.query('DROP TRIGGER refuse_audit ON audit_entry');
          await t.ds.query('DROP FUNCTION refuse_audit()');
        }
      }
      expect(await effects()).toEqual({ nextSteps: 0, notices: 0, noticeUsers: 0, audit: 0 });
      await t.http().post(`/api/tasks/${review.id}/complete`).set(bearer(principal)).send({ data: approve }).expect(201);
      const after = await effects();
      expect(after).toMatchObject({ nextSteps: 1, audit: 1 });
      expect(after.notices).toBeGreaterThan(0);
      expect(after.notices).toBe(after.noticeUsers);
      await new Promise((r) => setTimeout(r, 200)); // nothing more follows the response
      expect(await effects()).toEqual(after);
    });

    it('given set-ledger-status whose step fails after the handler, when retried, then exactly one ledger event, one notification, one outbox delivery and one audit entry', async () => {
      const [entry] = await openEntries('64042210001');
      const started = await t.http().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(office)).expect(201);
      const instanceId = started.body.id as string;
      const inbox = await t.http().get('/api/tasks').set(bearer(teacher)).expect(200);
      const task = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === instanceId);
      await t
        .http()
        .post(`/api/tasks/${task.id}/complete`)
        .set(bearer(teacher))
        .send({ data: { returned: true } })
        .expect(201);

      const counts = async () => {
        const notifications = await t.ds.getRepository(Notification).findBy({ instanceId, kind: 'ledger-signed-off' });
        return {
          events: await t.ds.getRepository(LedgerEvent).countBy({ entryId: entry.id, action: 'signed-off' }),
          notifications: notifications.length,
          deliveries: notifications.length
            ? await t.ds.getRepository(NotificationDelivery).countBy({ notificationId: notifications[0].id, channel: 'wecom' })
            : 0,
          audit: await t.ds.getRepository(AuditEntry).countBy({ entityId: entry.id, action: 'ledger.signed-off' }),
        };
      };
      await refuseLeaving();
      try {
        // (the earlier test's refused job may fail again beside it)
        expect((await t.app.get(JobWorker).tick()).done).toBe(0);
      } finally {
        await allowLeaving();
      }
      expect(await counts()).toEqual({ events: 0, notifications: 0, deliveries: 0, audit: 0 });
      expect((await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: entry.id })).status).toBe('in-progress');

      // the retry, once its backoff has passed
      expect((await t.app.get(JobWorker).tick(Date.now() + 10 * 60_000)).done).toBe(1);
      expect(await counts()).toEqual({ events: 1, notifications: 1, deliveries: 1, audit: 1 });
      expect((await t.ds.getRepository(LedgerEntry).findOneByOrFail({ id: entry.id })).status).toBe('signed-off');
      expect((await t.app.get(JobWorker).tick(Date.now() + 20 * 60_000)).done).toBe(0);
      expect(await counts()).toEqual({ events: 1, notifications: 1, deliveries: 1, audit: 1 });
    });
  });
});
