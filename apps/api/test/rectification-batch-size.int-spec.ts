import { Actor, deployPackage, isoDay } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue #14 point 4: a large rectification batch stalled the server (800 items 17 s, 3,000 items minutes at
 * 3.5 GB, /api/health silent). The list is bounded by the form (500 rows when its author sets no maxItems), and
 * a batch's cost grows with its length, not its square: each item's case is handed only its own row.
 */
describe('rectification batch size (#14.4)', () => {
  let t: TestApp;
  let inspector: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    inspector = await Actor.as(t, 'inspector');
  });
  afterAll(() => t.close());

  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      problem: `第 ${i + 1} 项：学籍信息与台账不一致`,
      unitCode: '64042210001',
      role: 'principal',
      deadline: isoDay(10),
    }));

  const itemCases = async () =>
    Number(
      (
        await t.ds.query(
          `SELECT COUNT(*) AS n FROM bpmn_instance i JOIN bpmn_definition d ON d.id = i."definitionId" WHERE d.key = 'rectification-item'`,
        )
      )[0].n,
    );

  it('given 501 rows, then 400 at items naming the limit of 500, and no item case is started', async () => {
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    const task = await inspector.task(batch.id, 'enterItems');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(inspector.auth)
      .send({ data: { source: '2026年第三方评估反馈', items: items(501) } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'FORM_INVALID',
      details: [{ field: '/items', keyword: 'maxItems', message: '最多只能填写 500 项' }],
    });
    expect(await itemCases()).toBe(0);
  });

  it('given 500 rows, then 500 item cases each holding only its own row, and a bystander is answered meanwhile', async () => {
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    const task = await inspector.task(batch.id, 'enterItems');
    const started = Date.now();
    const completion = t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(inspector.auth)
      .send({ data: { source: '2026年第三方评估反馈', items: items(500) } });
    const bystander = async () => {
      await new Promise((r) => setTimeout(r, 300));
      const t0 = Date.now();
      await t.http().get('/api/me').set(inspector.auth).expect(200);
      return Date.now() - t0;
    };
    const [res, bystanderMs] = await Promise.all([completion, bystander()]);
    expect(res.status).toBe(201);
    process.stdout.write(`  500-item batch completed in ${Date.now() - started} ms; a bystander's /api/me took ${bystanderMs} ms\n`);
    expect(bystanderMs).toBeLessThan(2000);
    expect(await itemCases()).toBe(500);
    const [oneCase] = await t.ds.query(
      `SELECT i.id FROM bpmn_instance i JOIN bpmn_definition d ON d.id = i."definitionId" WHERE d.key = 'rectification-item' ORDER BY i."startedAt" DESC LIMIT 1`,
    );
    const { variables } = await inspector.instance(oneCase.id);
    expect(variables).not.toHaveProperty('items');
    expect(variables).toMatchObject({ orgUnit: '64042210001', responsibleRole: 'principal' });
  });
});
