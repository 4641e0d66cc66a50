import ExcelJS from 'exceljs';
import * as jwt from 'jsonwebtoken';
import * as net from 'net';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { AuditService } from '../src/audit-log/audit.service';
import { createApp } from '../src/app.factory';
import { AuditEntry, AuthSession, User } from '../src/database/entities';
import { bearer, DEMO_PASSWORD, startTestApp, TestApp, testConfig, TEST_JWT_SECRET } from './support/test-app';
import { createTestDatabase } from './support/test-database';

/** Issue #14 (hardening before a pilot): each test names the point it pins. Runs on SQLite and PostgreSQL. */
describe('hardening (issue #14)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());
  // Every test here logs in from 127.0.0.1: one test's deliberate failures must not delay the next one's logins.
  afterEach(() => t.ds.query('DELETE FROM login_throttle'));

  /** A raw connection, for requests supertest cannot make (half-sent bodies, lying Content-Length). */
  function rawRequest(head: string, body = ''): { socket: net.Socket; response: Promise<string> } {
    const socket = net.connect(port, '127.0.0.1');
    socket.write(head + body);
    const response = new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (c) => {
        data += c.toString('latin1');
        // the whole error body is in: the answer is complete even if the connection stays open
        if (/\r\n\r\n[\s\S]*\}$/.test(data)) resolve(data);
      });
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    return { socket, response };
  }

  const within = <T>(ms: number, p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

  describe('#14.2 uploads and bodies are read without holding the SQLite gate; limits while streaming', () => {
    it('given a half-sent 100 KB upload, when another user asks GET /api/me, then it answers at once', async () => {
      const token = await t.login('teacher');
      const boundary = 'kcbxBoundary';
      const partHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const { socket } = rawRequest(
        `POST /api/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${100 * 1024}\r\n\r\n`,
        partHead + '%PDF-1.4\n' + ' '.repeat(50 * 1024),
      );
      try {
        const bystander = await t.login('principal');
        const started = Date.now();
        await within(5000, t.http().get('/api/me').set(bearer(bystander)).expect(200));
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        socket.destroy();
      }
    });

    it('given an upload declaring 50 MB, then 413 comes before a byte of it is sent', async () => {
      const token = await t.login('teacher');
      const { socket, response } = rawRequest(
        `POST /api/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
      );
      try {
        const head = await within(5000, response);
        expect(head).toMatch(/^HTTP\/1\.1 413 /);
        expect(head).toContain('"error":"PAYLOAD_TOO_LARGE"');
      } finally {
        socket.destroy();
      }
    });

    it('given a JSON body declaring 11 MB, then 413 before it is read; malformed or 10,000 deep JSON is 400, not 500', async () => {
      const { socket, response } = rawRequest(
        `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${11 * 1024 * 1024}\r\n\r\n`,
        '{"username":"',
      );
      try {
        expect(await within(5000, response)).toMatch(/^HTTP\/1\.1 413 [\s\S]*"error":"PAYLOAD_TOO_LARGE"/);
      } finally {
        socket.destroy();
      }
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const tooDeep = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep).expect(400);
      expect(tooDeep.body).toMatchObject({ error: 'JSON_TOO_DEEP', message: '请求内容嵌套超过 64 层' });
      const broken = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
      expect(broken.body.error).toBe('BAD_JSON');
    });
  });

  describe('#14.3 login: hashing outside the gate, growing delays per username and per client address', () => {
    it('given four wrong passwords hashing at once, when a bystander asks GET /api/me, then it answers before they finish', async () => {
      const bystander = await t.login('leader');
      const order: string[] = [];
      const bad = Array.from({ length: 4 }, (_, i) =>
        t
          .http()
          .post('/api/auth/login')
          .send({ username: `nobody-${i}`, password: 'wrong-pass1' })
          .then(() => order.push('login')),
      );
      await new Promise((r) => setTimeout(r, 50));
      await t
        .http()
        .get('/api/me')
        .set(bearer(bystander))
        .expect(200)
        .then(() => order.push('me'));
      await Promise.all(bad);
      expect(order[0]).toBe('me');
    });

    it('given one address trying many usernames, then after four times the per-username allowance it must wait (429, Retry-After)', async () => {
      // LOGIN_MAX_FAILURES=3: an address gets 12 free failures, then each further one doubles its wait. All at once:
      // each attempt is counted before its password is hashed, so a burst cannot slip past the count.
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          t
            .http()
            .post('/api/auth/login')
            .send({ username: `spray-${i}`, password: 'wrong-pass1' }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(12);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(results.find((r) => r.status === 429)?.headers['retry-after']).toBeDefined();
      // the address's wait is its own: the demo admin (another username) is not locked, only delayed from this address
      const admin = await t.ds.getRepository(User).findOneByOrFail({ username: 'admin' });
      expect(admin.active).toBeTruthy();
    });
  });

  describe('#14.8 sessions: rotation with reuse detection, logout, revocation, absolute end, exp required', () => {
    async function loginWithCookie(username: string) {
      const res = await t.http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      return { token: res.body.accessToken as string, cookie };
    }

    it('given a refresh, then the cookie is replaced; the replaced cookie coming back ends the session for everyone', async () => {
      const first = await loginWithCookie('teacher');
      const r1 = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie).expect(200);
      const second = (r1.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      expect(second).not.toBe(first.cookie);
      await t.http().get('/api/me').set(bearer(r1.body.accessToken)).expect(200);
      // a copy of the first cookie is used again: reuse → the whole session ends
      const reuse = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie).expect(401);
      expect(reuse.body.error).toBe('AUTH_TOKEN_INVALID');
      await t.http().get('/api/me').set(bearer(r1.body.accessToken)).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', second).expect(401);
      const row = await t.ds.getRepository(AuthSession).findOneByOrFail({ id: first.cookie.split('=')[1].split('.')[0] });
      expect(row.revokedReason).toBe('refresh-reuse');
    });

    it('given two refreshes, then the token from before both no longer works', async () => {
      const s = await loginWithCookie('principal');
      const r1 = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
      const c1 = (r1.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      await t.http().post('/api/auth/refresh').set('Cookie', c1).expect(200);
      await t.http().get('/api/me').set(bearer(s.token)).expect(401);
    });

    it('given logout, then the token and the cookie stop working', async () => {
      const s = await loginWithCookie('leader');
      await t.http().post('/api/auth/logout').set('Cookie', s.cookie).expect(204);
      await t.http().get('/api/me').set(bearer(s.token)).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
    });

    it('given a password change by the admin, then the old session ends', async () => {
      const s = await loginWithCookie('inspector');
      const admin = await t.login('admin');
      const user = await t.ds.getRepository(User).findOneByOrFail({ username: 'inspector' });
      await t.http().patch(`/api/admin/users/${user.id}`).set(bearer(admin)).send({ password: 'Qiang7Shan9Lu' }).expect(200);
      await t.http().get('/api/me').set(bearer(s.token)).expect(401);
      await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
      await t.login('inspector', 'Qiang7Shan9Lu');
    });

    it('given a session past its absolute end (SESSION_MAX_HOURS), then neither token nor refresh works', async () => {
      const s = await loginWithCookie('teacher');
      const id = s.cookie.split('=')[1].split('.')[0];
      await t.ds.getRepository(AuthSession).update({ id }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
      await t.http().get('/api/me').set(bearer(s.token)).expect(401);
      const r = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
      expect(r.body.error).toBe('AUTH_TOKEN_EXPIRED');
    });

    it('given a correctly signed token without exp, then 401', async () => {
      const s = await loginWithCookie('teacher');
      const claims = jwt.decode(s.token) as Record<string, unknown>;
      delete claims.exp;
      delete claims.iat;
      const noExp = jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256' });
      await t.http().get('/api/me').set(bearer(noExp)).expect(401);
    });
  });

  describe('#14.9 security headers', () => {
    it('given an API answer, then CSP, frame-ancestors none, nosniff, Referrer-Policy, no-store and no X-Powered-By', async () => {
      const res = await t
        .http()
        .get('/api/me')
        .set(bearer(await t.login('teacher')))
        .expect(200);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('given production, then /api/docs needs a signed-in bearer token', async () => {
      const db = await createTestDatabase();
      const app = await createApp({ ...testConfig(db), env: 'production' });
      try {
        await request(app.getHttpServer()).get('/api/docs-json').expect(401);
        const login = await request(app.getHttpServer())
          .post('/api/auth/login')
          .send({ username: 'admin', password: DEMO_PASSWORD })
          .expect(200);
        await request(app.getHttpServer()).get('/api/docs-json').set(bearer(login.body.accessToken)).expect(200);
      } finally {
        await app.close();
        await db.drop();
      }
    });
  });

  describe('#14.10 audit of logins and denials, rate-limited', () => {
    it('given a failed and a successful login, then both are in the audit log with the address', async () => {
      await t.http().post('/api/auth/login').send({ username: 'registrar', password: 'wrong-pass1' }).expect(401);
      await t.login('registrar');
      await new Promise((r) => setTimeout(r, 100));
      const user = await t.ds.getRepository(User).findOneByOrFail({ username: 'registrar' });
      const rows = await t.ds.getRepository(AuditEntry).find({ where: { userId: user.id }, order: { at: 'ASC' } });
      const actions = rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.login-failed', 'auth.login']));
      expect(rows.find((r) => r.action === 'auth.login')?.ip).toMatch(/127\.0\.0\.1/);
    });

    it('given a flood of one kind from one key, then at most 20 entries a minute are written', async () => {
      const audit = t.app.get(AuditService);
      for (let i = 0; i < 100; i++) audit.recordLimited('flood-test', null, { action: 'test.flood', status: 401 });
      await new Promise((r) => setTimeout(r, 300));
      expect(await t.ds.getRepository(AuditEntry).countBy({ action: 'test.flood' })).toBe(20);
    });
  });

  describe('#14.12 the low points', () => {
    it('given ?page=1e400 or a negative page, then 400 at the field, not 500', async () => {
      const admin = await t.login('admin');
      const res = await t.http().get('/api/admin/users?page=1e400').set(bearer(admin)).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'page' });
      await t.http().get('/api/admin/users?page=-1').set(bearer(admin)).expect(400);
      await t.http().get('/api/admin/users?page=2&pageSize=5').set(bearer(admin)).expect(200);
    });

    it('given a common password (password1), then the user is refused at the password field', async () => {
      const admin = await t.login('admin');
      const res = await t
        .http()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: 'newclerk', password: 'password1', displayName: '新文员', roles: [] })
        .expect(400);
      expect(res.body.details[0].field).toBe('password');
      expect(res.body.details[0].message).toContain('常见密码');
    });

    it("given another county's username, then the 409 is the same as for a taken one and names no county", async () => {
      await t.seedSecondCounty();
      const admin = await t.login('admin');
      const other = await t
        .http()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: 'ld-teacher', password: 'Qiang7Shan9Lu', displayName: 'x', roles: [] })
        .expect(409);
      const own = await t
        .http()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: 'teacher', password: 'Qiang7Shan9Lu', displayName: 'x', roles: [] })
        .expect(409);
      expect(other.body).toEqual(own.body);
      expect(other.body.message).toBe('该用户名不可用，请换一个');
    });
  });

  describe('#14.7 spreadsheets: the row cap applies while reading', () => {
    it('given an XLSX far over the form-table cap, then 400 TOO_MANY_ROWS', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('问题');
      sheet.addRow(['问题描述']);
      for (let i = 0; i < 20_000; i++) sheet.addRow([`问题${i}`]);
      const xlsx = Buffer.from(await book.xlsx.writeBuffer());
      const res = await t
        .http()
        .post('/api/spreadsheet-rows')
        .set(bearer(await t.login('teacher')))
        .attach('file', xlsx, '问题.xlsx')
        .expect(400);
      expect(res.body).toMatchObject({ error: 'TOO_MANY_ROWS', message: '表单中的表格最多 2000 行，此文件超过 2000 行' });
    });
  });
});
