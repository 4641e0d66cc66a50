import { ConcurrencyError, type ExecutionRecord, type JobRecord, type TaskRecord } from '@kcbx/engine';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import { EngineTables1732900000000 } from './engine-tables.migration';
import { TypeOrmStore } from './typeorm-store';

/** The storage contract on a real database: SQLite by default, PostgreSQL with TEST_DATABASE_URL. */
const pgBase = process.env.TEST_DATABASE_URL;

async function openDatabase(): Promise<{ url?: string; file?: string; drop: () => Promise<void> }> {
  if (!pgBase) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-store-'));
    return { file: path.join(dir, 'store.sqlite'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kcbx_store_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function dataSource(db: { url?: string; file?: string }): DataSource {
  const common = { entities: Object.values(ENGINE_SCHEMAS), migrations: [EngineTables1732900000000] };
  return db.url
    ? new DataSource({ ...common, type: 'postgres', url: db.url, extra: { max: 30 } })
    : new DataSource({ ...common, type: 'better-sqlite3', database: db.file! });
}

const execution = (id: string, parentId: string | null = null): ExecutionRecord => ({
  id, tenantId: 't1', instanceId: 'i1', parentId, kind: 'token', activityId: 'a', state: 'waiting', data: '{}', createdAt: 1_795_900_000_000, version: 1,
});
const job = (id: string, dueAt: number): JobRecord => ({
  id, tenantId: 't1', instanceId: 'i1', executionId: null, definitionId: 'd', activityId: 'timer', kind: 'timer',
  payload: '{}', dueAt, retries: 3, lockOwner: null, lockExpiresAt: null, lastError: null, createdAt: 0, version: 1,
});
const task = (id: string): TaskRecord => ({
  id, tenantId: 't1', instanceId: 'i1', executionId: 'e1', definitionId: 'd', activityId: 'approve', name: '审批',
  assignee: null, candidateGroups: '["principal"]', candidateUsers: '[]', dueAt: null, formKey: 'f', fieldPermissions: '{}',
  state: 'created', createdAt: 0, claimedAt: null, completedAt: null, completedBy: null, version: 1,
});

describe(`TypeOrmStore on ${pgBase ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let ds: DataSource;
  let store: TypeOrmStore;
  beforeAll(async () => {
    db = await openDatabase();
    ds = dataSource(db);
    await ds.initialize();
    await ds.runMigrations();
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
    await expect(store.transaction((tx) => tx.update('execution', { ...execution('e1'), state: 'scope' }))).rejects.toBeInstanceOf(ConcurrencyError);
    const stored = await store.transaction((tx) => tx.get('execution', 'e1'));
    expect(stored).toMatchObject({ state: 'active', version: 2, createdAt: 1_795_900_000_000 });
  });

  it('inserts many rows at once, in one transaction', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({
      id: `h${String(i).padStart(4, '0')}`, tenantId: 't1', instanceId: 'i1', type: 'activity-entered' as const, elementId: 'a',
      elementType: 'task', userId: null, taskId: null, at: i, data: '{}',
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
    const after = await store.transaction(async (tx) => ({ rp: await tx.find('execution', { parentId: 'rp' }), r2: await tx.get('execution', 'r2') }));
    expect(after.rp.map((e) => e.id)).toEqual(['r0', 'r1']);
    expect(after.r2).toMatchObject({ parentId: 'other', state: 'active', version: 3, createdAt: 1_795_900_000_000 });
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
});
