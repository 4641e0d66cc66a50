import { StatisticsUpkeep } from '../src/database/statistics-upkeep';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { approvalResources } from './support/workflow-fixtures';

/**
 * Issue #19: with autovacuum off (these machines), the API analyses the tables that changed past autovacuum's
 * own threshold, so statistics and the plans prepared on pooled connections follow the tables as they grow.
 */
describe('statistics upkeep (PostgreSQL without autovacuum)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
  }, 300_000);
  afterAll(async () => t.close());

  it('analyses a table once its changes pass autovacuum’s threshold, and not again until they do', async () => {
    const upkeep = t.app.get(StatisticsUpkeep);
    if (t.db.kind === 'sqlite') {
      // SQLite keeps no such statistics: nothing to do
      expect(await upkeep.round()).toEqual([]);
      return;
    }
    const designer = await t.login('designer');
    await t.http().post('/api/deployments').set(bearer(designer)).send({ resources: approvalResources() }).expect(201);
    const teacher = await t.login('teacher');
    const since = new Date();
    // every start writes history rows: well past the threshold (50 + 10 % of the rows) of a young table
    for (let i = 0; i < 12; i++) {
      await t
        .http()
        .post('/api/process-definitions/key/leave-approval/start')
        .set(bearer(teacher))
        .send({ orgUnit: '64042210001' })
        .expect(201);
    }
    // The server's change counters trail by up to a second, and the upkeep's own timer may take the round:
    // look as a person would, until the history table has been analysed since the starts.
    const stats = async () =>
      (
        await t.ds.query(
          `SELECT n_mod_since_analyze::int AS changed, last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'bpmn_history'`,
        )
      )[0] as { changed: number; at: Date | null };
    const deadline = Date.now() + 30_000;
    while (!((await stats()).at! >= since) && Date.now() < deadline) {
      await upkeep.round();
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await stats()).at!.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect((await stats()).changed).toBeLessThan(50);
    expect(await upkeep.round()).not.toContain('public.bpmn_history');
  });
});
