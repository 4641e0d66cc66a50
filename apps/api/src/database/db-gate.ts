import { AsyncLocalStorage } from 'async_hooks';

/** One unit of work's turn at the gate; `outside` hands it back for a while and queues for it again. */
interface Turn {
  held: boolean;
  /** the unit of work has ended: a turn taken after that is handed straight back */
  ended: boolean;
  release: () => void;
}

/**
 * TypeORM drives better-sqlite3 through ONE connection: two requests interleaving their transactions at
 * an `await` corrupt each other ("cannot start a transaction within a transaction", or one request's
 * write landing inside another's transaction and rolled back with it). On SQLite the gate therefore runs
 * each unit of work (an HTTP request, a background job) alone; SQLite allows one writer anyway and
 * better-sqlite3 is synchronous, so little is lost. On PostgreSQL the gate is open: the pool and row locks
 * handle concurrency. Re-entrant: work already inside the gate runs straight through.
 *
 * Slow work that needs no database (reading an upload, hashing a password, parsing a spreadsheet) runs in
 * `outside`, so one slow or hostile request cannot make everyone else wait for it (issue #14 points 2/3).
 */
export class DbGate {
  private readonly inside = new AsyncLocalStorage<Turn>();
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly exclusive: boolean) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Inside outside() the turn is not held: database work there queues like any other unit.
    if (!this.exclusive || this.inside.getStore()?.held) return work();
    const turn: Turn = { held: false, ended: false, release: () => undefined };
    await this.take(turn);
    try {
      return await this.inside.run(turn, work);
    } finally {
      turn.ended = true;
      turn.release();
    }
  }

  /**
   * Runs `work` without holding the gate, then queues for it again before returning. Only for work between
   * database statements — never inside a transaction, whose connection would be shared meanwhile.
   */
  async outside<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.inside.getStore();
    if (!this.exclusive || !turn?.held) return work();
    turn.release();
    try {
      return await work();
    } finally {
      await this.take(turn);
    }
  }

  /** Whether the current unit of work holds the gate (tests; always false when the gate is open). */
  holding(): boolean {
    return !!this.inside.getStore()?.held;
  }

  private async take(turn: Turn): Promise<void> {
    let open!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (open = resolve));
    await previous;
    turn.held = true;
    turn.release = () => {
      if (!turn.held) return;
      turn.held = false;
      open();
    };
    if (turn.ended) turn.release();
  }
}
