import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './support/test-app';
import { createTestDatabase, onPostgres, TestDatabase } from './support/test-database';

/**
 * Several API processes on one database, as production runs them: completions of the same tasks from both
 * processes at once take effect exactly once, due timers fire exactly once, and a process killed with
 * SIGKILL in the middle of the work loses no token — the survivor takes over its jobs when their locks expire.
 * On PostgreSQL the processes run side by side. SQLite is one process by design (DESIGN.md), so there the
 * second "process" is started only after the first is killed.
 */
const root = path.join(__dirname, '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class ApiProcess {
  child: ChildProcess;
  constructor(
    readonly port: number,
    db: TestDatabase,
  ) {
    this.child = spawn(process.execPath, ['tools/scripts/start-api.js'], {
      cwd: root,
      // The server's own log beside its data, to read when an answer was a 500.
      stdio: [
        'ignore',
        fs.openSync(path.join(db.dataDir, `server-${port}.log`), 'a'),
        fs.openSync(path.join(db.dataDir, `server-${port}.log`), 'a'),
      ],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: db.dataDir,
        JWT_SECRET: TEST_JWT_SECRET,
        DEMO_PASSWORD,
        LOG_LEVEL: 'warn',
        WEB_DIST: '/nonexistent',
        SEED_DEMO_CASES: 'false',
        JOB_POLL_MS: '200',
        JOB_LOCK_MS: '1500',
        PORT: String(port),
        ...(db.url ? { DATABASE_URL: db.url } : {}),
      },
    });
  }

  async ready() {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`process on ${this.port} never became healthy`);
  }

  async call(method: string, url: string, token?: string, body?: unknown) {
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  async login(username: string) {
    return (await this.call('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD })).body.accessToken as string;
  }

  kill() {
    this.child.kill('SIGKILL');
  }
}

describe(`several API processes on one ${onPostgres() ? 'PostgreSQL' : 'SQLite'} database`, () => {
  let db: TestDatabase;
  const procs: ApiProcess[] = [];
  let ds: DataSource;
  beforeAll(async () => {
    const build = spawnSync('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`API build failed:\n${build.stdout}${build.stderr}`);
    db = await createTestDatabase();
  }, 180_000);
  afterAll(async () => {
    for (const p of procs) p.kill();
    if (ds?.isInitialized) await ds.destroy();
    await db.drop();
  });

  const port = () => 40000 + Math.floor(Math.random() * 5000);
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);

  it('completes each task once, fires each timer once, and loses no token when a process is killed', async () => {
    const a = new ApiProcess(port(), db);
    procs.push(a);
    await a.ready();
    const b = onPostgres() ? new ApiProcess(port(), db) : null;
    if (b) {
      procs.push(b);
      await b.ready();
    }
    const designer = await a.login('designer');
    const deployed = await a.call('POST', '/api/deployments', designer, {
      resources: [
        { name: 'one-approval.bpmn', content: fixture('one-approval.bpmn') },
        { name: 'timer-wait.bpmn', content: fixture('timer-wait.bpmn') },
      ],
    });
    expect(deployed.status).toBe(201);
    const teacher = await a.login('teacher');
    for (let i = 0; i < 100; i++) {
      expect((await a.call('POST', '/api/process-definitions/key/one-approval/start', teacher, { orgUnit: '64042210001' })).status).toBe(
        201,
      );
      expect((await a.call('POST', '/api/process-definitions/key/timer-wait/start', teacher, { orgUnit: '64042210001' })).status).toBe(201);
    }

    // 200 attempts: each of the 100 tasks completed through both processes at once.
    const principalA = await a.login('principal');
    const second = b ?? a;
    const principalB = await second.login('principal');
    const inbox = await a.call('GET', '/api/tasks?pageSize=200', principalA);
    expect(inbox.body.total).toBe(100);
    const attempts = await Promise.all(
      inbox.body.items.flatMap((task: { id: string }) => [
        a.call('POST', `/api/tasks/${task.id}/complete`, principalA, { data: {} }),
        second.call('POST', `/api/tasks/${task.id}/complete`, principalB, { data: {} }),
      ]),
    );
    const statuses = attempts.map((r) => r.status);
    expect(attempts.filter((r) => r.status !== 201 && r.status !== 409).map((r) => [r.status, r.body])).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);

    // Kill one process while timers are falling due; the other (or a restarted one on SQLite) finishes the work.
    await sleep(700);
    a.kill();
    let survivor = b;
    if (!survivor) {
      survivor = new ApiProcess(port(), db);
      procs.push(survivor);
      await survivor.ready();
    }
    ds = new DataSource(
      db.url ? { type: 'postgres', url: db.url } : { type: 'better-sqlite3', database: path.join(db.dataDir, 'kcbx.sqlite') },
    );
    await ds.initialize();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await count(`SELECT COUNT(*) AS n FROM bpmn_instance WHERE state = 'active'`)) > 0) await sleep(300);
    expect(await count(`SELECT COUNT(*) AS n FROM bpmn_instance WHERE state = 'completed'`)).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM bpmn_history WHERE type = 'timer-fired'`)).toBe(100);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM (SELECT "instanceId" FROM bpmn_history WHERE type = 'timer-fired' GROUP BY "instanceId" HAVING COUNT(*) > 1) x`,
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM bpmn_history WHERE type = 'task-completed'`)).toBe(100);
    expect(await count(`SELECT COUNT(*) AS n FROM bpmn_execution`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM bpmn_job`)).toBe(0);
  }, 240_000);
});
