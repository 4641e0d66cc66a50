import Database from 'better-sqlite3';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { beginWriteTransaction, sqliteConnection } from './sqlite-connection';
import { migratedDataSource, NOTE } from './testing/test-database';

/**
 * Pins what the store relies on in TypeORM's better-sqlite3 driver beyond its typed API (sqlite-connection.ts).
 * If an upgrade of TypeORM or better-sqlite3 breaks one of these, the store's SQLite transactions need a new way.
 */
describe('TypeORM on better-sqlite3, as the engine store uses it', () => {
  let dir: string;
  let ds: DataSource;
  let other: Database.Database;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-sqlite-pin-'));
    const file = path.join(dir, 'pin.sqlite');
    ds = await migratedDataSource({ file, drop: async () => undefined });
    await ds.query('PRAGMA journal_mode = WAL');
    // a second connection, as another process would hold; it gives up at once instead of waiting
    other = new Database(file, { timeout: 0 });
  });
  afterAll(async () => {
    other.close();
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => ds.getRepository(NOTE).clear());

  const notes = async () => (await ds.getRepository(NOTE).find()).map((n) => n.id);

  it('given the data source, then every query runner is the one runner, and connect() gives the connection its transactions run on', async () => {
    const qr = ds.createQueryRunner();
    expect(ds.createQueryRunner()).toBe(qr);
    const db = await sqliteConnection(qr);
    expect(db.inTransaction).toBe(false);
    await qr.startTransaction();
    expect(db.inTransaction).toBe(true);
    db.prepare('INSERT INTO side_note ("id", "note") VALUES (?, ?)').run('raw', 'written on the connection');
    await qr.rollbackTransaction();
    expect(db.inTransaction).toBe(false);
    expect(await notes()).toEqual([]);
  });

  it("given TypeORM's own BEGIN, then it is deferred: another connection can still take the write lock (why the store takes it itself)", async () => {
    const qr = ds.createQueryRunner();
    await qr.startTransaction();
    expect(() => other.exec('BEGIN IMMEDIATE')).not.toThrow();
    other.exec('ROLLBACK');
    await qr.rollbackTransaction();
  });

  it('given beginWriteTransaction, then the write lock is held from the start: another connection cannot write until it ends', async () => {
    const qr = ds.createQueryRunner();
    const tx = await beginWriteTransaction(qr);
    expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
    await tx.rollback();
    expect(() => other.exec('BEGIN IMMEDIATE')).not.toThrow();
    other.exec('ROLLBACK');
  });

  it("given beginWriteTransaction with none open, then the runner counts it as its own while it lasts, and TypeORM's transactions work after it", async () => {
    const qr = ds.createQueryRunner();
    const tx = await beginWriteTransaction(qr);
    expect(qr.isTransactionActive).toBe(true);
    expect(tx.db.inTransaction).toBe(true);
    await qr.manager.getRepository(NOTE).insert({ id: 'committed', note: 'by the store' });
    await tx.commit();
    expect(qr.isTransactionActive).toBe(false);
    expect(tx.db.inTransaction).toBe(false);
    await ds.transaction((m) => m.getRepository(NOTE).insert({ id: 'typeorm', note: 'after it' }));
    const again = await beginWriteTransaction(qr);
    await qr.manager.getRepository(NOTE).insert({ id: 'undone', note: 'rolled back' });
    await again.rollback();
    expect(qr.isTransactionActive).toBe(false);
    expect(await notes()).toEqual(['committed', 'typeorm']);
  });

  it("given the runner's transaction, then its manager's save() opens none of its own, and a nested transaction is a savepoint undone alone", async () => {
    const qr = ds.createQueryRunner();
    const tx = await beginWriteTransaction(qr);
    await qr.manager.getRepository(NOTE).save({ id: 'saved', note: 'in the outer transaction' });
    await expect(
      qr.manager.transaction(async (m) => {
        await m.getRepository(NOTE).insert({ id: 'inner', note: 'undone' });
        throw new Error('inner failure');
      }),
    ).rejects.toThrow('inner failure');
    expect(qr.isTransactionActive).toBe(true);
    await tx.commit();
    expect(await notes()).toEqual(['saved']);
  });

  it('given a transaction already open on the runner (a request of its own), then beginWriteTransaction nests as a savepoint: undone alone, the outer commits', async () => {
    await ds.transaction(async (outer) => {
      await outer.getRepository(NOTE).insert({ id: 'request', note: 'outer' });
      const qr = ds.createQueryRunner();
      const tx = await beginWriteTransaction(qr);
      await qr.manager.getRepository(NOTE).insert({ id: 'engine', note: 'nested' });
      await tx.rollback();
      expect(qr.isTransactionActive).toBe(true);
    });
    expect(await notes()).toEqual(['request']);
  });
});
