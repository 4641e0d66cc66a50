import * as fs from 'fs';
import * as path from 'path';
import type { Response } from 'supertest';
import { Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { approvalResources, reviewedCase } from './support/workflow-fixtures';

/**
 * The HTTP surface of API.md, call by call: the happy path, the wrong role (403), another county's ids
 * (404, never 403), invalid data (400 with field details; form data in Chinese), and for tasks the races a
 * clerk meets — two completing at once (one wins, one 409) and a claim that went stale (409).
 */
const CJK = /[\u4e00-\u9fff]/;

function fieldErrors(res: Response, fields?: string[]) {
  expect(res.status).toBe(400);
  expect(Array.isArray(res.body.details) && res.body.details.length > 0).toBe(true);
  for (const d of res.body.details) expect(d).toEqual(expect.objectContaining({ field: expect.any(String), message: expect.any(String) }));
  if (fields) expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([...fields].sort());
  return res.body.details as { field: string; message: string }[];
}

describe('API.md, call by call', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let student: Student;
  beforeAll(async () => {
    // demo registers for the ledger calls, but not the demo procedures: this suite deploys its own
    t = await startTestApp({ env: { JOB_POLL_MS: '0', SEED_DEMO_CASES: 'true', SEED_DEMO_WORKFLOWS: 'false' } });
    await t.seedSecondCounty();
    for (const u of [
      'admin',
      'designer',
      'teacher',
      'teacher2',
      'principal',
      'basic-edu',
      'ld-admin',
      'ld-designer',
      'ld-teacher',
      'ld-principal',
      'ld-basic-edu',
    ])
      tok[u] = await t.login(u);
    student = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640422/640422100/64042210001/' });
    const persuasion = fs.readFileSync(path.join(__dirname, 'fixtures', 'persuasion-return.bpmn'), 'utf8');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(tok.designer))
      .send({
        resources: [
          ...approvalResources(),
          ...reviewedCase().filter((r) => r.name !== 'principal-review.form.json'),
          { name: 'persuasion-return.bpmn', content: persuasion },
        ],
      })
      .expect(201);
  });
  afterAll(() => t.close());
  const api = () => t.http();
  const firstTask = async (token: string) =>
    (await api().get('/api/tasks').set(bearer(token)).expect(200)).body.items[0] as { id: string; activityId: string };
  // started by the teacher, the first step (class-teacher) is theirs at once; started by the principal, it is offered
  const startLeave = async (starter = tok.teacher) =>
    (await api().post('/api/process-definitions/key/leave-approval/start').set(bearer(starter)).send({ studentId: student.id }).expect(201))
      .body as { id: string };
  const apply = { reason: 'illness', from: '2026-09-01', to: '2027-07-01' };

  describe('identity', () => {
    it('POST /api/auth/login: token; wrong password 401 in Chinese; missing fields 400 with fields', async () => {
      const ok = await api().post('/api/auth/login').send({ username: 'teacher', password: 'Test@2026pass' }).expect(200);
      expect(ok.body.accessToken).toEqual(expect.any(String));
      const wrong = await api().post('/api/auth/login').send({ username: 'teacher', password: 'nope' }).expect(401);
      expect(wrong.body.message).toBe('用户名或密码错误；账号已停用的，请联系管理员');
      fieldErrors(await api().post('/api/auth/login').send({ username: 'teacher' }), ['password']);
    });

    it('GET /api/me: the user, county and roles; no token 401', async () => {
      const me = await api().get('/api/me').set(bearer(tok['ld-teacher'])).expect(200);
      expect(JSON.stringify(me.body)).toContain('640423');
      await api().get('/api/me').expect(401);
    });

    it('GET /api/health answers without a token', async () => {
      await api().get('/api/health').expect(200);
    });

    it('OpenAPI at /api/docs lists the workflow calls beyond API.md too', async () => {
      const doc = await api().get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/process-definitions/startable',
          '/api/process-definitions/key/{key}/start-form',
          '/api/process-definitions/{id}/instances-count',
          '/api/process-instances',
          '/api/process-instances/{id}/variables',
          '/api/process-instances/{id}/incidents/{incidentId}/retry',
          '/api/tasks/{id}/return',
          '/api/tasks/{id}/delegate',
          '/api/tasks/{id}/comments',
          '/api/tasks/{id}/attachments',
          '/api/students/{id}/file',
          '/api/notifications',
          '/api/notifications/{id}/read',
          '/api/notifications/read-all',
        ]),
      );
    });
  });

  describe('procedures', () => {
    it('POST /api/deployments: 201 for a designer; 403 for a clerk; 400 listing every problem', async () => {
      const again = await api().post('/api/deployments').set(bearer(tok.designer)).send({ resources: approvalResources() }).expect(201);
      expect(again.body).toMatchObject({ processDefinitions: [{ key: 'leave-approval', version: 1 }] });
      await api().post('/api/deployments').set(bearer(tok.teacher)).send({ resources: approvalResources() }).expect(403);
      const bad = await api()
        .post('/api/deployments')
        .set(bearer(tok.designer))
        .send({
          resources: [
            { name: 'x.bpmn', content: '<nope' },
            { name: 'y.txt', content: '' },
          ],
        })
        .expect(400);
      expect(bad.body.details.map((d: { resource: string }) => d.resource).sort()).toEqual(['x.bpmn', 'y.txt']);
      expect(bad.body.details.every((d: { message: string }) => CJK.test(d.message))).toBe(true);
    });

    it("GET /api/process-definitions: the county's procedures only", async () => {
      const xiji = await api().get('/api/process-definitions').set(bearer(tok.teacher)).expect(200);
      expect(xiji.body.map((d: { key: string }) => d.key).sort()).toEqual(['leave-approval', 'persuasion-return', 'reviewed-case']);
      expect((await api().get('/api/process-definitions').set(bearer(tok['ld-teacher'])).expect(200)).body).toEqual([]);
      const id = xiji.body[0].id;
      await api().get(`/api/process-definitions/${id}/xml`).set(bearer(tok['ld-designer'])).expect(404);
    });

    it('POST /api/process-definitions/key/{key}/start: 201; 403 for a role that may not start; 404 in another county; 400 with Chinese field errors', async () => {
      const started = await startLeave();
      expect(started.id).toEqual(expect.any(String));
      await api()
        .post('/api/process-definitions/key/reviewed-case/start')
        .set(bearer(tok.principal))
        .send({ data: { reason: 'work', absentSince: '2026-11-02' } })
        .expect(403);
      await api().post('/api/process-definitions/key/leave-approval/start').set(bearer(tok['ld-teacher'])).send({}).expect(404);
      await api()
        .post('/api/process-definitions/key/leave-approval/start')
        .set(bearer(tok['ld-teacher']))
        .send({ studentId: student.id, orgUnit: '64042210001' })
        .expect(404);
      const bad = fieldErrors(
        await api()
          .post('/api/process-definitions/key/reviewed-case/start')
          .set(bearer(tok.teacher))
          .send({ data: { reason: 'flying', guardianPhone: '12' } }),
        ['/absentSince', '/guardianPhone', '/reason'],
      );
      expect(bad.every((d) => CJK.test(d.message))).toBe(true);
    });

    it('GET /api/process-instances/{id}: state, active steps, variables, history; 404 in another county or another school', async () => {
      const { id } = await startLeave();
      const got = await api().get(`/api/process-instances/${id}`).set(bearer(tok.principal)).expect(200);
      expect(got.body).toMatchObject({
        state: 'active',
        activeActivityIds: ['apply'],
        variables: { studentId: student.id },
        history: expect.any(Array),
      });
      await api().get(`/api/process-instances/${id}`).set(bearer(tok['ld-admin'])).expect(404);
      await api().get(`/api/process-instances/${id}`).set(bearer(tok.teacher2)).expect(404);
    });

    it('POST /api/messages: 403 for a clerk; 400 without a name; 404 when nobody waits', async () => {
      await api().post('/api/messages').set(bearer(tok.teacher)).send({ name: 'x' }).expect(403);
      fieldErrors(await api().post('/api/messages').set(bearer(tok.designer)).send({}), ['name']);
      const none = await api()
        .post('/api/messages')
        .set(bearer(tok.designer))
        .send({ name: 'returned', correlationKey: 'nobody' })
        .expect(404);
      expect(CJK.test(none.body.message)).toBe(true);
    });

    it('GET /api/forms/{key}: the latest or a pinned version; 404 in another county', async () => {
      const form = await api().get('/api/forms/leave-application?version=1').set(bearer(tok.teacher)).expect(200);
      expect(form.body).toMatchObject({ key: 'leave-application', version: 1 });
      await api().get('/api/forms/leave-application').set(bearer(tok['ld-teacher'])).expect(404);
      await api().get('/api/forms/leave-application?version=9').set(bearer(tok.teacher)).expect(404);
    });
  });

  describe('tasks', () => {
    it('GET /api/tasks?scope=mine|candidate|all: claimable, then mine after a claim; nothing for another school or county', async () => {
      await startLeave(tok.principal);
      const candidate = await api().get('/api/tasks?scope=candidate').set(bearer(tok.teacher)).expect(200);
      expect(candidate.body.total).toBeGreaterThan(0);
      const [task] = candidate.body.items;
      await api().post(`/api/tasks/${task.id}/claim`).set(bearer(tok.teacher)).expect(201);
      const mine = await api().get('/api/tasks?scope=mine').set(bearer(tok.teacher)).expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(task.id);
      expect(
        (await api().get('/api/tasks?scope=candidate').set(bearer(tok.teacher)).expect(200)).body.items.map((x: { id: string }) => x.id),
      ).not.toContain(task.id);
      expect((await api().get('/api/tasks?scope=all').set(bearer(tok.teacher2)).expect(200)).body.total).toBe(0);
      expect((await api().get('/api/tasks?scope=all').set(bearer(tok['ld-teacher'])).expect(200)).body.total).toBe(0);
      // The badges are the same whether they come with the unfiltered page or are counted on their own.
      const all = (await api().get('/api/tasks?scope=all&pageSize=1').set(bearer(tok.teacher)).expect(200)).body;
      const filtered = (await api().get('/api/tasks?scope=mine').set(bearer(tok.teacher)).expect(200)).body;
      expect(all.counts).toEqual(filtered.counts);
      expect(all.counts.mine).toBeGreaterThan(0);
      expect(all.counts.mine + all.counts.candidate).toBe(all.total);
    });

    it('GET /api/tasks/{id}: form, field permissions, data; 404 in another county and another school', async () => {
      const task = await firstTask(tok.teacher);
      const detail = await api().get(`/api/tasks/${task.id}`).set(bearer(tok.teacher)).expect(200);
      expect(detail.body).toMatchObject({ form: { key: 'leave-application' }, fieldPermissions: { decision: 'hidden' } });
      await api().get(`/api/tasks/${task.id}`).set(bearer(tok['ld-teacher'])).expect(404);
      await api().get(`/api/tasks/${task.id}`).set(bearer(tok.teacher2)).expect(404);
    });

    it('POST /api/tasks/{id}/claim and /unclaim: a stale claim (someone else took it) is 409; another county 404; only the holder gives it back', async () => {
      await startLeave(tok.principal);
      const admin = tok.admin;
      await api()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({
          username: 'teacher-b',
          password: 'Ban5Zhu8Ren',
          displayName: '白老师',
          roles: [{ role: 'class-teacher', orgUnit: '64042210001' }],
        })
        .expect(201);
      const other = await t.login('teacher-b', 'Ban5Zhu8Ren');
      const open = (await api().get('/api/tasks?scope=candidate').set(bearer(other)).expect(200)).body.items[0];
      await api().post(`/api/tasks/${open.id}/claim`).set(bearer(tok.teacher)).expect(201);
      const stale = await api().post(`/api/tasks/${open.id}/claim`).set(bearer(other)).expect(409);
      expect(stale.body).toMatchObject({ error: 'TASK_ALREADY_CLAIMED', message: '该任务已被他人认领' });
      await api().post(`/api/tasks/${open.id}/claim`).set(bearer(tok['ld-teacher'])).expect(404);
      await api().post(`/api/tasks/${open.id}/unclaim`).set(bearer(other)).expect(409);
      await api().post(`/api/tasks/${open.id}/unclaim`).set(bearer(tok.principal)).expect(404);
      await api().post(`/api/tasks/${open.id}/unclaim`).set(bearer(tok.teacher)).expect(201);
      await api().post(`/api/tasks/${open.id}/claim`).set(bearer(other)).expect(201);
      await api().post(`/api/tasks/${open.id}/complete`).set(bearer(other)).send({ data: apply }).expect(201);
      // claiming a step that has meanwhile been done is just as stale
      await api().post(`/api/tasks/${open.id}/claim`).set(bearer(tok.teacher)).expect(409);
    });

    it('POST /api/tasks/{id}/complete: 400 with Chinese field errors and nothing changes; 404 in another county; two at once → one 201, one 409', async () => {
      const { id } = await startLeave();
      const task = (await api().get('/api/tasks?scope=all&pageSize=200').set(bearer(tok.teacher)).expect(200)).body.items.find(
        (x: { instanceId: string }) => x.instanceId === id,
      );
      const bad = fieldErrors(
        await api()
          .post(`/api/tasks/${task.id}/complete`)
          .set(bearer(tok.teacher))
          .send({ data: { reason: 'illness', from: 'tomorrow' } }),
        ['/from', '/to'],
      );
      expect(bad.every((d) => CJK.test(d.message))).toBe(true);
      await api().post(`/api/tasks/${task.id}/complete`).set(bearer(tok['ld-teacher'])).send({ data: apply }).expect(404);
      expect((await api().get(`/api/process-instances/${id}`).set(bearer(tok.teacher)).expect(200)).body.activeActivityIds).toEqual([
        'apply',
      ]);
      const both = await Promise.all(
        [tok.teacher, await t.login('teacher-b', 'Ban5Zhu8Ren')].map((k) =>
          api().post(`/api/tasks/${task.id}/complete`).set(bearer(k)).send({ data: apply }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const after = await api().get(`/api/process-instances/${id}`).set(bearer(tok.teacher)).expect(200);
      expect(after.body.history.filter((h: { type: string }) => h.type === 'task-completed')).toHaveLength(1);
      expect(after.body.activeActivityIds).toEqual(['review']);
    });
  });

  describe('organisation (admin)', () => {
    it("GET /api/org-units: the caller's county only", async () => {
      const xiji = await api().get('/api/org-units').set(bearer(tok.teacher)).expect(200);
      const ld = await api().get('/api/org-units').set(bearer(tok['ld-teacher'])).expect(200);
      expect(JSON.stringify(xiji.body)).toContain('64042210001');
      expect(JSON.stringify(ld.body)).not.toContain('64042210001');
    });

    it("POST /api/admin/org-units: 201 for an admin; 403 for a clerk; 400 with fields; another county's parent is not found", async () => {
      await api()
        .post('/api/admin/org-units')
        .set(bearer(tok.admin))
        .send({ code: '64042210009', name: '吉强镇测试小学', kind: 'school', parentCode: '640422100' })
        .expect(201);
      await api()
        .post('/api/admin/org-units')
        .set(bearer(tok.teacher))
        .send({ code: '64042210008', name: '某小学', kind: 'school', parentCode: '640422100' })
        .expect(403);
      fieldErrors(
        await api().post('/api/admin/org-units').set(bearer(tok.admin)).send({ name: '', kind: 'castle', parentCode: '640422100' }),
      );
      const cross = await api()
        .post('/api/admin/org-units')
        .set(bearer(tok['ld-admin']))
        .send({ code: '64042210007', name: '越界小学', kind: 'school', parentCode: '640422100' });
      expect([400, 404]).toContain(cross.status);
      expect(JSON.stringify((await api().get('/api/org-units').set(bearer(tok.admin)).expect(200)).body)).not.toContain('越界小学');
    });

    it('GET and POST /api/admin/roles: 200/201 for an admin; 403 for a clerk; 400 with fields', async () => {
      const roles = await api().get('/api/admin/roles').set(bearer(tok.admin)).expect(200);
      expect(roles.body.map((r: { key: string }) => r.key)).toContain('class-teacher');
      await api().get('/api/admin/roles').set(bearer(tok.teacher)).expect(403);
      await api().post('/api/admin/roles').set(bearer(tok.admin)).send({ key: 'home-teacher', name: '送教教师' }).expect(201);
      await api().post('/api/admin/roles').set(bearer(tok.teacher)).send({ key: 'x-role', name: 'x' }).expect(403);
      fieldErrors(await api().post('/api/admin/roles').set(bearer(tok.admin)).send({ name: '' }));
      expect(
        (await api().get('/api/admin/roles').set(bearer(tok['ld-admin'])).expect(200)).body.map((r: { key: string }) => r.key),
      ).not.toContain('home-teacher');
    });

    it("GET and POST /api/admin/users: 200/201 for an admin; 403 for a clerk; 400 with fields; another county's unit refused", async () => {
      const users = await api().get('/api/admin/users').set(bearer(tok.admin)).expect(200);
      expect(JSON.stringify(users.body)).not.toContain('ld-teacher');
      await api().get('/api/admin/users').set(bearer(tok.teacher)).expect(403);
      await api()
        .post('/api/admin/users')
        .set(bearer(tok.admin))
        .send({
          username: 'new-clerk',
          password: 'Clerk12345',
          displayName: '新文员',
          roles: [{ role: 'registrar', orgUnit: '64042210001' }],
        })
        .expect(201);
      fieldErrors(await api().post('/api/admin/users').set(bearer(tok.admin)).send({ username: '', roles: 'x' }));
      const cross = await api()
        .post('/api/admin/users')
        .set(bearer(tok['ld-admin']))
        .send({
          username: 'ld-cross',
          password: 'Clerk12345',
          displayName: '越界',
          roles: [{ role: 'registrar', orgUnit: '64042210001' }],
        });
      expect([400, 404]).toContain(cross.status);
    });
  });

  describe('registers, comparison, ledgers', () => {
    it('POST /api/registers/{source}/imports: 201 with rows and rejects by row; 403 for a clerk; 400 without a file; an unknown source is not found', async () => {
      const csv = '姓名,身份证号,性别,出生日期,乡镇,村\n马一,640422201401100013,男,2014-01-10,吉强镇,北坡村\n';
      const res = await api()
        .post('/api/registers/household/imports')
        .set(bearer(tok['basic-edu']))
        .attach('file', Buffer.from(csv), '户籍.csv');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), rows: 1 });
      await api()
        .post('/api/registers/household/imports')
        .set(bearer(tok.teacher))
        .attach('file', Buffer.from(csv), '户籍.csv')
        .expect(403);
      await api()
        .post('/api/registers/nonsense/imports')
        .set(bearer(tok['basic-edu']))
        .attach('file', Buffer.from(csv), 'x.csv')
        .expect(404);
      expect((await api().post('/api/registers/household/imports').set(bearer(tok['basic-edu']))).status).toBe(400);
    });

    it('POST /api/comparisons: 201 with counts; 403 for a clerk', async () => {
      const res = await api().post('/api/comparisons').set(bearer(tok['basic-edu'])).expect(201);
      expect(res.body.counts).toEqual(expect.objectContaining({ unregistered: expect.any(Number), suspectedDropout: expect.any(Number) }));
      await api().post('/api/comparisons').set(bearer(tok.teacher)).expect(403);
    });

    it('GET /api/ledgers/{kind}: entries in scope with masked IDs; none of another county', async () => {
      const xiji = await api().get('/api/ledgers/suspected-dropout').set(bearer(tok['basic-edu'])).expect(200);
      expect(xiji.body.total).toBeGreaterThan(0);
      expect(xiji.body.items[0].idNumberMasked).toMatch(/\*{4,}/);
      const ld = await api().get('/api/ledgers/suspected-dropout').set(bearer(tok['ld-basic-edu'])).expect(200);
      expect(ld.body.items.map((x: { id: string }) => x.id)).not.toContain(xiji.body.items[0].id);
    });

    it('POST /api/ledgers/{kind}/{entryId}/persuasion: 201 with the instance; 403 for a clerk; 404 for another county; 409 when already running', async () => {
      const [entry] = (await api().get('/api/ledgers/suspected-dropout?status=open').set(bearer(tok['basic-edu'])).expect(200)).body.items;
      await api().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(tok.teacher)).expect(403);
      await api().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(tok['ld-basic-edu'])).expect(404);
      const started = await api().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(tok['basic-edu'])).expect(201);
      expect(JSON.stringify(started.body)).toMatch(/instanceId|"id"/);
      await api().post(`/api/ledgers/suspected-dropout/${entry.id}/persuasion`).set(bearer(tok['basic-edu'])).expect(409);
    });
  });
});
