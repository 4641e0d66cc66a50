import { ConcurrencyError } from '../errors';
import { MemoryStore } from './memory-store';
import type { ExecutionRecord, JobRecord } from './records';

const execution = (id: string): ExecutionRecord => ({
  id,
  tenantId: 't1',
  instanceId: 'i1',
  parentId: null,
  kind: 'token',
  activityId: 'a',
  state: 'waiting',
  data: '{}',
  createdAt: 0,
  version: 1,
});
const job = (id: string, dueAt: number): JobRecord => ({
  id,
  tenantId: 't1',
  instanceId: 'i1',
  executionId: null,
  definitionId: 'd',
  activityId: 'timer',
  kind: 'timer',
  payload: '{}',
  dueAt,
  retries: 3,
  lockOwner: null,
  lockExpiresAt: null,
  lastError: null,
  createdAt: 0,
  version: 1,
});

describe('MemoryStore', () => {
  it('given a failing transaction, when it throws, then every write in it is rolled back', async () => {
    const store = new MemoryStore();
    await store.transaction((tx) => tx.insert('execution', execution('e1')));
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('execution', execution('e2'));
        const e1 = (await tx.get('execution', 'e1'))!;
        await tx.update('execution', { ...e1, state: 'active' });
        await tx.delete('execution', 'e1');
        throw new Error('crash mid-step');
      }),
    ).rejects.toThrow('crash mid-step');
    const rows = await store.transaction((tx) => tx.find('execution', {}));
    expect(rows).toEqual([execution('e1')]);
  });

  it('given a stale version, when updating, then a ConcurrencyError is thrown and nothing changes', async () => {
    const store = new MemoryStore();
    await store.transaction((tx) => tx.insert('execution', execution('e1')));
    const updated = await store.transaction(async (tx) => tx.update('execution', { ...execution('e1'), state: 'active' }));
    expect(updated.version).toBe(2);
    await expect(store.transaction((tx) => tx.update('execution', { ...execution('e1'), state: 'scope' }))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await store.transaction((tx) => tx.get('execution', 'e1')))?.state).toBe('active');
  });

  it('given due jobs, when two workers acquire, then each job goes to one worker until its lock expires', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await tx.insert('job', job('j1', 100));
      await tx.insert('job', job('j2', 200));
      await tx.insert('job', job('j3', 5000));
    });
    const [a, b] = await Promise.all([store.acquireJobs(1000, 10, 'A', 60_000), store.acquireJobs(1000, 10, 'B', 60_000)]);
    expect(a.map((j) => j.id)).toEqual(['j1', 'j2']);
    expect(b).toEqual([]);
    const afterExpiry = await store.acquireJobs(70_000, 10, 'B', 60_000);
    expect(afterExpiry.map((j) => [j.id, j.lockOwner])).toEqual([
      ['j1', 'B'],
      ['j2', 'B'],
      ['j3', 'B'],
    ]);
  });

  it('given a filter, when finding, then only equal rows come back in insertion order', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await tx.insert('execution', execution('e2'));
      await tx.insert('execution', { ...execution('e1'), parentId: 'e2' });
    });
    const children = await store.transaction((tx) => tx.find('execution', { parentId: 'e2' }));
    expect(children.map((e) => e.id)).toEqual(['e1']);
  });

  it('given rows whose ids arrive out of order, when finding, then they come back in id order as a database gives them', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await tx.insert('execution', execution('e3'));
      await tx.insert('execution', execution('e1'));
      await tx.insert('execution', execution('e2'));
    });
    const byInstance = await store.transaction((tx) => tx.find('execution', { instanceId: 'i1' }));
    const all = await store.transaction((tx) => tx.find('execution', {}));
    expect(byInstance.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(all.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('given a stored id, when inserting it again, then the store refuses and keeps the first row', async () => {
    const store = new MemoryStore();
    await store.transaction((tx) => tx.insert('execution', execution('e2')));
    await store.transaction((tx) => tx.insert('execution', execution('e9')));
    await expect(store.transaction((tx) => tx.insert('execution', { ...execution('e2'), state: 'active' }))).rejects.toThrow(
      'duplicate execution id e2',
    );
    expect((await store.transaction((tx) => tx.get('execution', 'e2')))?.state).toBe('waiting');
  });
});
