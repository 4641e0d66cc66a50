import {
  ConcurrencyError,
  type Filter,
  type JobRecord,
  type RecordKind,
  type RecordKinds,
  type StorageTx,
  VERSIONED_KINDS,
} from '@kcbx/engine';
import type { EntityManager } from 'typeorm';
import { columns, SqlTx, type SqlRunner } from './sql-tx';
import { TABLE_OF } from './engine-tables';
import { TASK_SCOPE_SQL, TaskScope } from './task-scope-prefetch';

type Row = Record<string, unknown> & { id: string; version?: number };
type Pending = { op: 'insert'; row: Row } | { op: 'update'; row: Row; expected: number | null } | { op: 'delete' };

const q = (name: string) => `"${name}"`;

/**
 * The storage port for PostgreSQL with writes held until commit. An engine command writes a dozen small rows
 * (task, execution, variables, history); each statement is a round trip to the server, and under load those
 * round trips, not the database work, were the cost. Reads go to the database and see this transaction's
 * pending writes laid over the result; at commit every pending write goes in ONE statement (data-modifying
 * CTEs), with the optimistic version checks kept: a stale update fails the commit with ConcurrencyError.
 */
export class BufferedPgTx implements StorageTx<EntityManager> {
  private readonly pending = new Map<RecordKind, Map<string, Pending>>();
  /** rows as this transaction first read them (pending writes take precedence); the read itself, so two
   * reads of one row issued before the first answer share one round trip */
  private readonly readRows = new Map<string, Promise<Row | undefined>>();

  /** a task's instance read whole by `prefetchTaskScope`, until the next flush */
  private scope: TaskScope | null = null;

  constructor(
    private readonly sql: SqlRunner,
    private readonly manager: EntityManager,
    private readonly reads = new SqlTx(sql, manager),
  ) {}

  /**
   * The host writes after the engine's: what is pending is flushed first (version checks included), so the host
   * reads the command's rows and a conflict fails before its writes; all of it commits together or not at all.
   */
  async host(): Promise<EntityManager> {
    await this.flush();
    return this.manager;
  }

  async prefetchTaskScope(taskId: string): Promise<void> {
    const { rows } = await this.sql.run(TASK_SCOPE_SQL, [taskId]);
    const { rows: found, scope } = TaskScope.of(rows[0] as Parameters<typeof TaskScope.of>[0]);
    for (const [kind, row] of found) this.readRows.set(`${kind}:${row.id}`, Promise.resolve(row));
    this.scope = scope;
  }

  private of(kind: RecordKind): Map<string, Pending> {
    let m = this.pending.get(kind);
    if (!m) this.pending.set(kind, (m = new Map()));
    return m;
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordKinds[K] | undefined> {
    const p = this.pending.get(kind)?.get(id);
    if (p) return p.op === 'delete' ? undefined : ({ ...p.row } as unknown as RecordKinds[K]);
    // A command often reads the same row twice (a task's execution, then again while leaving it).
    const key = `${kind}:${id}`;
    let read = this.readRows.get(key);
    if (!read) this.readRows.set(key, (read = this.reads.get(kind, id) as Promise<Row | undefined>));
    const row = await read;
    return row ? ({ ...row } as unknown as RecordKinds[K]) : undefined;
  }

  async find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Promise<RecordKinds[K][]> {
    const known = this.scope?.find(kind, filter as Record<string, unknown>) as RecordKinds[K][] | undefined;
    const stored = known ?? (await this.reads.find(kind, filter));
    const mine = this.pending.get(kind);
    if (!mine?.size) return stored;
    const matches = (row: Row) => Object.entries(filter).every(([k, v]) => v === undefined || (row[k] ?? null) === v);
    const rows: Row[] = (stored as unknown as Row[]).filter((r) => !mine.has(r.id));
    for (const p of mine.values()) if (p.op !== 'delete' && matches(p.row)) rows.push({ ...p.row });
    // Same order as the database's ORDER BY "id": engine ids are lower-case base-36, so code-point order.
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return rows as unknown as RecordKinds[K][];
  }

  async insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    const row = { ...(record as unknown as Row) };
    const mine = this.of(kind);
    // A row deleted and written again in one command: one UPDATE rather than DELETE + INSERT in one statement.
    mine.set(row.id, mine.get(row.id)?.op === 'delete' ? { op: 'update', row, expected: null } : { op: 'insert', row });
  }

  async insertMany<K extends RecordKind>(kind: K, records: RecordKinds[K][]): Promise<void> {
    for (const r of records) await this.insert(kind, r);
  }

  async update<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<RecordKinds[K]> {
    const r = record as unknown as Row;
    const versioned = VERSIONED_KINDS.has(kind);
    const next: Row = versioned ? { ...r, version: (r.version ?? 0) + 1 } : { ...r };
    const mine = this.of(kind);
    const p = mine.get(r.id);
    if (p?.op === 'delete') throw new ConcurrencyError(kind, r.id);
    if (p && versioned && p.row.version !== r.version) throw new ConcurrencyError(kind, r.id);
    if (p?.op === 'insert') mine.set(r.id, { op: 'insert', row: next });
    else mine.set(r.id, { op: 'update', row: next, expected: p?.op === 'update' ? p.expected : versioned ? (r.version ?? 0) : null });
    return { ...next } as unknown as RecordKinds[K];
  }

  async delete(kind: RecordKind, id: string): Promise<void> {
    const mine = this.of(kind);
    if (mine.get(id)?.op === 'insert') mine.delete(id);
    else mine.set(id, { op: 'delete' });
  }

  async findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]> {
    await this.flush();
    return this.reads.findDueJobs(tenantId, now, limit);
  }

  /** Writes everything pending in one statement; throws ConcurrencyError if a versioned row moved on. */
  async flush(): Promise<void> {
    const parts: string[] = [];
    const params: unknown[] = [];
    const checks: { name: string; kind: RecordKind; expected: number; firstId: string }[] = [];
    const $ = (v: unknown) => `$${params.push(v)}`;
    // kinds in a fixed order: the same pending shape gives the same text (one prepared statement, not several)
    for (const [kind, mine] of [...this.pending].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const table = TABLE_OF[kind];
      const cols = columns(kind).all;
      const deletes = [...mine].filter(([, p]) => p.op === 'delete').map(([id]) => id);
      const inserts = [...mine.values()].flatMap((p) => (p.op === 'insert' ? [p.row] : []));
      const updates = [...mine.values()].flatMap((p) => (p.op === 'update' ? [{ ...p.row, __expected: p.expected }] : []));
      const n = parts.length;
      if (deletes.length) parts.push(`d${n} AS (DELETE FROM ${table} WHERE "id" = ANY(${$(deletes)}::varchar[]))`);
      if (inserts.length) {
        parts.push(
          `i${parts.length} AS (INSERT INTO ${table} (${cols.map(q).join(', ')}) SELECT ${cols.map((c) => `r.${q(c)}`).join(', ')} FROM json_populate_recordset(NULL::${table}, ${$(JSON.stringify(inserts))}::json) AS r)`,
        );
      }
      if (updates.length) {
        const name = `u${parts.length}`;
        const set = cols
          .filter((c) => c !== 'id')
          .map((c) => `${q(c)} = r.${q(c)}`)
          .join(', ');
        const versionCheck = VERSIONED_KINDS.has(kind) ? ` AND (e->>'__expected' IS NULL OR t."version" = (e->>'__expected')::int)` : '';
        // `t.id = ANY(ids)` as well: the planner cannot see how many rows the JSON holds, and on a table it
        // believes small (young, not yet analysed) it scanned the whole table for them on every flush.
        parts.push(
          `${name} AS (UPDATE ${table} AS t SET ${set} FROM json_array_elements(${$(JSON.stringify(updates))}::json) AS e, ` +
            `LATERAL json_populate_record(NULL::${table}, e) AS r WHERE t."id" = ANY(${$(updates.map((u) => u.id))}::varchar[]) AND t."id" = r."id"${versionCheck} RETURNING 1)`,
        );
        checks.push({ name, kind, expected: updates.length, firstId: updates[0].id });
      }
    }
    // What was pending is about to be stored: remembered reads of those rows would now be stale.
    for (const [kind, mine] of this.pending) for (const id of mine.keys()) this.readRows.delete(`${kind}:${id}`);
    this.pending.clear();
    this.scope = null;
    if (!parts.length) return;
    const select = checks.length ? checks.map((c) => `(SELECT count(*) FROM ${c.name})::int AS ${c.name}`).join(', ') : '1 AS done';
    // The text depends only on which kinds and operations are pending (the rows travel as JSON and id arrays), so
    // a preparing driver (apps/api prepared-pg.ts) parses and plans each of the few shapes once per connection.
    // Planned on every call it cost more than it did: ~3 ms of parse and plan for ~1.5 ms of work. A cached plan
    // stays right as the tables grow because their ANALYZE (autovacuum, or the API's statistics upkeep without
    // it) makes PostgreSQL plan it again.
    const { rows } = await this.sql.run(`WITH ${parts.join(', ')} SELECT ${select}`, params);
    for (const c of checks) if (rows[0]?.[c.name] !== c.expected) throw new ConcurrencyError(c.kind, c.firstId);
  }
}
