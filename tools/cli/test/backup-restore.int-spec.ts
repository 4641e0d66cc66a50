import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import * as tar from 'tar';
// Backup and restore work on the server's database; the real app (in-process, listening) makes the data and the traffic.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bearer, startTestApp, TestApp } from '../../../apps/api/test/support/test-app';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, TestDatabase } from '../../../apps/api/test/support/test-database';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { approvalResources } from '../../../apps/api/test/support/workflow-fixtures';
import { memoryIo } from '../io';
import { runCli } from '../main';
import { fileDigests, openDatabase, tableDigests } from './support/database-state';
import { ROOT } from './support/real-processes';

const SCHOOL = '64042210001';
const pdf = (n: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`证明 ${n} `), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

async function tools(db: TestDatabase, ...argv: string[]) {
  const io = memoryIo(ROOT, db.url ? { DATABASE_URL: db.url, DATA_DIR: db.dataDir } : { DATA_DIR: db.dataDir });
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** an empty database of the same name (PostgreSQL) or an empty data folder (SQLite): everything gone */
async function wipe(db: TestDatabase) {
  if (db.url) {
    const name = new URL(db.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  for (const f of fs.readdirSync(db.dataDir)) fs.rmSync(path.join(db.dataDir, f), { recursive: true, force: true });
}

/**
 * Issue #20, acceptance 2: backup → wipe → restore gives the same rows (every table's digest) and attachments
 * (checksums), on the database under test; a backup taken while clerks complete steps restores to a state where
 * every case is whole; restores refuse what they must (a newer schema, a database with data without --replace).
 */
describe('backup and restore', () => {
  let t: TestApp;
  let work: string;
  let tokens: { teacher: string; principal: string };
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.app.listen(0, '127.0.0.1');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-backup-'));
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ name: 'leave', resources: approvalResources() })
      .expect(201);
    tokens = { teacher: await t.login('teacher'), principal: await t.login('principal') };
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** one case all the way: start, the teacher's form, the principal's approval */
  async function oneCase(n: number): Promise<void> {
    const started = await t
      .http()
      .post('/api/process-definitions/key/leave-approval/start')
      .set(bearer(tokens.teacher))
      .send({ orgUnit: SCHOOL, businessKey: `case-${n}` })
      .expect(201);
    for (const [who, data] of [
      [tokens.teacher, { reason: 'illness', from: '2026-12-01', to: '2027-06-30' }],
      [tokens.principal, { decision: 'approve', comment: `同意 ${n}` }],
    ] as const) {
      const inbox = await t.http().get('/api/tasks?scope=all&pageSize=200').set(bearer(who)).expect(200);
      const task = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
      await t.http().post(`/api/tasks/${task.id}/complete`).set(bearer(who)).send({ data }).expect(201);
    }
  }

  it('backup → wipe → restore: the same rows in every table and the same attachment bytes', async () => {
    for (let n = 0; n < 3; n++) {
      await t.http().post('/api/attachments').set(bearer(tokens.teacher)).attach('file', pdf(n), `证明${n}.pdf`).expect(201);
      await oneCase(n);
    }
    await t.stop();
    const before = await openDatabase(t.db);
    const rows = await tableDigests(before);
    await before.destroy();
    const files = fileDigests(t.db.dataDir);
    expect(Object.keys(files)).toHaveLength(3);

    const archive = path.join(work, 'full.tar.gz');
    const backup = await tools(t.db, 'backup', '--out', archive);
    expect(backup.err).toBe('');
    expect(backup.out).toContain('附件 attachments: 3 个文件 files');

    await wipe(t.db);
    expect(fileDigests(t.db.dataDir)).toEqual({});
    const restored = await tools(t.db, 'restore', archive);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('与备份清单一致');

    const after = await openDatabase(t.db);
    try {
      expect(await tableDigests(after)).toEqual(rows);
    } finally {
      await after.destroy();
    }
    expect(fileDigests(t.db.dataDir)).toEqual(files);

    // now the database has data: a second restore needs --replace, and then leaves the same state again
    const refused = await tools(t.db, 'restore', archive);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('RESTORE_TARGET_NOT_EMPTY');
    const replaced = await tools(t.db, 'restore', archive, '--replace');
    expect(replaced.code).toBe(0);
    const again = await openDatabase(t.db);
    try {
      expect(await tableDigests(again)).toEqual(rows);
    } finally {
      await again.destroy();
    }
    expect(fileDigests(t.db.dataDir)).toEqual(files);
  }, 600_000);

  it('refuses a backup from a newer schema, and a damaged one, changing nothing', async () => {
    const archive = path.join(work, 'full.tar.gz');
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.x({ file: archive, cwd: unpacked });
    const manifestFile = path.join(unpacked, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    fs.writeFileSync(
      manifestFile,
      JSON.stringify({ ...manifest, appVersion: '9.0.0', migrations: [...manifest.migrations, 'FromTheFuture1900000000000'] }),
    );
    const newer = path.join(work, 'newer.tar.gz');
    await tar.c({ gzip: true, file: newer, cwd: unpacked }, fs.readdirSync(unpacked));
    const db = await createTestDatabase();
    try {
      const refused = await tools(db, 'restore', newer);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('BACKUP_SCHEMA_NEWER');
      expect(refused.err).toContain('FromTheFuture1900000000000');
      expect(refused.err).toContain('请先安装不低于 9.0.0 的版本再恢复');

      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      const someFile = manifest.files[0].path;
      fs.appendFileSync(path.join(unpacked, 'files', someFile), 'tampered');
      const damaged = path.join(work, 'damaged.tar.gz');
      await tar.c({ gzip: true, file: damaged, cwd: unpacked }, fs.readdirSync(unpacked));
      const refusedDamaged = await tools(db, 'restore', damaged);
      expect(refusedDamaged.err).toContain('BACKUP_DAMAGED');
      expect(fileDigests(db.dataDir)).toEqual({});
    } finally {
      await db.drop();
    }
  }, 300_000);

  it('a backup taken during a stream of completions restores to a state where every case is whole', async () => {
    const live = await startTestApp({ db: t.db, env: { JOB_POLL_MS: '0' } });
    t = live;
    tokens = { teacher: await t.login('teacher'), principal: await t.login('principal') };
    let running = true;
    let done = 0;
    let failure: unknown = null;
    const clerk = async (lane: number) => {
      try {
        for (let n = 0; running; n++) {
          await oneCase(1000 * (lane + 1) + n);
          done++;
        }
      } catch (e) {
        failure ??= e;
      }
    };
    const clerks = [clerk(0), clerk(1), clerk(2)];
    // a backup once the stream is flowing
    while (done < 3 && !failure) await new Promise((r) => setTimeout(r, 100));
    if (failure) throw failure;
    const archive = path.join(work, 'during.tar.gz');
    const backup = await tools(t.db, 'backup', '--out', archive);
    const doneAtBackupEnd = done;
    running = false;
    await Promise.all(clerks);
    if (failure) throw failure;
    expect(backup.err).toBe('');
    expect(doneAtBackupEnd).toBeGreaterThan(3); // the clerks went on while it ran

    const target = await createTestDatabase();
    try {
      const restored = await tools(target, 'restore', archive);
      expect(restored.err).toBe('');
      const ds = await openDatabase(target);
      try {
        await expectEveryCaseWhole(ds);
      } finally {
        await ds.destroy();
      }
    } finally {
      await target.drop();
    }
  }, 600_000);
});

/**
 * Every instance of the two-step approval is in one of its possible whole states: waiting at exactly one step with
 * every earlier step's submission stored, or ended with both steps done and submitted; every completed step has
 * its submission and every submission its completed step; every instance has its case link; the history agrees with
 * the tasks and the instance (each step created once, completed once if done, ended once if ended).
 */
async function expectEveryCaseWhole(ds: import('typeorm').DataSource) {
  const instances: { id: string; state: string }[] = await ds.query('SELECT id, state FROM bpmn_instance');
  const tasks: { id: string; instanceId: string; state: string; activityId: string }[] = await ds.query(
    'SELECT id, "instanceId", state, "activityId" FROM bpmn_task',
  );
  const submissions: { taskId: string | null; instanceId: string }[] = await ds.query('SELECT "taskId", "instanceId" FROM form_submission');
  const links: { instanceId: string }[] = await ds.query('SELECT "instanceId" FROM process_instance_link');
  const history: { instanceId: string; type: string; taskId: string | null }[] = await ds.query(
    'SELECT "instanceId", type, "taskId" FROM bpmn_history',
  );
  const events = (instanceId: string, type: string) => history.filter((h) => h.instanceId === instanceId && h.type === type);
  expect(instances.length).toBeGreaterThan(6);
  const submitted = new Set(submissions.map((s) => s.taskId));
  const linked = new Set(links.map((l) => l.instanceId));
  const problems: string[] = [];
  for (const i of instances) {
    const own = tasks.filter((x) => x.instanceId === i.id);
    const open = own.filter((x) => x.state === 'created');
    const completed = own.filter((x) => x.state === 'completed');
    if (!linked.has(i.id)) problems.push(`${i.id}: no case link`);
    if (i.state === 'active' && open.length !== 1) problems.push(`${i.id}: active with ${open.length} open steps`);
    if (i.state === 'completed' && (open.length !== 0 || completed.length !== 2))
      problems.push(`${i.id}: ended with ${completed.length} steps done`);
    for (const c of completed) if (!submitted.has(c.id)) problems.push(`${i.id}: step ${c.activityId} done without its submission`);
    // the history tells the same story as the tasks: started once, each step created and (if done) completed once,
    // ended exactly when the instance is
    if (events(i.id, 'instance-started').length !== 1)
      problems.push(`${i.id}: ${events(i.id, 'instance-started').length} starts in history`);
    if (events(i.id, 'instance-ended').length !== (i.state === 'completed' ? 1 : 0))
      problems.push(`${i.id}: ${i.state}, history disagrees`);
    for (const x of own) {
      const created = events(i.id, 'task-created').filter((h) => h.taskId === x.id).length;
      const done = events(i.id, 'task-completed').filter((h) => h.taskId === x.id).length;
      if (created !== 1 || done !== (x.state === 'completed' ? 1 : 0))
        problems.push(`${i.id}: step ${x.activityId} ${x.state} with ${created} created / ${done} completed in history`);
    }
  }
  const completedIds = new Set(tasks.filter((x) => x.state === 'completed').map((x) => x.id));
  for (const s of submissions) if (s.taskId && !completedIds.has(s.taskId)) problems.push(`submission of a step not done: ${s.taskId}`);
  expect(problems).toEqual([]);
}
