import { ConcurrencyError, EngineFault } from '../errors';
import type { Filter, Now, StoragePort, StorageTx } from './port';
import { type JobRecord, type RecordKind, type RecordKinds, VERSIONED_KINDS } from './records';

type AnyRecord = RecordKinds[RecordKind];
type Table = Map<string, AnyRecord>;
/** column value → ids, built on the first query by that column and kept up to date by every write */
type ColumnIndex = Map<unknown, Set<string>>;
/**
 * Only selective columns get an index; an index on tenantId or state would hold most rows in one bucket
 * and cost more to maintain than the scan it saves.
 */
const INDEXED = new Set([
  'instanceId',
  'executionId',
  'parentId',
  'scopeId',
  'taskId',
  'definitionId',
  'key',
  'messageName',
  'correlationKey',
  'parentExecutionId',
]);
type UndoEntry = { kind: RecordKind; id: string; before: AnyRecord | undefined } | { hostKey: string; before: unknown; had: boolean };

/**
 * The memory store's handle for host writes (StorageTx.host): a key-value table of the host's own that commits
 * and rolls back with the engine's rows — for hosts and specs without a database.
 */
export interface MemoryHostTx {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * In-memory StoragePort for tests and the benchmark. Transactions run one at a time (a promise chain
 * stands in for database locking) and keep an undo log, so a thrown error restores every touched row.
 * Stored rows are the objects the engine handed in, frozen, and handed out as they are: nobody can change stored
 * state except through `update`, and neither writes nor reads cost a copy (the benchmark runs on this store).
 * `find` gives rows in id order, as the relational stores' ORDER BY "id" does.
 */
export class MemoryStore implements StoragePort<MemoryHostTx> {
  private readonly tables = new Map<RecordKind, Table>();
  private readonly indexes = new Map<RecordKind, Map<string, ColumnIndex>>();
  /** the same indexes as a list per kind, for the loop every write runs */
  private readonly indexList = new Map<RecordKind, { column: string; index: ColumnIndex }[]>();
  /**
   * Index buckets whose iteration order may differ from id order (an id added after a greater one: an update moved
   * it there, a rollback put it back, or it arrived out of order); only these need sorting in `find`.
   */
  readonly disordered = new WeakSet<ReadonlySet<string>>();
  /** the greatest id stored so far: a row with a greater id is the latest in every bucket and table it joins */
  private greatestId = '';
  /** a row arrived with an id below `greatestId`: tables no longer iterate in id order */
  outOfOrder = false;
  /** transactions asked for and not yet ended: one runs, the others wait in `waiting` */
  private open = 0;
  private readonly waiting: (() => void)[] = [];
  /** the host's key-value table (MemoryHostTx); between transactions it holds what was committed */
  readonly hostValues = new Map<string, unknown>();

  /**
   * One transaction at a time: with none open, `work` starts at once, and when it answers at once (the engine's
   * commands do on this store) it is done before this returns — no promise chain and no microtask for the
   * transaction itself. Others wait their turn in order.
   */
  transaction<T>(work: (tx: StorageTx<MemoryHostTx>) => Now<T>): Promise<T> {
    if (this.open++ === 0) return this.begin(work);
    return new Promise<void>((turn) => this.waiting.push(turn)).then(() => this.begin(work));
  }

  private begin<T>(work: (tx: StorageTx<MemoryHostTx>) => Now<T>): Promise<T> {
    const undo: UndoEntry[] = [];
    let result: Now<T>;
    try {
      result = work(new MemoryTx(this, undo));
    } catch (error) {
      this.end(undo, true);
      return Promise.reject(error);
    }
    if (!(result instanceof Promise)) {
      this.end(undo, false);
      return Promise.resolve(result);
    }
    return result.then(
      (value) => {
        this.end(undo, false);
        return value;
      },
      (error: unknown) => {
        this.end(undo, true);
        throw error;
      },
    );
  }

  private end(undo: UndoEntry[], failed: boolean): void {
    if (failed) for (const entry of undo.reverse()) this.restore(entry);
    this.open--;
    this.waiting.shift()?.();
  }

  acquireJobs(now: number, limit: number, lockOwner: string, lockMs: number): Promise<JobRecord[]> {
    return this.transaction(async (tx) => {
      const jobs = [...this.table('job').values()] as JobRecord[];
      const free = jobs
        .filter((j) => j.kind !== 'external' && j.dueAt <= now && j.retries > 0 && (j.lockOwner === null || (j.lockExpiresAt ?? 0) < now))
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit);
      const locked: JobRecord[] = [];
      for (const job of free) locked.push(await tx.update('job', { ...job, lockOwner, lockExpiresAt: now + lockMs }));
      return locked;
    });
  }

  acquireExternalJobs(
    tenantId: string,
    topics: ReadonlyMap<string, number>,
    now: number,
    limit: number,
    workerId: string,
  ): Promise<JobRecord[]> {
    return this.transaction(async (tx) => {
      const free = (await tx.find('job', { tenantId, kind: 'external' }))
        .filter(
          (j) => topics.has(j.topic ?? '') && j.dueAt <= now && j.retries > 0 && (j.lockOwner === null || (j.lockExpiresAt ?? 0) < now),
        )
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit);
      const locked: JobRecord[] = [];
      for (const job of free)
        locked.push(await tx.update('job', { ...job, lockOwner: workerId, lockExpiresAt: now + topics.get(job.topic!)! }));
      return locked;
    });
  }

  /** number of stored rows per table (tests and benchmark) */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.tables].map(([kind, table]) => [kind, table.size]));
  }

  /**
   * Approximate stored size for the benchmark: `json` counts each row as JSON (column names included);
   * `columns` counts only the values (text length, 8 bytes per number, 1 per null), closer to a table row.
   */
  storedBytes(kinds?: RecordKind[], measure: 'json' | 'columns' = 'json'): number {
    let bytes = 0;
    for (const [kind, table] of this.tables) {
      if (kinds && !kinds.includes(kind)) continue;
      for (const row of table.values()) {
        if (measure === 'json') bytes += JSON.stringify(row).length;
        else
          for (const value of Object.values(row))
            bytes += typeof value === 'string' ? Buffer.byteLength(value) : typeof value === 'number' ? 8 : 1;
      }
    }
    return bytes;
  }

  /** ids whose `column` equals `value`, via an index created on first use; null if the column is not indexed */
  idsWhere(kind: RecordKind, column: string, value: unknown): ReadonlySet<string> | null {
    if (!INDEXED.has(column)) return null;
    let byColumn = this.indexes.get(kind);
    if (!byColumn) this.indexes.set(kind, (byColumn = new Map()));
    let index = byColumn.get(column);
    if (!index) {
      index = new Map();
      for (const row of this.table(kind).values()) addToIndex(index, (row as unknown as Record<string, unknown>)[column], row.id);
      if (this.outOfOrder) for (const bucket of index.values()) this.disordered.add(bucket);
      byColumn.set(column, index);
      let list = this.indexList.get(kind);
      if (!list) this.indexList.set(kind, (list = []));
      list.push({ column, index });
    }
    return index.get(value) ?? EMPTY;
  }

  /**
   * Every write goes through here so the column indexes stay exact. `stored` is the row the table holds now, when
   * the caller has just looked it up (the tables grow to hundreds of thousands of rows: each lookup counts).
   */
  write(kind: RecordKind, id: string, row: AnyRecord | undefined, stored: AnyRecord | undefined | null = null): void {
    const table = this.table(kind);
    const before = (stored === null ? table.get(id) : stored) as unknown as Record<string, unknown> | undefined;
    // engine ids grow with time: a new row is then the latest in every bucket; any other arrival may be out of order
    let fresh = false;
    if (row !== undefined && before === undefined) {
      fresh = id > this.greatestId;
      if (fresh) this.greatestId = id;
      else this.outOfOrder = true;
    }
    const indexes = this.indexList.get(kind);
    if (indexes) {
      const after = row as unknown as Record<string, unknown> | undefined;
      for (let i = 0; i < indexes.length; i++) {
        const { column, index } = indexes[i];
        const value = after ? after[column] : undefined;
        if (before && (!after || before[column] !== value)) index.get(before[column])?.delete(id);
        if (after && (!before || before[column] !== value)) {
          const bucket = addToIndex(index, value, id);
          if (!fresh) this.disordered.add(bucket);
        }
      }
    }
    if (row) table.set(id, row);
    else table.delete(id);
  }

  /** whether `id` is above every id stored so far (then no table holds it) */
  isGreatest(id: string): boolean {
    return id > this.greatestId;
  }

  table(kind: RecordKind): Table {
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Map()));
    return table;
  }

  private restore(entry: UndoEntry): void {
    if ('kind' in entry) this.write(entry.kind, entry.id, entry.before);
    else if (entry.had) this.hostValues.set(entry.hostKey, entry.before);
    else this.hostValues.delete(entry.hostKey);
  }
}

const EMPTY: ReadonlySet<string> = new Set<string>();

/** code-point order of ids, as a relational store's ORDER BY "id" */
function byId(a: AnyRecord, b: AnyRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function addToIndex(index: ColumnIndex, value: unknown, id: string): Set<string> {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
  return ids;
}

/**
 * A stored row: the object the engine handed in, frozen — every engine write hands in a fresh object (a literal or
 * a spread of the row it read), so taking it saves a copy on every write; the engine reads rows and never changes
 * them. One already frozen (a stored row handed back as it is) is copied.
 */
function owned<T extends object>(record: T): T {
  return Object.isFrozen(record) ? Object.assign({}, record) : record;
}

class MemoryTx implements StorageTx<MemoryHostTx> {
  constructor(
    private readonly store: MemoryStore,
    private readonly undo: UndoEntry[],
  ) {}

  // Answers at once (no async call): the engine awaits whatever it gets, and each async call of a store method
  // was a promise and a turn of the microtask queue, many per token move.
  get<K extends RecordKind>(kind: K, id: string): RecordKinds[K] | undefined {
    return this.store.table(kind).get(id) as RecordKinds[K] | undefined;
  }

  find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): RecordKinds[K][] {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const column in filter) {
      const value = filter[column as keyof typeof filter];
      if (value === undefined) continue;
      columns.push(column);
      values.push(value);
    }
    const table = this.store.table(kind);
    const out: RecordKinds[K][] = [];
    if (columns.length === 0) {
      for (const row of table.values()) out.push(row as RecordKinds[K]);
      if (this.store.outOfOrder) out.sort(byId);
      return out;
    }
    // narrow by the most selective indexed column (else scan), then check every column
    let ids: ReadonlySet<string> | null = null;
    for (let i = 0; i < columns.length; i++) {
      const candidates = this.store.idsWhere(kind, columns[i], values[i]);
      if (candidates && (!ids || candidates.size < ids.size)) ids = candidates;
    }
    let rows: Iterable<AnyRecord>;
    if (!ids) rows = this.store.outOfOrder ? [...table.values()].sort(byId) : table.values();
    else {
      const list: AnyRecord[] = [];
      for (const id of ids) list.push(table.get(id)!);
      if (this.store.disordered.has(ids)) list.sort(byId);
      rows = list;
    }
    for (const row of rows) {
      const r = row as unknown as Record<string, unknown>;
      let match = true;
      for (let i = 0; i < columns.length && match; i++) match = r[columns[i]] === values[i];
      if (match) out.push(row as RecordKinds[K]);
    }
    return out;
  }

  findIn<K extends RecordKind>(kind: K, column: keyof RecordKinds[K] & string, values: readonly string[]): RecordKinds[K][] {
    const table = this.store.table(kind);
    const wanted = new Set(values);
    const out: AnyRecord[] = [];
    if (column === 'id') {
      for (const id of wanted) {
        const row = table.get(id);
        if (row) out.push(row);
      }
    } else if (INDEXED.has(column)) {
      for (const value of wanted) for (const id of this.store.idsWhere(kind, column, value)!) out.push(table.get(id)!);
    } else {
      for (const row of table.values()) if (wanted.has((row as unknown as Record<string, string>)[column])) out.push(row);
    }
    return out.sort(byId) as RecordKinds[K][];
  }

  insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): void {
    // an id above every stored one cannot be taken (the usual case: engine ids grow with time), so only other ids
    // are looked up — the first lookup of a new id is the dearest step of a write in a table of 100,000 rows
    if (!this.store.isGreatest(record.id) && this.store.table(kind).get(record.id) !== undefined)
      throw new EngineFault('STORE_MISUSE', `duplicate ${kind} id ${record.id}`);
    this.undo.push({ kind, id: record.id, before: undefined });
    this.store.write(kind, record.id, Object.freeze(owned(record)) as unknown as AnyRecord, undefined);
  }

  insertMany<K extends RecordKind>(kind: K, records: RecordKinds[K][]): void {
    for (const record of records) this.insert(kind, record);
  }

  update<K extends RecordKind>(kind: K, record: RecordKinds[K]): RecordKinds[K] {
    const table = this.store.table(kind);
    const stored = table.get(record.id) as (AnyRecord & { version?: number }) | undefined;
    const versioned = VERSIONED_KINDS.has(kind);
    const expected = (record as { version?: number }).version;
    if (!stored || (versioned && stored.version !== expected)) throw new ConcurrencyError(kind, record.id);
    const next = owned(record);
    if (versioned) (next as { version?: number }).version = (expected ?? 0) + 1;
    Object.freeze(next);
    this.undo.push({ kind, id: record.id, before: stored });
    this.store.write(kind, record.id, next, stored);
    return next;
  }

  delete(kind: RecordKind, id: string): void {
    const table = this.store.table(kind);
    const before = table.get(id);
    if (!before) return;
    this.undo.push({ kind, id, before });
    this.store.write(kind, id, undefined, before);
  }

  async host(): Promise<MemoryHostTx> {
    const values = this.store.hostValues;
    return {
      get: (key) => values.get(key),
      set: (key, value) => {
        this.undo.push({ hostKey: key, before: values.get(key), had: values.has(key) });
        values.set(key, value);
      },
    };
  }

  async findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]> {
    const jobs = [...this.store.table('job').values()] as JobRecord[];
    return jobs
      .filter((j) => j.kind !== 'external' && j.dueAt <= now && j.retries > 0 && (tenantId === null || j.tenantId === tenantId))
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit);
  }
}
