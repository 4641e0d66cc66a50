import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// A county's own installation from nothing needs a fresh database of the kind under test (SQLite or PostgreSQL).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, TestDatabase } from '../../../apps/api/test/support/test-database';
import { call, login, ROOT, runTools, RunningServer, startServer } from './support/real-processes';

const COUNTY = '640522'; // 海原县, not shipped in counties/: new-county makes it
const ADMIN_PASSWORD = 'Haiyuan-Jiaoyu-2026';
const JWT_SECRET = 'first-day-secret-first-day-secret-0123456789';
const ID_NUMBER = '640522201503010020'; // a valid resident ID (check character included) of the new county

/**
 * Issue #20, acceptance 1 — IT's first day in a new county, with real processes and real HTTP on the database under
 * test: new-county → seed --database → create-admin → the server starts → the admin logs in and creates a
 * teacher → the teacher logs in and starts a procedure. On PostgreSQL the server runs in production mode and, started
 * before create-admin, prints how to make the first administrator instead of seeding the demo county.
 */
describe('IT’s first day: a county’s own server from nothing', () => {
  let db: TestDatabase;
  let work: string;
  let env: Record<string, string>;
  let server: RunningServer | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    // the county's working folder as in a checkout of the repository: the shipped forms and procedures, and the
    // demo county's folder, whose roles.json new-county copies as the standard roles
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-first-day-'));
    fs.cpSync(path.join(ROOT, 'counties', '640422'), path.join(work, 'counties', '640422'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'forms'), path.join(work, 'forms'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'workflows'), path.join(work, 'workflows'), { recursive: true });
    env = db.url
      ? { DATABASE_URL: db.url, DATA_DIR: db.dataDir, NODE_ENV: 'production', JWT_SECRET }
      : { DATA_DIR: db.dataDir, NODE_ENV: 'development', SEED_DEMO: 'false', JWT_SECRET };
  });
  afterAll(async () => {
    await server?.stop();
    await db.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('new-county, seed, create-admin, start; the admin makes a teacher who starts a procedure', async () => {
    const made = runTools(work, env, 'new-county', '--code', COUNTY);
    expect(made.code).toBe(0);
    expect(fs.existsSync(path.join(work, 'counties', COUNTY, 'org-units.json'))).toBe(true);

    const seeded = runTools(work, env, 'seed', '--county', COUNTY, '--database');
    expect(`${seeded.out}${seeded.err}`).toMatch(/流程 procedures: 新增 created [1-9]/);
    expect(seeded.code).toBe(0);

    if (db.url) {
      // production, PostgreSQL: the first start says what to do, and loads no demo county
      server = await startServer(env, path.join(db.dataDir, 'before-admin.log'));
      expect(server.log()).toContain(`县 ${COUNTY}（海原县）还没有系统管理员`);
      expect(server.log()).toContain(`npm run tools -- create-admin --county ${COUNTY}`);
      await call(server.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'Xiji@2026' }, expect: 401 });
      await server.stop();
      server = null;
    }

    const weak = runTools(work, env, 'create-admin', '--county', COUNTY, '--username', 'hy-admin', '--database', '--password', 'password1');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('这是常见密码');

    const created = runTools(
      work,
      { ...env, KCBX_ADMIN_PASSWORD: ADMIN_PASSWORD },
      'create-admin',
      '--county',
      COUNTY,
      '--username',
      'hy-admin',
      '--database',
    );
    expect(created.err).toBe('');
    expect(created.out).toContain('已建立系统管理员 hy-admin：海原县（640522），角色 admin 系统管理员');
    expect(created.code).toBe(0);

    const again = runTools(
      work,
      env,
      'create-admin',
      '--county',
      COUNTY,
      '--username',
      'hy-admin',
      '--database',
      '--password',
      'Other-pass-2027',
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('用户 hy-admin 已存在于县 640522，未做任何更改');

    server = await startServer(env, path.join(db.dataDir, 'server.log'));
    expect(server.log()).not.toContain('还没有系统管理员');
    const url = server.url;
    // the second create-admin changed nothing: the first password still holds
    const admin = await login(url, 'hy-admin', ADMIN_PASSWORD);
    await call(url, 'POST', '/api/auth/login', { body: { username: 'hy-admin', password: 'Other-pass-2027' }, expect: 401 });
    const me = await call(url, 'GET', '/api/me', { token: admin });
    expect(me.tenant).toMatchObject({ code: COUNTY, name: '海原县' });

    const units = await call<{ code: string; kind: string }[]>(url, 'GET', '/api/org-units', { token: admin });
    const school = units.find((u) => u.kind === 'school')!;
    await call(url, 'POST', '/api/admin/users', {
      token: admin,
      body: {
        username: 'hy-teacher',
        password: 'Banzhuren-2026',
        displayName: '马老师',
        roles: [{ role: 'class-teacher', orgUnit: school.code }],
      },
    });

    const teacher = await login(url, 'hy-teacher', 'Banzhuren-2026');
    const startable = await call<{ key: string }[]>(url, 'GET', '/api/process-definitions/startable', { token: teacher });
    expect(startable.map((d) => d.key)).toContain('home-visit');
    // a home visit is about a child: the admin registers one, the teacher starts the visit for them and the
    // first step is already the teacher's (they hold its role), no claim needed
    const student = await call<{ id: string }>(url, 'POST', '/api/students', {
      token: admin,
      body: { name: '马小花', idNumber: ID_NUMBER, school: school.code },
    });
    await call(url, 'POST', '/api/process-definitions/key/home-visit/start', {
      token: teacher,
      body: { orgUnit: school.code },
      expect: 400,
    });
    const instance = await call(url, 'POST', '/api/process-definitions/key/home-visit/start', {
      token: teacher,
      body: { orgUnit: school.code, studentId: student.id },
    });
    expect(instance.state).toBe('active');
    const inbox = await call<{ items: { name: string; instanceId: string }[] }>(url, 'GET', '/api/tasks?scope=mine', {
      token: teacher,
    });
    expect(inbox.items.find((t) => t.instanceId === instance.id)?.name).toBe('填写家访记录');
  }, 900_000);
});
