import { Engine } from '@kcbx/engine';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSource, EntityManager } from 'typeorm';
import { dialect, migratedDataSource, openDatabase, type TestDatabase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

const TENANT = 'county-1';
const OTHER = 'county-2';
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'engine', 'src', 'behaviour', name), 'utf8');

/**
 * Issue #18's business rule tasks on a real database: decisions deployed into bpmn_decision (migration
 * DecisionTable1733610000000), versioned per county, decided with by the latest version, incidents retried.
 */
describe(`business rule tasks with deployed DMN on ${dialect}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let engine: Engine<EntityManager>;
  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    engine = new Engine<EntityManager>({ store: new TypeOrmStore(ds), clock: { now: () => Date.parse('2026-12-01T08:00:00Z') } });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const decisionRows = (tenantId: string) =>
    ds.query(`SELECT ${q('version')}, ${q('name')} FROM bpmn_decision WHERE ${q('tenantId')} = '${tenantId}' ORDER BY ${q('version')}`);
  // quoted: PostgreSQL folds unquoted names to lower case; SQLite accepts the quotes too
  const q = (column: string) => `"${column}"`;

  it('given a case in a county without the decision, when it reaches the task, then an incident; deploying the DMN and retrying decides', async () => {
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'business-rule.bpmn', content: fixture('business-rule.bpmn') }] });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 25 } });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'DECISION_NOT_DEPLOYED', activityId: 'decideRisk' });

    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: fixture('risk-level.dmn') }] });
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskLabel: '风险：高' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    const decided = (await engine.getHistory(TENANT, id)).find((h) => h.type === 'decision-evaluated');
    expect(decided).toMatchObject({ elementId: 'decideRisk', data: { decisionId: 'riskLevel', version: 1, matchedRules: [3] } });
  });

  it('given the DMN deployed again unchanged and then changed, then one new version, decided with from then on, in that county only', async () => {
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: fixture('risk-level.dmn') }] });
    expect(await decisionRows(TENANT)).toEqual([{ version: 1, name: '风险等级' }]);
    const changed = fixture('risk-level.dmn').replace('"低"', '"较低"');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: changed }] });
    expect(await decisionRows(TENANT)).toEqual([
      { version: 1, name: '风险等级' },
      { version: 2, name: '风险等级' },
    ]);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 2 } });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskLabel: '风险：较低' });

    await engine.deploy({
      tenantId: OTHER,
      resources: ['risk-level.dmn', 'business-rule-c7.bpmn'].map((name) => ({ name, content: fixture(name) })),
    });
    expect(await decisionRows(OTHER)).toEqual([{ version: 1, name: '风险等级' }]);
    const other = await engine.startProcess({ tenantId: OTHER, key: 'rulesC7', variables: { absentDays: 2 } });
    expect(await engine.getVariables(OTHER, other.id)).toMatchObject({ risk: '低' });
  });
});
