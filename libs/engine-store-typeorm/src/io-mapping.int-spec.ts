import { Engine } from '@kcbx/engine';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSource, EntityManager } from 'typeorm';
import { dialect, migratedDataSource, openDatabase, type TestDatabase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

const TENANT = 'county-1';

/**
 * Input and output mappings on a real database (issue #13 acceptance 2): a review step's answers reach the process
 * only under its output names, and a step's own values (its inputs, its own previous submission) come back from
 * the stored history — on PostgreSQL through the buffered writes and the one-statement task prefetch too.
 */
describe(`input and output mappings on ${dialect}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let engine: Engine<EntityManager>;
  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    engine = new Engine({ store: new TypeOrmStore(ds) });
    const content = readFileSync(join(__dirname, '..', '..', 'engine', 'src', 'behaviour', 'io-mapping.bpmn'), 'utf8');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'io-mapping.bpmn', content }] });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const complete = async (instanceId: string, activityId: string, userId: string, variables: Record<string, unknown>) => {
    const [task] = await engine.listTasks({ tenantId: TENANT, instanceId });
    expect(task.activityId).toBe(activityId);
    return engine.completeTask({ tenantId: TENANT, taskId: task.id, userId, variables, expectedVersion: task.version });
  };

  it("given two reviews with output mappings, then each step's answers reach the process under its own names; the township step opens with its inputs only, and after a loop back the school step opens with its own answers", async () => {
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'deferral' });
    await complete(id, 'apply', 'teacher-ma', { reason: 'illness', days: 30 });
    await complete(id, 'schoolReview', 'principal-li', { decision: 'approve', opinion: '情况属实' });

    const [town] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    expect(await engine.getStepValues(TENANT, town.id)).toEqual({ inputs: { schoolSaid: '情况属实', days: 30 }, previousSubmission: null });
    expect(await engine.getVariables(TENANT, id)).toEqual({
      reason: 'illness',
      days: 30,
      schoolDecision: 'approve',
      schoolOpinion: '情况属实',
    });

    await complete(id, 'townReview', 'official-wu', { decision: 'return', opinion: '补充材料', schoolSaid: 'changed', days: 1 });
    const [school] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    expect(await engine.getStepValues(TENANT, school.id)).toEqual({
      inputs: {},
      previousSubmission: { decision: 'approve', opinion: '情况属实' },
    });
    // the township's submission reached the process through its outputs only: its inputs stayed its own
    expect(await engine.getVariables(TENANT, id)).toEqual({
      reason: 'illness',
      days: 30,
      schoolDecision: 'approve',
      schoolOpinion: '情况属实',
      townDecision: 'return',
      townOpinion: '补充材料',
    });
    // and no step-local values were left behind in the database
    const [{ n }] = await ds.query('SELECT count(*) AS n FROM bpmn_variable WHERE "scopeId" <> "instanceId"');
    expect(Number(n)).toBe(0);
  });
});
