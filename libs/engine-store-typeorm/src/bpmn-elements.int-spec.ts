import { Engine } from '@kcbx/engine';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSource, EntityManager } from 'typeorm';
import { dialect, migratedDataSource, openDatabase, type TestDatabase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

const TENANT = 'county-1';
const OTHER = 'county-2';
const DAY = 86_400_000;
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'engine', 'src', 'behaviour', name), 'utf8');

/**
 * Issue #18's elements on a real database (acceptance 4): event sub-processes, signals, escalation, conditional
 * events, compensation and async continuations, with the same fixtures as the engine's in-memory specs.
 */
describe(`BPMN event elements on ${dialect}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let now = Date.parse('2026-12-01T08:00:00Z');
  const calls: string[] = [];
  let store: TypeOrmStore;
  // one store per data source (it serialises SQLite's single connection); engines are the processes
  const newEngine = () =>
    new Engine<EntityManager>({
      store,
      clock: { now: () => now },
      serviceHandlers: {
        'register-transfer': ({ instanceId }) => {
          calls.push(instanceId);
          return { registered: true };
        },
      },
    });
  let engine: Engine<EntityManager>;
  const names = [
    'event-subprocess.bpmn',
    'signal-events.bpmn',
    'escalation-events.bpmn',
    'conditional-events.bpmn',
    'compensation.bpmn',
    'async-continuations.bpmn',
  ];
  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    store = new TypeOrmStore(ds);
    engine = newEngine();
    const resources = names.map((name) => ({ name, content: fixture(name) }));
    await engine.deploy({ tenantId: TENANT, resources });
    await engine.deploy({ tenantId: OTHER, resources });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const tasksAt = async (tenantId: string, instanceId: string, activityId: string) =>
    (await engine.listTasks({ tenantId, instanceId })).filter((t) => t.activityId === activityId);
  const complete = async (instanceId: string, activityId: string, variables: Record<string, unknown> = {}) => {
    const [task] = await tasksAt(TENANT, instanceId, activityId);
    await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1', variables });
  };

  it('given a running step, when the interrupting event sub-process starts, then the step is cancelled once and no second interruption follows; a non-interrupting one runs beside the step', async () => {
    const a = await engine.startProcess({ tenantId: TENANT, key: 'caseWithEvents', variables: { caseNo: 'DB-1' } });
    const b = await engine.startProcess({ tenantId: TENANT, key: 'caseWithEvents', variables: { caseNo: 'DB-2' } });
    now += 3 * DAY;
    await engine.executeDueJobs();
    expect(await engine.getActiveActivities(TENANT, b.id)).toEqual(['collect', 'remind', 'reminders']);
    await engine.correlateMessage({ tenantId: TENANT, name: 'case-withdrawn', correlationKey: 'DB-1' });
    expect(await engine.getActiveActivities(TENANT, a.id)).toEqual(['closeCase', 'withdrawn']);
    await expect(engine.correlateMessage({ tenantId: TENANT, name: 'case-withdrawn', correlationKey: 'DB-1' })).rejects.toMatchObject({
      code: 'MESSAGE_NOT_CORRELATED',
    });
    const cancelled = (await engine.getHistory(TENANT, a.id)).filter((h) => h.type === 'task-cancelled').map((h) => h.elementId);
    expect(cancelled.sort()).toEqual(['collect', 'remind']);
    await complete(a.id, 'closeCase');
    expect((await engine.getInstance(TENANT, a.id)).state).toBe('completed');
    // ids are the engine's own (time-ordered hex), safe to inline; the placeholder syntax differs per dialect
    const [{ n }] = await ds.query(`SELECT count(*) AS n FROM bpmn_subscription WHERE "instanceId" = '${a.id}'`);
    expect(Number(n)).toBe(0);
  });

  it("given instances waiting in two counties, when a signal is broadcast in one, then every waiting instance of that county gets it and the other county's does not", async () => {
    const mine = [
      await engine.startProcess({ tenantId: TENANT, key: 'signalWaits' }),
      await engine.startProcess({ tenantId: TENANT, key: 'signalWaits' }),
    ];
    const theirs = await engine.startProcess({ tenantId: OTHER, key: 'signalWaits' });
    const outcome = await engine.broadcastSignal({ tenantId: TENANT, name: 'school-closed' });
    expect(outcome.reached.sort()).toEqual(mine.map((i) => i.id).sort());
    expect(outcome.started).toHaveLength(1);
    for (const i of mine) expect(await engine.getActiveActivities(TENANT, i.id)).toEqual(['homeStudy', 'visit']);
    expect(await engine.getActiveActivities(OTHER, theirs.id)).toEqual(['visit', 'waitClosed']);
    const [{ n }] = await ds.query(`SELECT count(*) AS n FROM bpmn_instance WHERE "tenantId" = '${OTHER}' AND "key" = 'signalStarted'`);
    expect(Number(n)).toBe(0);
  });

  it('given escalations, then a non-interrupting boundary runs beside the sub-process and an escalation end event starts the interrupting event sub-process', async () => {
    const late = await engine.startProcess({ tenantId: TENANT, key: 'escalations', variables: { outcome: 'late' } });
    expect(await engine.getActiveActivities(TENANT, late.id)).toEqual(['finishVisit', 'townNotice', 'verify']);
    const refused = await engine.startProcess({ tenantId: TENANT, key: 'escalations', variables: { outcome: 'refused' } });
    expect(await engine.getActiveActivities(TENANT, refused.id)).toEqual(['legalNotice', 'onRefusal']);
  });

  it('given conditional events, when variables change, then the catch event passes, the boundary starts a visit beside, and the event sub-process ends the case', async () => {
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'absence', variables: { days: 3 } });
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { days: 25, urgent: true } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['followUp', 'principalVisit', 'report']);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { returned: true } });
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given completed bookings, when compensation is thrown, then their handlers run in reverse order of completion, each once', async () => {
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'placement', variables: { undone: [] } });
    await complete(id, 'familyDecides', { declined: true });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['undoAll', 'undoBus']);
    await complete(id, 'undoBus', { undone: ['bed', 'bus'] });
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: ['bed', 'bus', 'seat'] });
  });

  it('given asyncBefore/asyncAfter steps of 20 instances, when two engines run the due jobs at once, then every handler runs exactly once and every instance ends', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await engine.startProcess({ tenantId: TENANT, key: 'transfer', variables: { grade: 1 } })).id);
    const second = newEngine();
    await Promise.all([engine.executeDueJobs(now, 'worker-a', 5), second.executeDueJobs(now, 'worker-b', 5)]);
    // a lost race leaves a job for the next round; whoever runs it, it runs once
    await engine.executeDueJobs(now, 'worker-a');
    for (const id of ids) expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
    expect(calls.filter((c) => ids.includes(c)).sort()).toEqual([...ids].sort());
  });
});
