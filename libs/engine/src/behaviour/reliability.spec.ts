import { Engine } from '../engine';
import { MemoryStore, type MemoryHostTx, type StorageTx } from '../storage';
import { TENANT, TestClock, fixture, givenEngine, openTasks } from './harness';

/** a store whose transactions fail at the n-th write, like a process dying mid-step */
class CrashingStore extends MemoryStore {
  crashAtWrite: number | null = null;

  override transaction<T>(work: (tx: StorageTx<MemoryHostTx>) => Promise<T>): Promise<T> {
    return super.transaction((tx) => {
      let writes = 0;
      const crash = () => {
        if (this.crashAtWrite !== null && ++writes >= this.crashAtWrite) throw new Error('process killed');
      };
      return work({
        ...tx,
        get: tx.get.bind(tx),
        find: tx.find.bind(tx),
        findDueJobs: tx.findDueJobs.bind(tx),
        host: tx.host.bind(tx),
        insert: async (kind, record) => {
          crash();
          return tx.insert(kind, record);
        },
        update: async (kind, record) => {
          crash();
          return tx.update(kind, record);
        },
        delete: async (kind, id) => {
          crash();
          return tx.delete(kind, id);
        },
      });
    });
  }
}

describe('reliability', () => {
  it('given a crash in the middle of completing a task, when it happens, then nothing of that step is kept and the task can be completed again', async () => {
    const store = new CrashingStore();
    const engine = new Engine({ store, clock: new TestClock() });
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: fixture('approval.bpmn') }] });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, id);
    const before = store.storedBytes();
    store.crashAtWrite = 3;
    await expect(engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1', variables: { a: 1 } })).rejects.toThrow(
      'process killed',
    );
    expect(store.storedBytes()).toBe(before);
    expect((await openTasks(engine, id)).map((t) => t.id)).toEqual([task.id]);
    store.crashAtWrite = null;
    await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1', variables: { a: 1 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['town']);
  });

  it('given 100 due service jobs and two workers on one store, when both run at once, then every job runs exactly once', async () => {
    const calls = new Map<string, number>();
    const handler = ({ instanceId }: { instanceId: string }) => {
      calls.set(instanceId, (calls.get(instanceId) ?? 0) + 1);
      return { ledgerId: 'L' };
    };
    const { engine, store, clock } = await givenEngine(['service-script.bpmn'], { serviceHandlers: { 'set ledger status': handler } });
    const other = new Engine({ store, clock, serviceHandlers: { 'set ledger status': handler } });
    for (let i = 0; i < 100; i++)
      await engine.startProcess({ tenantId: TENANT, key: 'services', variables: { absentDays: i, poor: false } });
    const [a, b] = await Promise.all([engine.acquireAndExecute('worker-a', 10), other.acquireAndExecute('worker-b', 10)]);
    expect(a.done + b.done).toBe(100);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(calls.size).toBe(100);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
  });
});
