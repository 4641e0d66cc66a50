import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tar from 'tar';
// Scheduled backups of a real server on a fresh database of the kind under test (SQLite or PostgreSQL).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, TestDatabase } from '../../../apps/api/test/support/test-database';
import { call, compileApi, login, ROOT, runTools, RunningServer, startServer } from './support/real-processes';

const JWT_SECRET = 'scheduled-backup-secret-scheduled-backup-0123';
const ADMIN_PASSWORD = 'Xiji@2026'; // the demo county's, seeded at first start

/** the slot name dueSlotName gives for now (server local time): the server's own clock decides, not the test */
function slotNow(at: { hour: number; minute: number }): string {
  const now = new Date();
  const slot = new Date(now.getFullYear(), now.getMonth(), now.getDate(), at.hour, at.minute);
  if (slot.getTime() > now.getTime()) slot.setDate(slot.getDate() - 1);
  const p = (n: number) => String(n).padStart(2, '0');
  return `kcbx-${slot.getFullYear()}${p(slot.getMonth() + 1)}${p(slot.getDate())}-${p(slot.getHours())}${p(slot.getMinutes())}.tar.gz`;
}

/**
 * Issue #20, acceptance 2 (scheduled backups): two server processes started at once with BACKUP_DIR, BACKUP_DAILY_AT
 * and BACKUP_KEEP take the due backup once between them (the backup lock), prune the folder to the newest
 * BACKUP_KEEP of their own files (others untouched), the county admin sees it in /api/admin/operations, and the file
 * restores into an empty database.
 */
describe('scheduled backups in the server', () => {
  let db: TestDatabase;
  let target: TestDatabase;
  let work: string;
  let servers: RunningServer[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    target = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-scheduled-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('takes the due backup once across processes, keeps the newest BACKUP_KEEP, and the file restores', async () => {
    const dir = path.join(work, 'backups');
    fs.mkdirSync(dir);
    // three older scheduled backups (names as the server makes them) and an operator's own file
    const older = ['kcbx-20200101-0230.tar.gz', 'kcbx-20200102-0230.tar.gz', 'kcbx-20200103-0230.tar.gz'];
    for (const name of [...older, 'before-upgrade.tar.gz']) fs.writeFileSync(path.join(dir, name), 'an older backup');
    const at = { hour: 0, minute: 5 };
    const env = {
      ...(db.url ? { DATABASE_URL: db.url } : {}),
      DATA_DIR: db.dataDir,
      JWT_SECRET,
      SEED_DEMO: 'true',
      // the demo county without its registers and cases: the admin and some rows are all a backup here needs
      SEED_DEMO_CASES: 'false',
      SEED_DEMO_WORKFLOWS: 'false',
      BACKUP_DIR: dir,
      BACKUP_DAILY_AT: '00:05',
      BACKUP_KEEP: '2',
      LOG_LEVEL: 'info', // the scheduler logs each backup it takes at info
    };
    compileApi();
    servers = await Promise.all([0, 1].map((n) => startServer(env, path.join(work, `server-${n}.log`))));
    const due = slotNow(at);

    // the first look runs at start; wait for it to finish (the file is renamed into place when whole)
    const admin = await login(servers[0].url, 'admin', ADMIN_PASSWORD);
    const deadline = Date.now() + 120_000;
    let status: { backup: { lastFile: string | null; lastError: string | null } | null } | null = null;
    for (;;) {
      status = await call(servers[0].url, 'GET', '/api/admin/operations', { token: admin });
      const names = fs.readdirSync(dir).sort();
      if (status?.backup?.lastFile === due && names.length === 3) break;
      if (Date.now() > deadline) throw new Error(`no scheduled backup ${due} after 120 s: ${names.join(', ')} ${JSON.stringify(status)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status?.backup?.lastError).toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual(['before-upgrade.tar.gz', 'kcbx-20200103-0230.tar.gz', due]);
    // taken once: one of the two processes logged it
    const logs = servers.map((s) => s.log());
    expect(logs.filter((l) => l.includes(`scheduled backup ${path.join(dir, due)}`))).toHaveLength(1);

    // a real backup: its manifest names this server's migrations, and it restores into an empty database
    const list: string[] = [];
    await tar.t({ file: path.join(dir, due), onReadEntry: (e) => list.push(e.path) });
    expect(list).toContain('manifest.json');
    const restored = runTools(
      ROOT,
      { ...(target.url ? { DATABASE_URL: target.url } : {}), DATA_DIR: target.dataDir },
      'restore',
      path.join(dir, due),
    );
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
  }, 600_000);
});
