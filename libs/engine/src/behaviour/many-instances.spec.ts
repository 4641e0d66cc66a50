import { NotFoundError } from '../errors';
import { Queries } from '../queries';
import type { StoragePort, StorageTx } from '../storage';
import { TENANT, completeAt, fixture, givenEngine } from './harness';

/** given: three approval cases — one finished, one half-way, one just started — and one of another county */
async function givenCases() {
  const given = await givenEngine(['approval.bpmn']);
  const { engine, clock } = given;
  await engine.deploy({
    tenantId: 'county-2',
    resources: [{ name: 'approval.bpmn', content: fixture('approval.bpmn') }],
  });
  const start = (tenantId = TENANT) =>
    engine.startProcess({ tenantId, key: 'approval', variables: { townOfficer: 'li', region: 'xiji' }, startedBy: 'wang' });
  const done = await start();
  const halfway = await start();
  const fresh = await start();
  const elsewhere = await start('county-2');
  clock.advance(60_000);
  await completeAt(engine, done.id, 'school', { schoolOpinion: 'ok' });
  await completeAt(engine, halfway.id, 'school', { schoolOpinion: 'ok' });
  clock.advance(60_000);
  await completeAt(engine, done.id, 'town', { townOpinion: 'ok' }, 'li');
  await completeAt(engine, done.id, 'county', { approved: true });
  return { ...given, done, halfway, fresh, elsewhere };
}

/** the store without its `findIn`: the query asks `get` and `find` once per instance instead */
function withoutFindIn<H>(store: StoragePort<H>): StoragePort<H> {
  const hide = (tx: StorageTx<H>): StorageTx<H> =>
    new Proxy(tx, { get: (target, name) => (name === 'findIn' ? undefined : Reflect.get(target, name, target)) });
  return {
    transaction: (work) => store.transaction((tx) => work(hide(tx))),
    acquireJobs: (...args) => store.acquireJobs(...args),
    acquireExternalJobs: (...args) => store.acquireExternalJobs(...args),
  };
}

describe('many instances with their timelines, read at once', () => {
  it('given three cases, when read together, then each is what getInstance and getHistory give, in the order asked', async () => {
    const { engine, done, halfway, fresh } = await givenCases();
    const asked = [fresh.id, done.id, halfway.id, done.id];
    const read = await engine.getInstancesWithHistory(TENANT, asked);
    expect(read.map((r) => r.instance.id)).toEqual(asked);
    for (const [n, id] of asked.entries()) {
      expect(read[n].instance).toEqual(await engine.getInstance(TENANT, id));
      expect(read[n].history).toEqual(await engine.getHistory(TENANT, id));
    }
    expect(read[1].instance.state).toBe('completed');
    expect(read[1].history.filter((h) => h.type === 'task-completed').map((h) => h.elementId)).toEqual(['school', 'town', 'county']);
    expect(read[0].history.map((h) => h.type)).not.toContain('task-completed');
  });

  it('given a store without findIn, when the same cases are read, then the answer is the same', async () => {
    const { engine, store, done, halfway, fresh } = await givenCases();
    const asked = [halfway.id, done.id, fresh.id];
    expect(await new Queries(withoutFindIn(store)).getInstancesWithHistory(TENANT, asked)).toEqual(
      await engine.getInstancesWithHistory(TENANT, asked),
    );
  });

  it('given no ids, when read, then nothing is read and the answer is empty', async () => {
    const { engine } = await givenCases();
    expect(await engine.getInstancesWithHistory(TENANT, [])).toEqual([]);
  });

  it("given another county's case or an unknown id among them, when read, then NotFoundError, as getInstance throws", async () => {
    const { engine, done, elsewhere } = await givenCases();
    await expect(engine.getInstancesWithHistory(TENANT, [done.id, elsewhere.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.getInstancesWithHistory(TENANT, [done.id, 'no-such-case'])).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      new Queries(withoutFindIn((await givenCases()).store)).getInstancesWithHistory(TENANT, ['no-such-case']),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('given the memory store, when rows are asked by a column among values, then they come in id order, indexed column or not', async () => {
    const { store, done, halfway } = await givenCases();
    await store.transaction(async (tx) => {
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      const byInstance = await tx.findIn!('task', 'instanceId', [halfway.id, done.id, halfway.id]);
      const expected = [...(await tx.find('task', { instanceId: done.id })), ...(await tx.find('task', { instanceId: halfway.id }))];
      expect(byInstance).toEqual(expected.sort(byId));
      const created = await tx.findIn!('task', 'state', ['created']);
      expect(created.map((t) => t.id)).toEqual((await tx.find('task', { state: 'created' })).map((t) => t.id));
      const instances = await tx.findIn!('instance', 'id', [halfway.id, 'none', done.id]);
      expect(instances.map((i) => i.id)).toEqual([done.id, halfway.id].sort());
    });
  });
});
