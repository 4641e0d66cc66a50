import * as fs from 'fs';
import * as path from 'path';
import { bootstrapCounty } from '../src/county-package/county-bootstrap';
import { bearer, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { approvalResources } from './support/workflow-fixtures';

/**
 * A county package leaves one county and arrives in another (or in the same county again): given Xiji with a
 * deployed procedure, when its administrator exports the package, the package holds the org tree, roles,
 * users without any password material, forms and procedures; importing it is previewed by a dry run,
 * additive, idempotent, refused as a whole when anything is wrong, and never crosses into another county.
 */
describe('county package: GET/POST /api/admin/county-package', () => {
  let t: TestApp;
  let admin: string;
  let ldAdmin: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    admin = await t.login('admin');
    ldAdmin = await t.login('ld-admin');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ name: 'leave', resources: approvalResources() })
      .expect(201);
  });
  afterAll(() => t.close());

  const exportPackage = async (token = admin) => (await t.http().get('/api/admin/county-package').set(bearer(token)).expect(200)).body;
  const importPackage = (body: object, token = admin, dryRun = false) =>
    t
      .http()
      .post(`/api/admin/county-package${dryRun ? '?dryRun=true' : ''}`)
      .set(bearer(token))
      .send(body);

  it('exports the county: org tree parents first, roles, users with their roles and no passwords, latest forms and procedures', async () => {
    const pkg = await exportPackage();
    expect(pkg.format).toBe('kcbx-county-package/1');
    expect(pkg.tenant).toEqual({ code: '640422', name: '西吉县' });
    expect(pkg.orgUnits[0]).toEqual({ code: '640422', name: '西吉县', kind: 'county', parentCode: null });
    expect(pkg.orgUnits.filter((u: { kind: string }) => u.kind === 'township')).toHaveLength(19);
    const seen = new Set<string>();
    for (const u of pkg.orgUnits) {
      if (u.parentCode) expect(seen.has(u.parentCode)).toBe(true);
      seen.add(u.code);
    }
    expect(pkg.roles.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['class-teacher', 'principal', 'admin']));
    expect(pkg.users.find((u: { username: string }) => u.username === 'teacher')).toEqual({
      username: 'teacher',
      displayName: '马老师（演示）',
      phone: '13800000001',
      active: true,
      roles: [{ role: 'class-teacher', orgUnit: '64042210001' }],
    });
    expect(JSON.stringify(pkg.users)).not.toMatch(/password|\$argon2/i);
    expect(pkg.forms.map((f: { key: string }) => f.key).sort()).toEqual(['leave-application', 'principal-review']);
    expect(pkg.workflows).toEqual([{ name: 'two-step-approval.bpmn', content: expect.stringContaining('id="leave-approval"') }]);
    expect(pkg.users.some((u: { username: string }) => u.username.startsWith('ld-'))).toBe(false);
  });

  it('re-importing its own export changes nothing', async () => {
    const res = await importPackage(await exportPackage()).expect(200);
    for (const part of ['orgUnits', 'roles', 'users', 'forms', 'workflows', 'visitAssignments'])
      expect(res.body[part]).toMatchObject({ created: 0, updated: 0 });
    expect(res.body.problems).toEqual([]);
    const defs = await t.http().get('/api/process-definitions?all=true').set(bearer(admin)).expect(200);
    expect(defs.body).toHaveLength(1);
  });

  it('previews with a dry run, then adds units, roles and users; users arrive without a password unless one is given', async () => {
    const pkg = await exportPackage();
    pkg.orgUnits.push({ code: '64042210009', name: '吉强镇第九小学（演示）', kind: 'school', parentCode: '640422100' });
    pkg.roles.push({ key: 'home-teacher', name: '送教教师', nameEn: 'Home teacher', permissions: [] });
    pkg.users.push({
      username: 'home-teacher',
      displayName: '送教老师（演示）',
      roles: [{ role: 'home-teacher', orgUnit: '64042210009' }],
    });
    pkg.users.find((u: { username: string }) => u.username === 'teacher').displayName = '马老师（已改名）';

    const preview = await importPackage(pkg, admin, true).expect(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      orgUnits: { created: 1, updated: 0 },
      roles: { created: 1 },
      users: { created: 1, updated: 1, withoutPassword: ['home-teacher'] },
      problems: [],
    });
    const units = async () =>
      (await t.http().get('/api/org-units').set(bearer(admin)).expect(200)).body.map((u: { code: string }) => u.code);
    expect(await units()).not.toContain('64042210009');

    const done = await importPackage(pkg).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, orgUnits: { created: 1 }, roles: { created: 1 }, users: { created: 1, updated: 1 } });
    expect(await units()).toContain('64042210009');
    await t.http().post('/api/auth/login').send({ username: 'home-teacher', password: DEMO_PASSWORD }).expect(401);

    const again = await importPackage(pkg).expect(200);
    expect(again.body).toMatchObject({
      orgUnits: { created: 0, updated: 0 },
      roles: { created: 0, updated: 0 },
      users: { created: 0, updated: 0 },
    });

    pkg.users.push({
      username: 'home-teacher2',
      displayName: '送教老师二（演示）',
      roles: [{ role: 'home-teacher', orgUnit: '64042210009' }],
    });
    await importPackage({ ...pkg, initialPassword: 'Seed2026pass' }).expect(200);
    await t.http().post('/api/auth/login').send({ username: 'home-teacher2', password: 'Seed2026pass' }).expect(200);
  });

  it('carries the 包抓 assignments: exported with the county, added or updated by an import, a bad one refusing the package', async () => {
    const pkg = await exportPackage();
    // the Xiji list the seed loaded (counties/640422/visit-assignments.csv)
    expect(pkg.visitAssignments).toEqual(
      expect.arrayContaining([
        { username: 'bureau', office: '局领导（班子成员）', township: '640422200', schools: ['64042220001', '64042220002'] },
      ]),
    );
    const list = async () =>
      (
        await t
          .http()
          .get('/api/visit-assignments')
          .set(bearer(await t.login('basic-edu')))
          .expect(200)
      ).body;
    const before = (await list()).length;
    pkg.visitAssignments.push({ username: 'leader', township: '兴平乡', schools: ['兴平乡中心小学'] });
    pkg.visitAssignments.find((a: { username: string }) => a.username === 'subsidy').schools = [];
    pkg.visitAssignments.push({ username: 'teacher', township: '640422100' });
    const refused = await importPackage(pkg).expect(400);
    expect(refused.body.details).toEqual([
      { section: 'visitAssignments', item: 'teacher/640422100', message: expect.stringContaining('不是局机关包抓人员') },
    ]);
    expect(await list()).toHaveLength(before);
    pkg.visitAssignments.pop();
    const done = await importPackage(pkg).expect(200);
    expect(done.body.visitAssignments).toEqual({ created: 1, updated: 1, unchanged: before - 1 });
    const rows = await list();
    expect(rows.find((r: { username: string }) => r.username === 'leader')).toMatchObject({
      office: '县扶贫工作领导小组',
      township: { name: '兴平乡' },
    });
    expect(rows.find((r: { username: string }) => r.username === 'subsidy').schools).toEqual([]);
  });

  it('leaves what a package does not mention as the county has it: a disabled user stays disabled', async () => {
    const users = (await t.http().get('/api/admin/users?q=teacher2').set(bearer(admin)).expect(200)).body.items;
    const teacher2 = users.find((u: { username: string }) => u.username === 'teacher2');
    await t.http().patch(`/api/admin/users/${teacher2.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    const pkg = await exportPackage();
    for (const u of pkg.users) delete u.active;
    for (const r of pkg.roles) delete r.nameEn;
    const res = await importPackage(pkg).expect(200);
    expect(res.body).toMatchObject({ roles: { updated: 0 }, users: { created: 0, updated: 0 } });
    await t.http().post('/api/auth/login').send({ username: 'teacher2', password: DEMO_PASSWORD }).expect(401);
  });

  it('refuses a package with problems as a whole, listing each, and stores nothing of it', async () => {
    const pkg = await exportPackage();
    pkg.orgUnits.push({ code: '64042210008', name: '不应出现的学校', kind: 'school', parentCode: '640422100' });
    pkg.orgUnits.push({ code: '64042299901', name: '无上级的学校', kind: 'school', parentCode: '640422999' });
    pkg.users.push({ username: 'ghost', displayName: '无角色', roles: [{ role: 'no-such-role', orgUnit: '640422' }] });
    pkg.workflows[0].content = pkg.workflows[0].content.replace('formId="principal-review"', 'formId="no-such-form"');
    pkg.forms = pkg.forms.filter((f: { key: string }) => f.key !== 'principal-review');
    const res = await importPackage(pkg).expect(400);
    expect(res.body.error).toBe('PACKAGE_REFUSED');
    expect(res.body.message).toMatch(/^数据包被拒绝：共 3 个问题/);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { section: 'orgUnits', item: '64042299901', message: expect.stringContaining('上级单位 640422999 不存在') },
        { section: 'users', item: 'ghost', message: expect.stringContaining('未知角色“no-such-role”') },
        expect.objectContaining({
          section: 'workflows',
          item: 'two-step-approval.bpmn',
          line: expect.any(Number),
          message: expect.stringContaining('no-such-form'),
        }),
      ]),
    );
    const units = (await t.http().get('/api/org-units').set(bearer(admin)).expect(200)).body.map((u: { code: string }) => u.code);
    expect(units).not.toContain('64042210008');
  });

  it("never crosses counties: a Xiji package is refused by Longde; Longde takes Xiji's forms and procedures under its own code", async () => {
    const xiji = await exportPackage();
    const mismatch = await importPackage(xiji, ldAdmin).set('Accept-Language', 'en').expect(409);
    expect(mismatch.body.error).toBe('COUNTY_MISMATCH');
    expect(mismatch.body.message).toContain('The package is for 西吉县 (640422)');

    const longde = await exportPackage(ldAdmin);
    expect(longde.forms).toEqual([]);
    const res = await importPackage({ ...longde, forms: xiji.forms, workflows: xiji.workflows }, ldAdmin).expect(200);
    expect(res.body).toMatchObject({ forms: { created: 2 }, workflows: { created: 1 } });
    const defs = await t.http().get('/api/process-definitions').set(bearer(ldAdmin)).expect(200);
    expect(defs.body.map((d: { key: string }) => d.key)).toEqual(['leave-approval']);
    expect((await exportPackage(ldAdmin)).users.every((u: { username: string }) => u.username.startsWith('ld-'))).toBe(true);
  });

  it('is for county administrators only', async () => {
    await t
      .http()
      .get('/api/admin/county-package')
      .set(bearer(await t.login('teacher')))
      .expect(403);
    await t.http().get('/api/admin/county-package').expect(401);
    const bad = await importPackage({ tenant: { code: '640422' } }).expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });
});

/**
 * A new county's own installation: given an empty database (no demo county), when IT loads Longde's shipped
 * package (counties/640423) directly, the county exists with its org tree, roles, users and procedures, its
 * administrator logs in with the initial password, and loading it again changes nothing.
 */
describe('county package: bootstrapping a county into an empty database', () => {
  let t: TestApp;
  const dir = path.join(__dirname, '..', '..', '..', 'counties', '640423');
  const readJson = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const files = (sub: string, ext: string) =>
    fs
      .readdirSync(path.join(dir, sub))
      .filter((f) => f.endsWith(ext))
      .sort();
  const longde = () => ({
    tenant: readJson('county.json').tenant,
    orgUnits: readJson('org-units.json'),
    roles: readJson('roles.json'),
    users: readJson('users.json'),
    forms: files('forms', '.form.json').map((f) => readJson(path.join('forms', f))),
    // decision tables (.dmn) travel with the procedures that call them
    workflows: [...files('workflows', '.dmn'), ...files('workflows', '.bpmn')].map((f) => ({
      name: f,
      content: fs.readFileSync(path.join(dir, 'workflows', f), 'utf8'),
    })),
  });
  const procedureFiles = (pkg: { workflows: { name: string }[] }) => pkg.workflows.filter((w) => w.name.endsWith('.bpmn')).length;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0', SEED_DEMO: 'false' } });
  });
  afterAll(() => t.close());

  it('previews without leaving a trace, then creates the county and loads it; its administrator logs in; a second run changes nothing', async () => {
    const tenants = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM tenant'))[0].n);
    expect(await tenants()).toBe(0);
    const pkg = longde();
    const preview = await bootstrapCounty(t.app, pkg, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, orgUnits: { created: pkg.orgUnits.length - 1 }, forms: { created: pkg.forms.length } });
    expect(await tenants()).toBe(0); // a preview leaves no county behind
    const report = await bootstrapCounty(t.app, pkg, { initialPassword: 'Longde2026init' });
    expect(report).toMatchObject({
      county: '640423',
      problems: [],
      orgUnits: { created: pkg.orgUnits.length - 1, unchanged: 1 },
      roles: { created: pkg.roles.length },
      users: { created: pkg.users.length, withoutPassword: [] },
      forms: { created: pkg.forms.length },
      workflows: { created: procedureFiles(pkg) },
    });
    const token = await t.login('ld-admin', 'Longde2026init');
    const me = await t.http().get('/api/me').set(bearer(token)).expect(200);
    expect(me.body.tenant).toMatchObject({ code: '640423', name: '隆德县' });
    const defs = await t.http().get('/api/process-definitions').set(bearer(token)).expect(200);
    expect(defs.body).toHaveLength(procedureFiles(pkg)); // one procedure per shipped file
    // the county's export carries its decision table again, ahead of the procedures
    const exported = (await t.http().get('/api/admin/county-package').set(bearer(token)).expect(200)).body;
    expect(exported.workflows[0]).toEqual({ name: 'persuasion-partners.dmn', content: expect.stringContaining('id="persuasionPartners"') });

    const audit = await t.ds.query("SELECT username, entity FROM audit_entry WHERE action = 'county.bootstrap'");
    expect(audit).toEqual([{ username: 'system', entity: 'tenant' }]);

    const again = await bootstrapCounty(t.app, pkg, { initialPassword: 'Longde2026init' });
    for (const part of ['orgUnits', 'roles', 'users', 'forms', 'workflows'] as const)
      expect(again[part]).toMatchObject({ created: 0, updated: 0 });
  });

  it('refuses a package whose root unit is not the county', async () => {
    const pkg = longde();
    await expect(bootstrapCounty(t.app, { ...pkg, tenant: { code: '640424', name: '泾源县' } })).rejects.toThrow(
      /root unit \(640423\) must be the county itself/,
    );
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM tenant WHERE code = '640424'");
    expect(Number(n)).toBe(0);
  });
});
