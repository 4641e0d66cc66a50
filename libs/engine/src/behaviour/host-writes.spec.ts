import type { MemoryHostTx } from '../storage';
import type { ServiceContext } from '../runtime/handlers';
import { TENANT, givenEngine, openTasks } from './harness';

/**
 * The host's writes belong to the engine's command: a service handler writes through `ctx.tx`, a caller through a
 * command's `sideWrites`; both commit with the step or not at all. (The in-memory store's handle is a key-value
 * table; the TypeORM store's is an EntityManager — its int-specs prove the same on SQLite and PostgreSQL.)
 */
describe("the host's writes in a command's transaction", () => {
  it('given a handler that writes through ctx.tx and then fails, when the job runs, then its write is undone; the retry writes once', async () => {
    let fail = true;
    const handler = (ctx: ServiceContext<MemoryHostTx>) => {
      ctx.tx.set(`ledger:${ctx.instanceId}`, ((ctx.tx.get(`ledger:${ctx.instanceId}`) as number) ?? 0) + 1);
      if (fail) throw new Error('ledger service down');
      return { ledgerId: 'L-1' };
    };
    const { engine, store, clock } = await givenEngine(['service-script.bpmn'], { serviceHandlers: { 'set ledger status': handler } });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'services', variables: { absentDays: 1, poor: false } });
    expect(await engine.executeDueJobs(clock.now())).toEqual({ done: 0, failed: 1 });
    expect(store.hostValues.get(`ledger:${id}`)).toBeUndefined();
    fail = false;
    expect(await engine.executeDueJobs(clock.advance(1000))).toEqual({ done: 1, failed: 0 });
    expect(store.hostValues.get(`ledger:${id}`)).toBe(1);
  });

  it('given side writes on a completion, then they get the completed task and commit with it; when they fail, the task stays open and nothing is kept', async () => {
    const { engine, store } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, instance.id);
    await expect(
      engine.completeTask({
        tenantId: TENANT,
        taskId: task.id,
        userId: 'u1',
        sideWrites: async (tx) => {
          tx.set('submission', 'kept?');
          throw new Error('submission refused');
        },
      }),
    ).rejects.toThrow('submission refused');
    expect(store.hostValues.has('submission')).toBe(false);
    expect((await openTasks(engine, instance.id)).map((t) => t.id)).toEqual([task.id]);

    await engine.completeTask({
      tenantId: TENANT,
      taskId: task.id,
      userId: 'u1',
      sideWrites: async (tx, done) => tx.set('submission', `${done.activityId}:${done.state}`),
    });
    expect(store.hostValues.get('submission')).toBe('school:completed');
  });
});
