import type { JobRecord, RecordKind, RecordKinds } from './records';

/**
 * A value now, or a promise of it: callers `await` either. A store that has the answer at hand (the memory store)
 * returns it without an async call; a database store returns a promise.
 */
export type Now<T> = T | Promise<T>;

/** Equality filter on columns: `{ instanceId: 'x', state: 'created' }` → `WHERE instance_id=? AND state=?`. */
export type Filter<T> = { [K in keyof T]?: T[K] };

/**
 * What the engine needs from storage inside one transaction. Reads see the transaction's own writes.
 * `find` returns rows in id order (ORDER BY "id"; engine ids grow with time, so that is the order they were made in).
 * A store may keep the objects handed to `insert` and `update` (the memory store freezes them): hand in a fresh one.
 * `H` is the store's handle on the same transaction for the host's own writes (see `host`).
 */
export interface StorageTx<H = unknown> {
  get<K extends RecordKind>(kind: K, id: string): Now<RecordKinds[K] | undefined>;
  find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Now<RecordKinds[K][]>;
  /**
   * optional: the rows whose `column` is one of `values`, in id order (`WHERE column IN (…) ORDER BY "id"`), for
   * a read of many instances at once (a student's file lists every case of the child). Without it the engine asks
   * `find` (or `get`, for `id`) once per value: the same rows, one round trip each.
   */
  findIn?<K extends RecordKind>(kind: K, column: keyof RecordKinds[K] & string, values: readonly string[]): Now<RecordKinds[K][]>;
  insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Now<void>;
  /** optional: several rows in one statement (the engine writes a command's history rows this way) */
  insertMany?<K extends RecordKind>(kind: K, records: RecordKinds[K][]): Now<void>;
  /**
   * Writes `record` if the stored row still has `record.version`; stores and returns it with version + 1.
   * Throws ConcurrencyError otherwise (`UPDATE ... SET version=version+1 WHERE id=? AND version=?`).
   */
  update<K extends RecordKind>(kind: K, record: RecordKinds[K]): Now<RecordKinds[K]>;
  delete(kind: RecordKind, id: string): Now<void>;
  /**
   * optional: reads a task's instance whole (the task, the instance, its executions and variables) in one
   * go, so the reads that follow are answered without a round trip each. A hint: reads must give the same
   * results with or without it.
   */
  prefetchTaskScope?(taskId: string): Promise<void>;
  /**
   * optional: reads an instance whole (the instance, its executions, variables, history and open incidents) in one
   * go, for a read that shows all of it (`getInstanceView`). A hint, like `prefetchTaskScope`.
   */
  prefetchInstance?(instanceId: string): Promise<void>;
  /** jobs with dueAt <= now, ordered by dueAt (the timer job queue) */
  findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]>;
  /**
   * The host's handle on this same transaction (the TypeORM store: an EntityManager bound to it), for the writes
   * of a service handler or of the host beside a command: they commit with the engine's writes or not at all. The
   * engine's writes so far are in the database when it is returned (a store that holds writes until commit writes
   * them now, with their version checks), so the host reads what the command did, and a conflict fails before the
   * host writes anything. Later engine writes of the command follow at commit as usual.
   */
  host(): Promise<H>;
}

export interface StoragePort<H = unknown> {
  /**
   * Runs `work` in one transaction: all writes commit together, or none if `work` throws.
   * A relational adapter uses a database transaction; concurrent transactions may conflict and the
   * losing side sees ConcurrencyError from `update`.
   */
  transaction<T>(work: (tx: StorageTx<H>) => Now<T>): Promise<T>;
  /**
   * Locks up to `limit` jobs that are due (dueAt <= now, retries > 0) and unlocked or whose lock expired:
   * sets lockOwner and lockExpiresAt = now + lockMs, commits, and returns them. Two callers never get the
   * same job while its lock is valid (PostgreSQL: `SELECT ... FOR UPDATE SKIP LOCKED`).
   */
  acquireJobs(now: number, limit: number, lockOwner: string, lockMs: number): Promise<JobRecord[]>;
  /**
   * The same for external jobs (never returned by `acquireJobs` or `findDueJobs`): up to `limit` of the county's
   * due, unlocked (or lock expired) external jobs on the given topics, locked to `workerId` for their topic's
   * `lockMs`. Two workers never get the same job while its lock is valid.
   */
  acquireExternalJobs(
    tenantId: string,
    topics: ReadonlyMap<string, number>,
    now: number,
    limit: number,
    workerId: string,
  ): Promise<JobRecord[]>;
  /**
   * optional: runs reads only, without opening a transaction (a relational adapter saves BEGIN and COMMIT, two
   * round trips, on every query). Each statement still sees committed data only. Writes here are an error.
   */
  read?<T>(work: (tx: StorageTx<H>) => Now<T>): Promise<T>;
}
