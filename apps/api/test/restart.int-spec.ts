import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { bearer, DEMO_PASSWORD, startTestApp, TEST_JWT_SECRET } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const root = path.join(__dirname, '..', '..', '..');

describe('restarts and several processes on one database', () => {
  it('keeps all data across a restart, and the old token still works', async () => {
    const first = await startTestApp();
    const admin = await first.login('admin');
    await first
      .http()
      .post('/api/admin/org-units')
      .set(bearer(admin))
      .send({ code: '64042220009', name: '新营乡中心小学分校', kind: 'school', parentCode: '640422200' })
      .expect(201);
    await first.stop();

    const second = await startTestApp({ db: first.db });
    try {
      const units = await second.http().get('/api/org-units').set(bearer(admin)).expect(200);
      expect(units.body.map((u: { code: string }) => u.code)).toContain('64042220009');
      const [{ n }] = await second.ds.query('SELECT COUNT(*) AS n FROM tenant');
      expect(Number(n)).toBe(1);
    } finally {
      await second.close();
    }
  });

  describe('two API processes started at once', () => {
    let db: TestDatabase;
    const children: ReturnType<typeof spawn>[] = [];
    beforeAll(async () => {
      const build = spawnSync('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`API build failed:\n${build.stdout}${build.stderr}`);
      db = await createTestDatabase();
    }, 120_000);
    afterAll(async () => {
      for (const c of children) c.kill('SIGKILL');
      await db.drop();
    });

    it('migrates once, seeds once, and both serve', async () => {
      // Ports the system says are free now: a random fixed range collided with other suites' ephemeral ports (EADDRINUSE).
      const ports = [await freePort(), await freePort()];
      while (ports[1] === ports[0]) ports[1] = await freePort();
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: db.dataDir,
        JWT_SECRET: TEST_JWT_SECRET,
        DEMO_PASSWORD,
        LOG_LEVEL: 'warn',
        WEB_DIST: '/nonexistent',
        ...(db.url ? { DATABASE_URL: db.url } : {}),
      };
      const logs = ports.map((port) => path.join(db.dataDir, `api-${port}.log`));
      ports.forEach((port, n) => {
        const log = fs.openSync(logs[n], 'a');
        children.push(
          spawn(process.execPath, ['tools/scripts/start-api.js'], {
            cwd: root,
            env: { ...env, PORT: String(port) },
            stdio: ['ignore', log, log],
          }),
        );
        fs.closeSync(log);
      });
      for (const [n, port] of ports.entries()) await waitForHealth(port, logs[n]);
      const tokens = await Promise.all(ports.map((port) => login(port)));
      expect(tokens.every((tk) => typeof tk === 'string' && tk.length > 20)).toBe(true);

      const ds = new DataSource(
        db.url ? { type: 'postgres', url: db.url } : { type: 'better-sqlite3', database: path.join(db.dataDir, 'kcbx.sqlite') },
      );
      await ds.initialize();
      try {
        const migrations = await ds.query('SELECT name FROM migrations');
        expect(new Set(migrations.map((m: { name: string }) => m.name)).size).toBe(migrations.length);
        const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM app_user WHERE username = 'admin'");
        expect(Number(n)).toBe(1);
      } finally {
        await ds.destroy();
      }
    }, 90_000);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Waits for the process's health answer; fails with the end of its log (a crash or a hang says why there). */
async function waitForHealth(port: number, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '(no log)';
  throw new Error(`no /api/health on ${port}; its log ends:\n${log}`);
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  return (await res.json()).accessToken;
}
