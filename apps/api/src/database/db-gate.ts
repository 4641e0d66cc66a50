import { AsyncLocalStorage } from 'async_hooks';

/**
 * TypeORM drives better-sqlite3 through ONE connection: two requests interleaving their transactions at
 * an `await` corrupt each other ("cannot start a transaction within a transaction", or one request's
 * write landing inside another's transaction and rolled back with it). On SQLite the gate therefore runs
 * each unit of work (an HTTP request, a background job) alone; SQLite allows one writer anyway and
 * better-sqlite3 is synchronous, so little is lost. On PostgreSQL the gate is open: the pool and row locks
 * handle concurrency. Re-entrant: work already inside the gate runs straight through.
 */
export class DbGate {
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly exclusive: boolean) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.exclusive || this.inside.getStore()) return work();
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.inside.run(true, work);
    } finally {
      release();
    }
  }
}
