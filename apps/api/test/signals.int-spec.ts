import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '@kcbx/engine';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * POST /api/signals (issue #18): a designer broadcasts a signal in the own county; every waiting instance there
 * moves and a procedure with a signal start event starts, while the second county's instances stay where they are.
 */
describe('POST /api/signals', () => {
  let t: TestApp;
  let engine: Engine;
  let otherTenant: string;
  const tok: Record<string, string> = {};
  const content = fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'libs', 'engine', 'src', 'behaviour', 'signal-events.bpmn'),
    'utf8',
  );

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0', SEED_DEMO_WORKFLOWS: 'false' } });
    otherTenant = await t.seedSecondCounty();
    for (const u of ['designer', 'teacher', 'ld-designer']) tok[u] = await t.login(u);
    engine = t.app.get(Engine);
    for (const who of ['designer', 'ld-designer'])
      await t
        .http()
        .post('/api/deployments')
        .set(bearer(tok[who]))
        .send({ resources: [{ name: 'signal-events.bpmn', content }] })
        .expect(201);
  });
  afterAll(() => t.close());

  it('refuses a clerk (403) and a missing or overlong name (400, at the field)', async () => {
    await t.http().post('/api/signals').set(bearer(tok.teacher)).send({ name: 'school-closed' }).expect(403);
    const missing = await t.http().post('/api/signals').set(bearer(tok.designer)).send({}).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const long = await t
      .http()
      .post('/api/signals')
      .set(bearer(tok.designer))
      .send({ name: 'x'.repeat(256), variables: [] })
      .expect(400);
    expect(long.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'variables']);
  });

  it("reaches every waiting instance of the caller's county and starts its signal-started procedure, and leaves the other county's alone", async () => {
    const [definition] = await t.ds.query(
      `SELECT "tenantId" FROM bpmn_definition WHERE "key" = 'signalWaits' AND "tenantId" <> '${otherTenant}'`,
    );
    const mine = definition.tenantId as string;
    const a = await engine.startProcess({ tenantId: mine, key: 'signalWaits' });
    const b = await engine.startProcess({ tenantId: mine, key: 'signalWaits' });
    const theirs = await engine.startProcess({ tenantId: otherTenant, key: 'signalWaits' });

    const res = await t.http().post('/api/signals').set(bearer(tok.designer)).send({ name: 'school-closed' }).expect(201);
    expect(res.body.reached.sort()).toEqual([a.id, b.id].sort());
    expect(res.body.started).toHaveLength(1);
    expect(await engine.getActiveActivities(mine, a.id)).toEqual(['homeStudy', 'visit']);
    expect(await engine.getActiveActivities(mine, res.body.started[0])).toEqual(['plan']);
    expect(await engine.getActiveActivities(otherTenant, theirs.id)).toEqual(['visit', 'waitClosed']);
    const [{ n }] = await t.ds.query(
      `SELECT count(*) AS n FROM bpmn_instance WHERE "tenantId" = '${otherTenant}' AND "key" = 'signalStarted'`,
    );
    expect(Number(n)).toBe(0);
  });
});
