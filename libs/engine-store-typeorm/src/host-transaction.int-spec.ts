import { ConcurrencyError, Engine, type ServiceContext, TaskNotActiveError } from '@kcbx/engine';
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSource, EntityManager } from 'typeorm';
import { dataSource, dialect, migratedDataSource, NOTE, openDatabase, pgBase, type TestDatabase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

const TENANT = 'county-1';
const T0 = Date.parse('2026-12-01T08:00:00Z');

/**
 * One unit of work (issue #14 point 11): a service handler's writes through `ctx.tx`, and a command's side writes,
 * commit with the engine's step or not at all — on SQLite and on PostgreSQL, where the store holds the engine's
 * writes until commit and the host's go in after that flush, before commit.
 */
describe(`the engine command's transaction handle on ${dialect}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let engine: Engine<EntityManager>;
  const clock = { current: T0, now: () => clock.current };
  /** what the handler does after writing its row */
  let afterWrite: 'return' | 'fail' = 'return';

  /** the handler of a ledger step: writes an event row of the host's, then goes on or fails */
  const recordLedger = async (ctx: ServiceContext<EntityManager>) => {
    await ctx.tx.getRepository(NOTE).insert({ id: randomUUID(), note: ctx.instanceId });
    if (afterWrite === 'fail') throw new Error('ledger service down');
    return { recorded: true };
  };
  const eventsOf = (instanceId: string) => ds.getRepository(NOTE).countBy({ note: instanceId });

  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    engine = new Engine({ store: new TypeOrmStore(ds), clock, retryBackoffMs: 1000, serviceHandlers: { 'record-ledger': recordLedger } });
    const content = readFileSync(join(__dirname, 'host-transaction.bpmn'), 'utf8');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'host-transaction.bpmn', content }] });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });
  beforeEach(() => {
    afterWrite = 'return';
  });

  it('given a handler that writes a row through ctx.tx and then fails, when the job runs, then nothing of it stays; the retry writes it exactly once', async () => {
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'ledgerStep' });
    afterWrite = 'fail';
    expect(await engine.executeDueJobs(clock.current)).toEqual({ done: 0, failed: 1 });
    expect(await eventsOf(id)).toBe(0);
    expect((await engine.listJobs(TENANT, id))[0]).toMatchObject({ retries: 2, lastError: 'ledger service down' });

    afterWrite = 'return';
    clock.current += 1000;
    expect(await engine.executeDueJobs(clock.current)).toEqual({ done: 1, failed: 0 });
    expect(await engine.executeDueJobs(clock.current)).toEqual({ done: 0, failed: 0 });
    expect(await eventsOf(id)).toBe(1);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['confirm']);
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ recorded: true });
  });

  it('given the step fails after its handler wrote (the database refuses the step’s history at commit), then the handler’s row does not stay; the retry writes it once', async () => {
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'ledgerStep' });
    await refuseLeaving('record');
    try {
      expect(await engine.executeDueJobs(clock.current)).toEqual({ done: 0, failed: 1 });
      expect(await eventsOf(id)).toBe(0);
      expect((await engine.listJobs(TENANT, id))[0].lastError).toMatch(/injected failure after the handler/);
      expect(await engine.getActiveActivities(TENANT, id)).toEqual(['record']);
    } finally {
      await allowLeaving();
    }
    clock.current += 1000;
    expect(await engine.executeDueJobs(clock.current)).toEqual({ done: 1, failed: 0 });
    expect(await eventsOf(id)).toBe(1);
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['confirm']);
  });

  it("given side writes on a completion, then they run after the engine's writes (the task is completed for them) and commit with them; refused, they leave the task open", async () => {
    const { id } = await openAtConfirm();
    const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    const param = pgBase ? '$1' : '?';
    await expect(
      engine.completeTask({
        tenantId: TENANT,
        taskId: task.id,
        userId: 'clerk',
        sideWrites: async (m) => {
          await m.getRepository(NOTE).insert({ id: randomUUID(), note: `${id}-submission` });
          throw new Error('attachment check failed');
        },
      }),
    ).rejects.toThrow('attachment check failed');
    expect((await engine.getTask(TENANT, task.id)).state).toBe('created');
    expect(await eventsOf(`${id}-submission`)).toBe(0);

    const seen: string[] = [];
    const done = await engine.completeTask({
      tenantId: TENANT,
      taskId: task.id,
      userId: 'clerk',
      sideWrites: async (m, completed) => {
        const [row] = await m.query(`SELECT "state" FROM bpmn_task WHERE "id" = ${param}`, [completed.id]);
        seen.push(row.state);
        await m.getRepository(NOTE).insert({ id: randomUUID(), note: `${id}-submission` });
      },
    });
    expect(done.state).toBe('completed');
    expect(seen).toEqual(['completed']);
    expect(await eventsOf(`${id}-submission`)).toBe(1);
    expect((await engine.getInstance(TENANT, id)).state).toBe('completed');
  });

  it('given two processes completing the same task with side writes at once, then one wins and only its side writes stay', async () => {
    const { id } = await openAtConfirm();
    const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: id });
    // on PostgreSQL the second engine has its own connection pool, as a second API process would
    const secondDs = db.url ? await dataSource(db).initialize() : null;
    const second = secondDs ? new Engine({ store: new TypeOrmStore(secondDs), clock }) : engine;
    try {
      const complete = (by: Engine<EntityManager>, who: string) =>
        by.completeTask({
          tenantId: TENANT,
          taskId: task.id,
          userId: who,
          sideWrites: (m) =>
            m
              .getRepository(NOTE)
              .insert({ id: randomUUID(), note: `${id}-by` })
              .then(() => undefined),
        });
      const results = await Promise.allSettled([complete(engine, 'wang'), complete(second, 'li')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost.reason instanceof ConcurrencyError || lost.reason instanceof TaskNotActiveError).toBe(true);
      expect(await eventsOf(`${id}-by`)).toBe(1);
    } finally {
      await secondDs?.destroy();
    }
  });

  async function openAtConfirm() {
    const started = await engine.startProcess({ tenantId: TENANT, key: 'ledgerStep' });
    await engine.executeDueJobs(clock.current);
    expect(await engine.getActiveActivities(TENANT, started.id)).toEqual(['confirm']);
    return started;
  }

  /** a failure injected by the database itself: leaving `elementId` is refused when its history row is written */
  async function refuseLeaving(elementId: string) {
    const when = `NEW."type" = 'activity-left' AND NEW."elementId" = '${elementId}'`;
    if (!pgBase) {
      await ds.query(
        `CREATE TRIGGER refuse_leaving BEFORE INSERT ON bpmn_history WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure after the handler'); END`,
      );
      return;
    }
    await ds.query(
      `CREATE FUNCTION refuse_leaving() RETURNS trigger AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION 'injected failure after the handler'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await ds.query('CREATE TRIGGER refuse_leaving BEFORE INSERT ON bpmn_history FOR EACH ROW EXECUTE FUNCTION refuse_leaving()');
  }

  async function allowLeaving() {
    if (!pgBase) return void (await ds.query('DROP TRIGGER refuse_leaving'));
    await ds.query('DROP TRIGGER refuse_leaving ON bpmn_history');
    await ds.query('DROP FUNCTION refuse_leaving()');
  }
});
