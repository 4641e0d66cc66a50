import { ConcurrencyError, type ExecutionRecord, type JobRecord, type TaskRecord } from '@kcbx/engine';
import { DataSource } from 'typeorm';
import { dataSource, dialect, migratedDataSource, NOTE, openDatabase, pgBase } from './testing/test-database';
import { TypeOrmStore } from './typeorm-store';

/** The storage contract on a real database: SQLite by default, PostgreSQL with TEST_DATABASE_URL. */
const execution = (id: string, parentId: string | null = null): ExecutionRecord => ({
  id,
  tenantId: 't1',
  instanceId: 'i1',
  parentId,
  kind: 'token',
  activityId: 'a',
  state: 'waiting',
  data: '{}',
  createdAt: 1_795_900_000_000,
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
const task = (id: string): TaskRecord => ({
  id,
  tenantId: 't1',
  instanceId: 'i1',
  executionId: 'e1',
  definitionId: 'd',
  activityId: 'approve',
  name: '审批',
  assignee: null,
  candidateGroups: '["principal"]',
  candidateUsers: '[]',
  dueAt: null,
  formKey: 'f',
  fieldPermissions: '{}',
  state: 'created',
  createdAt: 0,
  claimedAt: null,
  completedAt: null,
  completedBy: null,
  version: 1,
});

describe(`TypeOrmStore on ${dialect}`, () => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let ds: DataSource;
  let store: TypeOrmStore;
  beforeAll(async () => {
    db = await openDatabase();
    ds = await migratedDataSource(db);
    store = new TypeOrmStore(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('given a transaction that throws, then none of its writes remain', async () => {
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
    expect(await store.transaction((tx) => tx.find('execution', {}))).toEqual([execution('e1')]);
  });

  it('given a stale version, then update throws ConcurrencyError and changes nothing; times stay numbers', async () => {
    const updated = await store.transaction(async (tx) => tx.update('execution', { ...execution('e1'), state: 'active' }));
    expect(updated.version).toBe(2);
    await expect(store.transaction((tx) => tx.update('execution', { ...execution('e1'), state: 'scope' }))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    const stored = await store.transaction((tx) => tx.get('execution', 'e1'));
    expect(stored).toMatchObject({ state: 'active', version: 2, createdAt: 1_795_900_000_000 });
  });

  it('inserts many rows at once, in one transaction', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({
      id: `h${String(i).padStart(4, '0')}`,
      tenantId: 't1',
      instanceId: 'i1',
      type: 'activity-entered' as const,
      elementId: 'a',
      elementType: 'task',
      userId: null,
      taskId: null,
      at: i,
      data: '{}',
    }));
    await store.transaction(async (tx) => tx.insertMany!('history', rows));
    expect((await store.transaction((tx) => tx.find('history', { instanceId: 'i1' }))).length).toBe(450);
  });

  it('finds by null and non-null columns, in id order', async () => {
    await store.transaction(async (tx) => {
      await tx.insert('execution', execution('e3', 'e1'));
      await tx.insert('execution', execution('e4', 'e1'));
    });
    const roots = await store.transaction((tx) => tx.find('execution', { parentId: null }));
    const children = await store.transaction((tx) => tx.find('execution', { parentId: 'e1' }));
    expect(roots.map((e) => e.id)).toEqual(['e1']);
    expect(children.map((e) => e.id)).toEqual(['e3', 'e4']);
  });

  it('given due jobs and two workers acquiring at once, then each job goes to exactly one of them', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await tx.insert('job', job(`j${String(i).padStart(2, '0')}`, 100 + i));
      await tx.insert('job', job('later', 5000));
    });
    // On PostgreSQL the second worker has its own connection pool, as a second API process would.
    const secondDs = db.url ? dataSource(db) : null;
    if (secondDs) await secondDs.initialize();
    const other = secondDs ? new TypeOrmStore(secondDs) : store;
    const [a, b] = await Promise.all([store.acquireJobs(1000, 25, 'A', 60_000), other.acquireJobs(1000, 25, 'B', 60_000)]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    expect(await store.acquireJobs(2000, 50, 'C', 60_000)).toEqual([]);
    const expired = await store.acquireJobs(70_000, 50, 'C', 60_000);
    expect(expired.length).toBe(41);
    await secondDs?.destroy();
  });

  it('given writes inside a transaction, then its own reads see them: inserted, changed out of a filter, deleted', async () => {
    await store.transaction(async (tx) => {
      await tx.insert('execution', execution('r1', 'rp'));
      await tx.insert('execution', execution('r2', 'rp'));
      await tx.insert('execution', execution('r3', 'rp'));
    });
    const seen = await store.transaction(async (tx) => {
      await tx.insert('execution', execution('r0', 'rp'));
      const r2 = (await tx.get('execution', 'r2'))!;
      const moved = await tx.update('execution', { ...r2, parentId: 'other' });
      await tx.update('execution', { ...moved, state: 'active' });
      await tx.delete('execution', 'r3');
      return {
        children: (await tx.find('execution', { parentId: 'rp' })).map((e) => e.id),
        moved: await tx.get('execution', 'r2'),
        deleted: await tx.get('execution', 'r3'),
      };
    });
    expect(seen.children).toEqual(['r0', 'r1']);
    expect(seen.moved).toMatchObject({ parentId: 'other', state: 'active', version: 3 });
    expect(seen.deleted).toBeUndefined();
    // …and after commit the database holds exactly that.
    const after = await store.transaction(async (tx) => ({
      rp: await tx.find('execution', { parentId: 'rp' }),
      r2: await tx.get('execution', 'r2'),
    }));
    expect(after.rp.map((e) => e.id)).toEqual(['r0', 'r1']);
    expect(after.r2).toMatchObject({ parentId: 'other', state: 'active', version: 3, createdAt: 1_795_900_000_000 });
  });

  it("given a task's instance read whole first (prefetchTaskScope), then every read answers as the database does, own writes included", async () => {
    const exec = (id: string, parentId: string | null) => ({ ...execution(id, parentId), instanceId: 'ip' });
    const variable = (id: string, scopeId: string, name: string) => ({
      id,
      tenantId: 't1',
      instanceId: 'ip',
      scopeId,
      name,
      value: '"x"',
      version: 1,
    });
    await store.transaction(async (tx) => {
      await tx.insert('instance', {
        id: 'ip',
        tenantId: 't1',
        definitionId: 'd',
        key: 'k',
        businessKey: null,
        state: 'active',
        parentExecutionId: null,
        startedBy: null,
        startedAt: 1_795_900_000_000,
        endedAt: null,
        version: 1,
      });
      for (const e of [exec('ip', null), exec('ip-a', 'ip'), exec('ip-b', 'ip'), exec('ip-a1', 'ip-a')]) await tx.insert('execution', e);
      for (const v of [variable('v1', 'ip', 'orgUnit'), variable('v2', 'ip-a', 'local')]) await tx.insert('variable', v);
      await tx.insert('task', { ...task('tp'), instanceId: 'ip', executionId: 'ip-a1', dueAt: 1_795_900_000_000 });
    });
    const reads = (prefetch: boolean) =>
      store
        .transaction(async (tx) => {
          if (prefetch) await tx.prefetchTaskScope?.('tp');
          const before = {
            task: await tx.get('task', 'tp'),
            instance: await tx.get('instance', 'ip'),
            token: await tx.get('execution', 'ip-a1'),
            executions: await tx.find('execution', { instanceId: 'ip' }),
            children: await tx.find('execution', { parentId: 'ip' }),
            variables: await tx.find('variable', { instanceId: 'ip' }),
            rootVariables: await tx.find('variable', { instanceId: 'ip', scopeId: 'ip' }),
          };
          await tx.insert('execution', exec('ip-c', 'ip'));
          await tx.delete('variable', 'v2');
          const after = {
            children: await tx.find('execution', { parentId: 'ip' }),
            variables: await tx.find('variable', { instanceId: 'ip' }),
          };
          throw Object.assign(new Error('roll back'), { seen: { before, after } });
        })
        .catch((e: { seen?: unknown }) => e.seen);
    const plain = await reads(false);
    expect(plain).toBeDefined();
    expect(await reads(true)).toEqual(plain);
    expect((plain as { before: { task: TaskRecord } }).before.task.dueAt).toBe(1_795_900_000_000);
  });

  it('given an instance read whole first (prefetchInstance), then the reads of its page answer as the database does', async () => {
    const at = 1_795_900_000_000;
    await store.transaction(async (tx) => {
      await tx.insert('instance', {
        id: 'iv',
        tenantId: 't1',
        definitionId: 'd',
        key: 'k',
        businessKey: 'b',
        state: 'active',
        parentExecutionId: null,
        startedBy: 'u1',
        startedAt: at,
        endedAt: null,
        version: 1,
      });
      for (const id of ['iv', 'iv-b', 'iv-a'])
        await tx.insert('execution', { ...execution(id, id === 'iv' ? null : 'iv'), instanceId: 'iv' });
      for (const [id, scopeId] of [
        ['w2', 'iv'],
        ['w1', 'iv-a'],
      ])
        await tx.insert('variable', { id, tenantId: 't1', instanceId: 'iv', scopeId, name: id, value: '{"n":1}', version: 1 });
      for (const [id, type] of [
        ['h2', 'task-returned'],
        ['h1', 'instance-started'],
      ] as const)
        await tx.insert('history', {
          id,
          tenantId: 't1',
          instanceId: 'iv',
          type,
          elementId: 'a',
          elementType: null,
          userId: 'u1',
          taskId: null,
          at,
          data: '{"reason":"x"}',
        });
      for (const [id, state] of [
        ['x2', 'open'],
        ['x1', 'resolved'],
        ['x0', 'open'],
      ] as const)
        await tx.insert('incident', {
          id,
          tenantId: 't1',
          instanceId: 'iv',
          executionId: 'iv-a',
          jobId: null,
          activityId: 'a',
          type: 'JOB_FAILED',
          message: 'm',
          state,
          createdAt: at,
          resolvedAt: null,
          version: 1,
        });
    });
    const reads = (prefetch: boolean) =>
      store.read(async (tx) => {
        if (prefetch) await tx.prefetchInstance?.('iv');
        return {
          instance: await tx.get('instance', 'iv'),
          executions: await tx.find('execution', { instanceId: 'iv' }),
          variables: await tx.find('variable', { instanceId: 'iv', scopeId: 'iv' }),
          history: await tx.find('history', { instanceId: 'iv' }),
          returns: await tx.find('history', { instanceId: 'iv', type: 'task-returned' }),
          incidents: await tx.find('incident', { tenantId: 't1', instanceId: 'iv', state: 'open' }),
          other: await tx.get('instance', 'i-none'),
        };
      });
    const plain = await reads(false);
    expect(plain.incidents.map((x) => x.id)).toEqual(['x0', 'x2']);
    expect(plain.instance?.startedAt).toBe(at);
    expect(await reads(true)).toEqual(plain);
  });

  it('given two transactions updating the same row from the same version, then the later commit fails and leaves nothing behind', async () => {
    await store.transaction((tx) => tx.insert('task', task('t-race')));
    const seen = (await store.transaction((tx) => tx.get('task', 't-race')))!;
    await store.transaction((tx) => tx.update('task', { ...seen, assignee: 'first' }));
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('execution', execution('lost-write'));
        await tx.update('task', { ...seen, assignee: 'second' });
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.transaction((tx) => tx.get('execution', 'lost-write'))).toBeUndefined();
    expect(await store.transaction((tx) => tx.get('task', 't-race'))).toMatchObject({ assignee: 'first', version: 2 });
  });

  it('reads outside a transaction see committed rows, and refuse to write', async () => {
    await store.transaction((tx) => tx.insert('execution', execution('read-me')));
    expect(await store.read((tx) => tx.get('execution', 'read-me'))).toEqual(execution('read-me'));
    await expect(store.read((tx) => tx.insert('execution', execution('written-in-read')))).rejects.toThrow(/transaction\(\)/);
    expect(await store.transaction((tx) => tx.get('execution', 'written-in-read'))).toBeUndefined();
  });

  it('reads rows by a column among many values (findIn) as find gives them, in id order, times as numbers, past 500 values', async () => {
    // 600 jobs of 600 instances, inserted out of id order
    const jobs = Array.from({ length: 600 }, (_, n) => ({
      ...job(`many-${String(599 - n).padStart(3, '0')}`, 1_795_900_000_000 + n),
      instanceId: `inst-${n}`,
    }));
    await store.transaction((tx) => tx.insertMany!('job', jobs));
    const wanted = jobs.map((j) => j.instanceId).reverse();
    const read = await store.read(async (tx) => tx.findIn!('job', 'instanceId', [...wanted, wanted[0]]));
    expect(read.map((j) => j.id)).toEqual(jobs.map((j) => j.id).sort());
    expect(read.find((j) => j.id === 'many-599')).toEqual(await store.read((tx) => tx.get('job', 'many-599')));
    expect(typeof read[0].dueAt).toBe('number');
    const some = await store.read(async (tx) => tx.findIn!('job', 'instanceId', ['inst-3', 'inst-1', 'none']));
    const one = await store.read(async (tx) => [
      ...(await tx.find('job', { instanceId: 'inst-1' })),
      ...(await tx.find('job', { instanceId: 'inst-3' })),
    ]);
    expect(some).toEqual(one.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await store.read(async (tx) => tx.findIn!('job', 'id', ['many-001', 'many-000']))).toEqual(read.slice(0, 2));
    await expect(store.read(async (tx) => tx.findIn!('job', 'no-such-column' as 'id', ['x']))).rejects.toThrow(/no column/);
  });

  it('given 50 concurrent completions of one task at the same version, then exactly one wins', async () => {
    await store.transaction((tx) => tx.insert('task', task('t1')));
    const seen = await store.transaction((tx) => tx.get('task', 't1'));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.transaction(async (tx) => tx.update('task', { ...seen!, state: 'completed', completedBy: `user${i}` })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrencyError)).toHaveLength(49);
  });

  describe("the host's handle on the transaction (tx.host())", () => {
    const notes = () => ds.getRepository(NOTE).find({ order: { id: 'ASC' } });
    const param = pgBase ? '$1' : '?';
    afterEach(() => ds.getRepository(NOTE).clear());

    it("given host writes after the engine's, then they see the engine's rows and commit with them; save() opens no transaction of its own", async () => {
      const result = await store.transaction(async (tx) => {
        await tx.insert('execution', execution('host-1'));
        const m = await tx.host();
        // the engine's row is in this transaction already (on PostgreSQL: flushed from the buffer)
        const [row] = await m.query(`SELECT "state" FROM bpmn_execution WHERE "id" = ${param}`, ['host-1']);
        await m.getRepository(NOTE).insert({ id: 'host-1', note: `saw ${row?.state}` });
        await m.getRepository(NOTE).save({ id: 'host-1-saved', note: 'saved' });
        // the engine may go on writing after the host; it commits with the rest
        await tx.update('execution', { ...execution('host-1'), state: 'active' });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.read((tx) => tx.get('execution', 'host-1'))).toMatchObject({ state: 'active', version: 2 });
      expect(await notes()).toEqual([
        { id: 'host-1', note: 'saw waiting' },
        { id: 'host-1-saved', note: 'saved' },
      ]);
      // afterwards TypeORM's own transactions work as before
      await ds.transaction((m) => m.getRepository(NOTE).insert({ id: 'host-1-after', note: 'after' }));
      expect((await notes()).map((n) => n.id)).toContain('host-1-after');
    });

    it("given a host write the database refuses, then the engine's writes and the earlier host writes roll back; once the cause is gone, the same unit commits once", async () => {
      await ds.getRepository(NOTE).insert({ id: 'taken', note: 'already there' });
      await store.transaction((tx) => tx.insert('task', task('t-host')));
      const open = (await store.read((tx) => tx.get('task', 't-host')))!;
      const attempt = () =>
        store.transaction(async (tx) => {
          const done = await tx.update('task', { ...open, state: 'completed', completedBy: 'u1' });
          const m = await tx.host();
          await m.getRepository(NOTE).insert({ id: `${done.id}-note`, note: 'first' });
          await m.getRepository(NOTE).insert({ id: 'taken', note: 'duplicate key' });
          return done;
        });
      await expect(attempt()).rejects.toThrow(/unique|duplicate/i);
      expect(await store.read((tx) => tx.get('task', 't-host'))).toMatchObject({ state: 'created', completedBy: null, version: 1 });
      expect((await notes()).map((n) => n.id)).toEqual(['taken']);
      await ds.getRepository(NOTE).delete({ id: 'taken' });
      await expect(attempt()).resolves.toMatchObject({ state: 'completed', version: 2 });
      expect((await notes()).map((n) => n.id)).toEqual(['t-host-note', 'taken']);
      await expect(attempt()).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await notes()).map((n) => n.id)).toEqual(['t-host-note', 'taken']);
    });

    it("given the engine's writes conflict (a stale version) before or after the host wrote, then the host's writes do not stay", async () => {
      await store.transaction((tx) => tx.insert('task', task('t-host-race')));
      const seen = (await store.read((tx) => tx.get('task', 't-host-race')))!;
      await store.transaction((tx) => tx.update('task', { ...seen, assignee: 'first' }));
      let wrote = 0;
      const stale = (hostFirst: boolean) =>
        store.transaction(async (tx) => {
          if (!hostFirst) await tx.update('task', { ...seen, assignee: 'second' });
          const m = await tx.host();
          await m.getRepository(NOTE).insert({ id: `lost-${hostFirst}`, note: 'must not stay' });
          wrote++;
          if (hostFirst) await tx.update('task', { ...seen, assignee: 'second' });
        });
      await expect(stale(false)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(stale(true)).rejects.toBeInstanceOf(ConcurrencyError);
      // before: the conflict shows before the host writes anything (flushed with its version checks first)
      expect(wrote).toBe(1);
      expect(await notes()).toEqual([]);
      expect(await store.read((tx) => tx.get('task', 't-host-race'))).toMatchObject({ assignee: 'first', version: 2 });
    });

    it('given a nested transaction on the handle, then it is a savepoint: its failure is undone alone and the rest commits', async () => {
      await store.transaction(async (tx) => {
        await tx.insert('execution', execution('host-nested'));
        const m = await tx.host();
        await m.getRepository(NOTE).insert({ id: 'outer', note: 'kept' });
        await expect(
          m.transaction(async (inner) => {
            await inner.getRepository(NOTE).insert({ id: 'inner', note: 'undone' });
            throw new Error('inner failure');
          }),
        ).rejects.toThrow('inner failure');
      });
      expect((await notes()).map((n) => n.id)).toEqual(['outer']);
      expect(await store.read((tx) => tx.get('execution', 'host-nested'))).toBeDefined();
    });

    it('given a read-only unit of work, then asking for the host handle is refused', async () => {
      await expect(store.read((tx) => tx.host())).rejects.toMatchObject({ code: 'STORE_MISUSE' });
    });
  });
});
