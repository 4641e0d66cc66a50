import * as fs from 'fs';
import { type AddressInfo, createServer } from 'net';
import * as os from 'os';
import * as path from 'path';
// The CLI is a client of the API; its tests run the real server in-process (a real port, a real database),
// which only the API's own test harness can start.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEMO_PASSWORD, startTestApp, TestApp } from '../../../apps/api/test/support/test-app';
import { memoryIo } from '../io';
import { runCli } from '../main';
import { FIXTURE_PACKAGE } from './support/package-copy';

/** a port nothing listens on: taken from the OS, then released */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * IT staff take a county's package from one server to another with the CLI: given a running API with Xiji
 * and Longde, the CLI logs in, deploys the fixture forms and procedures (refusing a broken copy before
 * sending anything), exports Xiji to a folder, refuses to import it into Longde, makes Longde's county folder
 * from the division tree and seeds it with the procedures.
 */
describe('the CLI against a running API', () => {
  let t: TestApp;
  let url: string;
  let work: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-cli-'));
    fs.cpSync(path.join(FIXTURE_PACKAGE, 'forms'), path.join(work, 'forms'), { recursive: true });
    fs.cpSync(path.join(FIXTURE_PACKAGE, 'workflows'), path.join(work, 'workflows'), { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const io = memoryIo(work, { KCBX_URL: url });
    const code = await runCli(argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }
  const token = async (username: string) => {
    const r = await cli('login', '--username', username, '--password', DEMO_PASSWORD);
    expect(r.code).toBe(0);
    return r.out.trim();
  };

  it('login prints only a token; a wrong password is a clear refusal', async () => {
    expect(await token('designer')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const bad = await cli('login', '--username', 'designer', '--password', 'wrong-pass-1');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('服务器拒绝（HTTP 401 AUTH_INVALID_CREDENTIALS）：用户名或密码错误');
  });

  it("deploy checks against the server's roles first: a broken copy is refused locally, a good one deployed once", async () => {
    const designer = await token('designer');
    const escalation = path.join(work, 'workflows', 'escalation.bpmn');
    const original = fs.readFileSync(escalation, 'utf8');
    fs.writeFileSync(escalation, original.replace('candidateGroups="principal"', 'candidateGroups="headmaster"'));
    const refused = await cli('deploy', 'forms', 'workflows', '--token', designer);
    fs.writeFileSync(escalation, original);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/workflows\/escalation\.bpmn:19 \(principalVisit\) \[ROLE_NOT_FOUND\] 候选角色“headmaster”/);
    expect(refused.err).toContain('未部署：共 1 个问题');
    const none = await t
      .http()
      .get('/api/process-definitions')
      .set({ Authorization: `Bearer ${designer}` })
      .expect(200);
    expect(none.body).toEqual([]);

    const preview = await cli('deploy', 'forms', 'workflows', '--token', designer, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('流程 process leave-approval v1（新版本 new version）');
    expect(preview.out).toContain('预览（未部署）');
    const stillNone = await t
      .http()
      .get('/api/process-definitions')
      .set({ Authorization: `Bearer ${designer}` })
      .expect(200);
    expect(stillNone.body).toEqual([]);

    const done = await cli('deploy', 'forms', 'workflows', '--token', designer);
    // only the fixture's known warning (its persuasion procedure reads a variable no form sets), no problem
    expect(done.err.split('\n')).toEqual([expect.stringContaining('[FEEL_UNKNOWN_VARIABLE] 提示 warning')]);
    expect(done.code).toBe(0);
    expect(done.out).toContain('流程 process leave-approval v1');
    expect(done.out).toContain('已部署到');
    const again = await cli('deploy', 'forms', 'workflows', '--token', designer);
    expect(again.out).toContain('流程 process leave-approval v1');
    expect((await cli('deploy', 'forms', 'workflows', '--token', designer, '--dry-run')).out).toContain(
      '流程 process leave-approval v1（内容相同，不产生新版本 unchanged）',
    );
    expect((await cli('deploy', 'forms', '--token', await token('teacher'))).code).toBe(1);
  });

  it('export writes the county as a folder, users without passwords; importing it back changes nothing', async () => {
    const admin = await token('admin');
    const r = await cli('export', '--out', 'xiji', '--token', admin);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出 西吉县（640422）到 xiji');
    const dir = path.join(work, 'xiji');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'county.json'), 'utf8'))).toEqual({
      format: 'kcbx-county-package/1',
      tenant: { code: '640422', name: '西吉县' },
    });
    const units = JSON.parse(fs.readFileSync(path.join(dir, 'org-units.json'), 'utf8'));
    expect(units.filter((u: { kind: string }) => u.kind === 'township')).toHaveLength(19);
    expect(fs.readFileSync(path.join(dir, 'users.json'), 'utf8')).not.toMatch(/password|argon2/i);
    expect(fs.readdirSync(path.join(dir, 'forms')).sort()).toEqual(['leave-application.form.json', 'principal-review.form.json']);
    expect(fs.readdirSync(path.join(dir, 'workflows')).sort()).toEqual([
      'escalation.bpmn',
      'leave-approval.bpmn',
      'persuasion-return.bpmn',
    ]);
    expect((await cli('validate', 'xiji')).code).toBe(0);

    const overwrite = await cli('export', '--out', 'xiji', '--token', admin);
    expect(overwrite.code).toBe(2);
    expect(overwrite.err).toContain('已存在且不为空');

    const back = await cli('import', 'xiji', '--token', admin);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/单位 org units: 新增 created 0，更新 updated 0，不变 unchanged \d+/);
    expect(back.out).toContain('流程 procedures: 新增 created 0，更新 updated 0，不变 unchanged 3');
  });

  it("import refuses another county's package and says whose it is", async () => {
    const r = await cli('import', 'xiji', '--token', await token('ld-admin'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('COUNTY_MISMATCH');
    expect(r.err).toContain('数据包属于 西吉县（640422），而您登录的是 隆德县（640423）');
  });

  it("new-county builds Longde's folder from the division tree — the same tree the server seeded — and seed loads it with the procedures", async () => {
    const made = await cli('new-county', '--code', '640423');
    expect(made.code).toBe(0);
    expect(made.out).toContain('已生成 隆德县（640423）：13 个乡镇');
    fs.copyFileSync(path.join(FIXTURE_PACKAGE, 'roles.json'), path.join(work, 'counties', '640423', 'roles.json'));
    const ldAdmin = await token('ld-admin');

    const preview = await cli('seed', '--token', ldAdmin, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('预览（未做任何更改） / preview (nothing changed): 640423');
    expect(preview.out).toMatch(/单位 org units: 新增 created 0，更新 updated 0，不变 unchanged 43/);
    expect(preview.out).toContain('流程 procedures: 新增 created 3');

    const units = JSON.parse(fs.readFileSync(path.join(work, 'counties', '640423', 'org-units.json'), 'utf8'));
    units.push({ code: '64042310009', name: '城关镇第九小学（演示）', kind: 'school', parentCode: '640423100' });
    fs.writeFileSync(path.join(work, 'counties', '640423', 'org-units.json'), JSON.stringify(units));
    fs.writeFileSync(
      path.join(work, 'counties', '640423', 'users.json'),
      JSON.stringify([
        { username: 'ld-teacher9', displayName: '第九小学老师（演示）', roles: [{ role: 'class-teacher', orgUnit: '64042310009' }] },
      ]),
    );
    const seeded = await cli('seed', '--token', ldAdmin, '--password', 'Longde2026x');
    expect(seeded.err).toBe('');
    expect(seeded.out).toMatch(/单位 org units: 新增 created 1/);
    expect(seeded.out).toContain('用户 users: 新增 created 1');
    await t.http().post('/api/auth/login').send({ username: 'ld-teacher9', password: 'Longde2026x' }).expect(200);
    const defs = await t
      .http()
      .get('/api/process-definitions')
      .set({ Authorization: `Bearer ${ldAdmin}` })
      .expect(200);
    expect(defs.body.map((d: { key: string }) => d.key).sort()).toEqual(['leave-approval', 'persuasion-return', 'visit-escalation']);
  });

  it('seed previews the shipped Xiji package from the repository: same tree and users as the server, every form new, every procedure new or changed', async () => {
    const io = memoryIo(path.join(__dirname, '..', '..', '..'), { KCBX_URL: url });
    const code = await runCli(['seed', '--county', '640422', '--dry-run', '--token', await token('admin')], io);
    const out = io.stdout.join('\n');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(out).toMatch(/单位 org units: 新增 created 0，更新 updated 0，不变 unchanged \d+/);
    expect(out).toMatch(/用户 users: 新增 created 0，更新 updated 0，不变 unchanged \d+/);
    expect(out).toMatch(/表单 forms: 新增 created [1-9]\d*，更新 updated 0/);
    // the fixture procedures deployed above share the persuasion-return key: that one counts as an update
    const [, created, updated] = /流程 procedures: 新增 created (\d+)，更新 updated (\d+)/.exec(out) ?? [];
    const shipped = fs.readdirSync(path.join(__dirname, '..', '..', '..', 'workflows')).filter((f) => f.endsWith('.bpmn')).length;
    expect(Number(created) + Number(updated)).toBe(shipped);
  });

  it('says what is missing when the server or token is not given, or the server is not there', async () => {
    const io = memoryIo(work, {});
    expect(await runCli(['export', '--out', 'x'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('请用 --url 或环境变量 KCBX_URL 指定服务器地址');
    const noToken = await cli('export', '--out', 'y');
    expect(noToken.err).toContain('请用 --token 或环境变量 KCBX_TOKEN 提供登录令牌');
    const closed = await freePort();
    const down = await cli('export', '--out', 'z', '--url', `http://127.0.0.1:${closed}`, '--token', 'x');
    expect(down.code).toBe(2);
    expect(down.err).toContain(`无法连接服务器 http://127.0.0.1:${closed}（ECONNREFUSED）`);
  });
});
