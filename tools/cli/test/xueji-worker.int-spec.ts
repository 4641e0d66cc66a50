import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Engine } from '@kcbx/engine';
// The worker is a client of the API; its test runs the real server in-process (a real port, a real database).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bearer, startTestApp, TestApp } from '../../../apps/api/test/support/test-app';
import { memoryIo } from '../io';
import { runCli } from '../main';

/** the Camunda Modeler 5 model with the external task (topic xueji-verify), shared with the engine's spec */
const MODEL = fs.readFileSync(path.join(__dirname, '../../../libs/engine/src/behaviour/external-task.bpmn'), 'utf8');

/**
 * The example external worker (#18): given the 学籍 system's export in a drop folder and three cases waiting at the
 * external 学籍系统核验 step, when `npm run tools -- xueji-worker --once` runs with the county's API key, then the
 * child found with the same name ends the case, the one whose name differs and the one not in the export go to the
 * registrar's correction step (the latter through the model's NOT_REGISTERED error boundary).
 */
describe('tools: the example 学籍 worker against a running API', () => {
  let t: TestApp;
  let url: string;
  let drop: string;
  let key: string;
  let engine: Engine;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    engine = t.app.get(Engine);
    tenantId = (await t.ds.query(`SELECT id FROM tenant WHERE code = '640422'`))[0].id;
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'xueji-check.bpmn', content: MODEL }] })
      .expect(201);
    key = (
      await t
        .http()
        .post('/api/admin/api-keys')
        .set(bearer(await t.login('admin')))
        .send({ name: '学籍核验示例' })
        .expect(201)
    ).body.key;
    drop = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-xueji-'));
    fs.writeFileSync(
      path.join(drop, '2026-12-01.csv'),
      '\uFEFF姓名,身份证号,学籍状态\n马小虎,640422201404040149,在籍\n"杨春燕",64042220140304014X,休学\n',
    );
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(drop, { recursive: true, force: true });
  });

  const runJobs = async () => {
    while ((await engine.executeDueJobs(Date.now(), 'test', 500)).done > 0);
  };

  it('completes the found child, and sends a differing name and an unregistered child to the registrar', async () => {
    const start = (businessKey: string, variables: Record<string, unknown>) =>
      engine.startProcess({ tenantId, key: 'xueji-check', businessKey, variables });
    const found = await start('A', { idNumber: '640422201404040149', name: '马小虎' });
    const differs = await start('B', { idNumber: '64042220140304014x', name: '杨春艳' });
    const missing = await start('C', { idNumber: '640422201501010011', name: '田志刚' });
    await runJobs();

    const io = memoryIo(drop, {});
    const code = await runCli(['xueji-worker', '--url', url, '--api-key', key, '--drop', drop, '--once'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('领取 3 件：一致 1、姓名不一致 1、查无学籍 1、失败 0');
    await runJobs();

    expect((await engine.getInstance(tenantId, found.id)).state).toBe('completed');
    expect(await engine.getVariables(tenantId, found.id)).toMatchObject({ matches: true, xuejiStatus: '在籍' });
    expect(await engine.getActiveActivities(tenantId, differs.id)).toEqual(['fixRecord']);
    expect(await engine.getVariables(tenantId, differs.id)).toMatchObject({ matches: false, xuejiName: '杨春燕', xuejiStatus: '休学' });
    expect(await engine.getActiveActivities(tenantId, missing.id)).toEqual(['fixRecord']);
  });

  it('refuses to start without a key or a drop folder, saying which', async () => {
    const io = memoryIo(drop, {});
    expect(await runCli(['xueji-worker', '--url', url, '--drop', drop, '--once'], io)).not.toBe(0);
    expect(io.stderr.join('\n')).toContain('KCBX_API_KEY');
    const io2 = memoryIo(drop, {});
    expect(await runCli(['xueji-worker', '--url', url, '--api-key', key, '--drop', '/no/such/folder', '--once'], io2)).not.toBe(0);
    expect(io2.stderr.join('\n')).toContain('学籍文件目录不存在');
  });
});
