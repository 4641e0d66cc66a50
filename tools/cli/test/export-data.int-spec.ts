import { parse } from 'csv-parse/sync';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DataSource } from 'typeorm';
// The export reads the server's database; the real app (in-process, listening) makes the data.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bearer, startTestApp, TestApp } from '../../../apps/api/test/support/test-app';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { approvalResources } from '../../../apps/api/test/support/workflow-fixtures';
import { memoryIo } from '../io';
import { runCli } from '../main';
import { openDatabase } from './support/database-state';
import { ROOT } from './support/real-processes';

const COUNTY = '640422';
const SCHOOL = '64042210001';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * Issue #20, "data export for the county": `export-data --county 640422 --out <dir>` while the server runs holds every
 * row of the county in every table (checked against the database table by table, ids and counts, JSON and CSV), none
 * of the other county's, no password hash; every form and procedure version as its file with the stored content;
 * every case with its whole history; every attachment with its bytes; CSV in UTF-8 with BOM; a README naming it all.
 */
describe('export-data: a county’s complete export', () => {
  let t: TestApp;
  let work: string;
  let ds: DataSource;
  beforeAll(async () => {
    // the living demo county (registers, comparison, ledgers, cases) and a second county beside it
    t = await startTestApp({ env: { JOB_POLL_MS: '0', SEED_DEMO_CASES: 'true', SEED_DEMO_WORKFLOWS: 'true' } });
    await t.seedSecondCounty();
    await t.app.listen(0, '127.0.0.1');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-export-'));
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ name: 'leave', resources: approvalResources() })
      .expect(201);
    const teacher = await t.login('teacher');
    const principal = await t.login('principal');
    for (const n of [1, 2]) {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`证明 ${n}`), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
      await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', pdf, `证明,${n}.pdf`).expect(201);
      const started = await t
        .http()
        .post('/api/process-definitions/key/leave-approval/start')
        .set(bearer(teacher))
        .send({ orgUnit: SCHOOL, businessKey: `export-${n}` })
        .expect(201);
      for (const [who, data] of [
        [teacher, { reason: 'illness', from: '2026-12-01', to: '2027-06-30' }],
        [principal, { decision: 'approve', comment: `同意，“第${n}件”` }],
      ] as const) {
        if (n === 2 && who === principal) break; // the second case waits at the principal
        const inbox = await t.http().get('/api/tasks?scope=all&pageSize=200').set(bearer(who)).expect(200);
        const task = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
        await t.http().post(`/api/tasks/${task.id}/complete`).set(bearer(who)).send({ data }).expect(201);
      }
    }
    ds = await openDatabase(t.db);
  }, 300_000);
  afterAll(async () => {
    await ds?.destroy();
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function tools(...argv: string[]) {
    const io = memoryIo(ROOT, t.db.url ? { DATABASE_URL: t.db.url, DATA_DIR: t.db.dataDir } : { DATA_DIR: t.db.dataDir });
    const code = await runCli(argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  it('holds every row of the county and nothing of the other, with forms, procedures, cases and files', async () => {
    const out = path.join(work, 'xiji');
    const run = await tools('export-data', '--county', COUNTY, '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`已导出 西吉县（${COUNTY}）`);

    const manifest = readJson(path.join(out, 'manifest.json'));
    const [tenant] = await ds.query(`SELECT id FROM tenant WHERE code = '${COUNTY}'`);
    const [other] = await ds.query(`SELECT id FROM tenant WHERE code = '640423'`);
    expect(manifest.county).toMatchObject({ code: COUNTY, name: '西吉县', id: tenant.id });

    // every table of the database is exported or named as not exported, and each exported one is complete
    const tables: string[] = (
      t.db.url
        ? await ds.query('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1')
        : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")
    ).map((r: { name: string }) => r.name);
    expect(tables.filter((x) => !(x in manifest.tables) && !(x in manifest.notExported))).toEqual([]);
    const everything: string[] = [];
    for (const table of Object.keys(manifest.tables)) {
      const where = table === 'tenant' ? 'id' : 'tenantId';
      const dbRows: Record<string, unknown>[] = await ds.query(`SELECT * FROM "${table}" WHERE "${where}" = '${tenant.id}'`);
      const json: Record<string, unknown>[] = readJson(path.join(out, 'tables', `${table}.json`));
      const csvBytes = fs.readFileSync(path.join(out, 'tables', `${table}.csv`));
      expect([table, csvBytes.subarray(0, 3).toString('hex')]).toEqual([table, 'efbbbf']);
      const csv: Record<string, string>[] = parse(csvBytes, { bom: true, columns: true });
      expect([table, manifest.tables[table].rows, json.length, csv.length]).toEqual([table, dbRows.length, dbRows.length, dbRows.length]);
      const key = table === 'process_instance_link' ? 'instanceId' : table === 'calendar_year' ? 'year' : 'id';
      const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r[key])).sort();
      expect([table, ids(json)]).toEqual([table, ids(dbRows)]);
      expect([table, ids(csv)]).toEqual([table, ids(dbRows)]);
      everything.push(JSON.stringify(json));
    }
    for (const required of ['student', 'ledger_entry', 'ledger_event', 'bpmn_instance', 'bpmn_history', 'form_submission', 'attachment'])
      expect([required, manifest.tables[required].rows > 0]).toEqual([required, true]);
    const all = everything.join('\n');
    expect(all).not.toContain(other.id); // nothing of the other county
    expect(all).not.toContain('$argon2'); // no password hash
    expect(readJson(path.join(out, 'tables', 'app_user.json'))[0]).not.toHaveProperty('passwordHash');
    // Chinese survives both formats as text
    expect(fs.readFileSync(path.join(out, 'tables', 'org_unit.csv'), 'utf8')).toContain('吉强镇中心小学');

    // every form version and procedure version as its file, with the stored content
    const forms: { key: string; version: number; definition: string | object }[] = await ds.query(
      `SELECT key, version, definition FROM form_definition WHERE "tenantId" = '${tenant.id}'`,
    );
    expect(manifest.forms).toHaveLength(forms.length);
    for (const f of forms) {
      const stored = typeof f.definition === 'string' ? JSON.parse(f.definition) : f.definition;
      expect(readJson(path.join(out, 'forms', f.key, `v${f.version}.form.json`))).toEqual(stored);
    }
    const procedures: { key: string; version: number; xml: string }[] = await ds.query(
      `SELECT key, version, xml FROM bpmn_definition WHERE "tenantId" = '${tenant.id}'`,
    );
    expect(manifest.procedures).toHaveLength(procedures.length);
    for (const p of procedures) expect(fs.readFileSync(path.join(out, 'procedures', p.key, `v${p.version}.bpmn`), 'utf8')).toBe(p.xml);
    expect(procedures.map((p) => p.key)).toContain('leave-approval');

    // every case with its whole history, tasks and submissions
    const instances: { id: string }[] = await ds.query(`SELECT id FROM bpmn_instance WHERE "tenantId" = '${tenant.id}'`);
    expect(manifest.cases).toBe(instances.length);
    expect(fs.readdirSync(path.join(out, 'cases'))).toHaveLength(instances.length);
    for (const i of instances) {
      const doc = readJson(path.join(out, 'cases', `${i.id}.json`));
      expect(doc.instance.id).toBe(i.id);
      for (const table of ['bpmn_history', 'bpmn_task', 'form_submission']) {
        const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM "${table}" WHERE "instanceId" = '${i.id}'`);
        expect([i.id, table, (doc[table] ?? []).length]).toEqual([i.id, table, Number(n)]);
      }
    }

    // every attachment's bytes, as uploaded
    const attachments: { id: string; name: string; sha256: string }[] = await ds.query(
      `SELECT id, name, sha256 FROM attachment WHERE "tenantId" = '${tenant.id}'`,
    );
    expect(attachments.length).toBeGreaterThanOrEqual(2);
    expect(manifest.attachments).toHaveLength(attachments.length);
    for (const a of attachments) {
      const entry = manifest.attachments.find((x: { id: string }) => x.id === a.id);
      const bytes = fs.readFileSync(path.join(out, entry.file));
      expect([a.name, sha256(bytes), entry.sha256]).toEqual([a.name, a.sha256, a.sha256]);
    }

    // the README names every file kind and every table
    const readme = fs.readFileSync(path.join(out, 'README.md'), 'utf8');
    for (const s of ['UTF-8', 'BOM', 'manifest.json', 'cases/', 'procedures/', 'forms/', 'attachments/', ...Object.keys(manifest.tables)])
      expect([s, readme.includes(s)]).toEqual([s, true]);
  }, 600_000);

  it('refuses an unknown county and a folder with files in it, writing nothing', async () => {
    const unknown = await tools('export-data', '--county', '659999', '--out', path.join(work, 'none'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('COUNTY_NOT_FOUND');
    expect(fs.existsSync(path.join(work, 'none'))).toBe(false);
    const busy = path.join(work, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'keep.txt'), '');
    const refused = await tools('export-data', '--county', COUNTY, '--out', busy);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('EXPORT_TARGET_NOT_EMPTY');
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);
  }, 300_000);
});
