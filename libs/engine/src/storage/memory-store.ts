import { ConcurrencyError } from '../errors';
import type { Filter, StoragePort, StorageTx } from './port';
import { type JobRecord, type RecordKind, type RecordKinds, VERSIONED_KINDS } from './records';

type AnyRecord = RecordKinds[RecordKind];
type Table = Map<string, AnyRecord>;
interface UndoEntry { kind: RecordKind; id: string; before: AnyRecord | undefined }

/**
 * In-memory StoragePort for tests and the benchmark. Transactions run one at a time (a promise chain
 * stands in for database locking) and keep an undo log, so a thrown error restores every touched row.
 * Rows are copied on the way in and out, so callers never mutate stored state by accident.
 */
export class MemoryStore implements StoragePort {
  private readonly tables = new Map<RecordKind, Table>();
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(work: (tx: StorageTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const undo: UndoEntry[] = [];
      try {
        return await work(new MemoryTx(this, undo));
      } catch (error) {
        for (const entry of undo.reverse()) this.restore(entry);
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  acquireJobs(now: number, limit: number, lockOwner: string, lockMs: number): Promise<JobRecord[]> {
    return this.transaction(async (tx) => {
      const jobs = [...this.table('job').values()] as JobRecord[];
      const free = jobs
        .filter((j) => j.dueAt <= now && j.retries > 0 && (j.lockOwner === null || (j.lockExpiresAt ?? 0) < now))
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit);
      const locked: JobRecord[] = [];
      for (const job of free) locked.push(await tx.update('job', { ...job, lockOwner, lockExpiresAt: now + lockMs }));
      return locked;
    });
  }

  /** number of stored rows per table (tests and benchmark) */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.tables].map(([kind, table]) => [kind, table.size]));
  }

  /** approximate stored bytes (JSON length of every row), for the benchmark's size report */
  storedBytes(kinds?: RecordKind[]): number {
    let bytes = 0;
    for (const [kind, table] of this.tables) {
      if (kinds && !kinds.includes(kind)) continue;
      for (const row of table.values()) bytes += JSON.stringify(row).length;
    }
    return bytes;
  }

  table(kind: RecordKind): Table {
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Map()));
    return table;
  }

  private restore({ kind, id, before }: UndoEntry): void {
    if (before === undefined) this.table(kind).delete(id);
    else this.table(kind).set(id, before);
  }
}

class MemoryTx implements StorageTx {
  constructor(private readonly store: MemoryStore, private readonly undo: UndoEntry[]) {}

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordKinds[K] | undefined> {
    const row = this.store.table(kind).get(id);
    return row ? ({ ...row } as RecordKinds[K]) : undefined;
  }

  async find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Promise<RecordKinds[K][]> {
    const entries = Object.entries(filter).filter(([, v]) => v !== undefined);
    const out: RecordKinds[K][] = [];
    for (const row of this.store.table(kind).values()) {
      const r = row as unknown as Record<string, unknown>;
      if (entries.every(([k, v]) => r[k] === v)) out.push({ ...row } as RecordKinds[K]);
    }
    return out;
  }

  async insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    const table = this.store.table(kind);
    if (table.has(record.id)) throw new Error(`duplicate ${kind} id ${record.id}`);
    this.undo.push({ kind, id: record.id, before: undefined });
    table.set(record.id, { ...record });
  }

  async update<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<RecordKinds[K]> {
    const table = this.store.table(kind);
    const stored = table.get(record.id) as (AnyRecord & { version?: number }) | undefined;
    const versioned = VERSIONED_KINDS.has(kind);
    const expected = (record as { version?: number }).version;
    if (!stored || (versioned && stored.version !== expected)) throw new ConcurrencyError(kind, record.id);
    const next = (versioned ? { ...record, version: (expected ?? 0) + 1 } : { ...record }) as RecordKinds[K];
    this.undo.push({ kind, id: record.id, before: stored });
    table.set(record.id, next);
    return { ...next };
  }

  async delete(kind: RecordKind, id: string): Promise<void> {
    const table = this.store.table(kind);
    const before = table.get(id);
    if (!before) return;
    this.undo.push({ kind, id, before });
    table.delete(id);
  }

  async findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]> {
    const jobs = [...this.store.table('job').values()] as JobRecord[];
    return jobs
      .filter((j) => j.dueAt <= now && j.retries > 0 && (tenantId === null || j.tenantId === tenantId))
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit)
      .map((j) => ({ ...j }));
  }
}
