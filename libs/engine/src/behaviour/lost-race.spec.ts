import { ConcurrencyError } from '../errors';
import { Engine } from '../engine';
import type { StoragePort, StorageTx } from '../storage';
import { TENANT, givenEngine, openTasks } from './harness';

/**
 * On PostgreSQL two processes may run commands on one instance at once; the one that commits second can find
 * a token or scope it depends on already gone. That is a lost race (409, retry), not a server fault.
 */
describe('a command that loses a race', () => {
  it('given the root scope was removed by another process meanwhile, when a task is completed, then ConcurrencyError and nothing changes', async () => {
    const { engine, store, clock } = await givenEngine(['approval.bpmn']);
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [task] = await openTasks(engine, instance.id);
    // the same store, except that reads of the instance's root scope come back empty, as right after another
    // process ended the instance and committed
    const racing: StoragePort = {
      transaction: (work) =>
        store.transaction((tx) =>
          work(
            new Proxy(tx, {
              get(target, prop: keyof StorageTx) {
                if (prop === 'get')
                  return (kind: string, id: string) =>
                    kind === 'execution' && id === instance.id ? Promise.resolve(undefined) : target.get(kind as 'execution', id);
                const value = target[prop];
                return typeof value === 'function' ? value.bind(target) : value;
              },
            }),
          ),
        ),
      acquireJobs: (...args) => store.acquireJobs(...args),
      acquireExternalJobs: (...args) => store.acquireExternalJobs(...args),
    };
    const loser = new Engine({ store: racing, clock });
    const error = await loser.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect((error as ConcurrencyError).code).toBe('CONCURRENT_MODIFICATION');
    expect((await openTasks(engine, instance.id)).map((t) => t.id)).toEqual([task.id]);
    expect(await engine.getActiveActivities(TENANT, instance.id)).toEqual(['school']);
  });
});
