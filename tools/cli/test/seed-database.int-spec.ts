import * as path from 'path';
// The CLI's --database mode writes the server's database; checking what it wrote needs the API's test harness.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApp } from '../../../apps/api/test/support/test-app';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, TestDatabase } from '../../../apps/api/test/support/test-database';
import { memoryIo } from '../io';
import { runCli } from '../main';

const root = path.join(__dirname, '..', '..', '..');

/**
 * A new county's own installation: given an empty database, when IT runs `seed --database --county 640423`
 * from the repository, Longde exists with its shipped package; a server started on that database lets Longde's
 * administrator in with the initial password. A preview first leaves the database as it was.
 */
describe('npm run tools -- seed --database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const seed = async (...argv: string[]) => {
    const io = memoryIo(root, db.url ? { DATABASE_URL: db.url } : { DATA_DIR: db.dataDir });
    const code = await runCli(['seed', '--database', '--county', '640423', ...argv], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('loads Longde into an empty database; the server then serves it; a second run changes nothing', async () => {
    const preview = await seed('--dry-run');
    expect(preview.err).toBe('');
    expect(preview.out).toContain('预览（未做任何更改） / preview (nothing changed): 640423');

    const done = await seed('--password', 'Longde2026init');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/用户 users: 新增 created [1-9]\d*/);
    expect(done.out).toMatch(/流程 procedures: 新增 created [1-9]\d*/);

    const again = await seed('--password', 'Longde2026init');
    expect(again.out).not.toMatch(/新增 created [1-9]/);

    const t = await startTestApp({ db, env: { JOB_POLL_MS: '0' } });
    try {
      const token = await t.login('ld-admin', 'Longde2026init');
      const me = await t
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      expect(me.body.tenant).toMatchObject({ code: '640423', name: '隆德县' });
      const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM tenant');
      expect(Number(n)).toBe(1); // the demo county was not seeded over it
    } finally {
      await t.stop();
    }
  }, 180_000);

  it('needs --county', async () => {
    const io = memoryIo(root, {});
    expect(await runCli(['seed', '--database'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--database 需要 --county <县代码>');
  });
});
