import {
  ConcurrencyError,
  EngineFault,
  type Filter,
  type JobRecord,
  type Now,
  type RecordKind,
  type RecordKinds,
  type StorageTx,
  VERSIONED_KINDS,
} from '@kcbx/engine';
import { EntityManager } from 'typeorm';
import { ENGINE_SCHEMAS, TABLE_OF } from './engine-tables';
import { INSTANCE_VIEW_SQL, InstanceSnapshot } from './instance-prefetch';
import { type BetterSqliteDb, sqliteConnection } from './sqlite-connection';

/**
 * The storage port as plain SQL over the transaction's own connection. The engine issues dozens of tiny
 * statements per command; going through TypeORM's repository layer for each cost more than the database
 * work itself, so statements are built once per shape and (on SQLite) prepared once.
 */
export interface SqlRunner {
  /** rows for a SELECT; `affected` for writes — at once on SQLite, whose driver is synchronous */
  run(sql: string, params: unknown[]): Now<{ rows: Record<string, unknown>[]; affected: number }>;
  placeholder(n: number): string;
}

/** the next step at once when the value is no promise: SQLite's statements then cost the engine no async step */
function then<T, R>(value: Now<T>, next: (value: T) => Now<R>): Now<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

const prepared = new WeakMap<object, Map<string, ReturnType<BetterSqliteDb['prepare']>>>();

/** the engine's statements on the connection of this manager's transaction */
export async function runnerFor(m: EntityManager): Promise<SqlRunner> {
  const qr = m.queryRunner!;
  if (m.connection.options.type === 'postgres') {
    return {
      placeholder: (n) => `$${n}`,
      run: async (sql, params) => {
        const r = await qr.query(sql, params, true);
        return { rows: (r.records ?? []) as Record<string, unknown>[], affected: r.affected ?? 0 };
      },
    };
  }
  return sqliteRunner(await sqliteConnection(qr));
}

export function sqliteRunner(db: BetterSqliteDb): SqlRunner {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  return {
    placeholder: () => '?',
    run: (sql, params) => {
      let stmt = cache!.get(sql);
      if (!stmt) cache!.set(sql, (stmt = db.prepare(sql)));
      if (stmt.reader) return { rows: stmt.all(...params) as Record<string, unknown>[], affected: 0 };
      return { rows: [], affected: stmt.run(...params).changes };
    },
  };
}

type Columns = { all: string[]; times: Set<string> };
const columnsOf = new Map<RecordKind, Columns>();
export function columns(kind: RecordKind): Columns {
  let c = columnsOf.get(kind);
  if (!c) {
    const defs = ENGINE_SCHEMAS[kind].options.columns as Record<string, { type: unknown }>;
    c = { all: Object.keys(defs), times: new Set(Object.keys(defs).filter((k) => defs[k].type === 'bigint')) };
    columnsOf.set(kind, c);
  }
  return c;
}

const q = (name: string) => `"${name}"`;

/** columns naming a row's relative (an instance, an execution, a scope): an index on one finds a handful of rows */
const NARROW = new Set(['instanceId', 'executionId', 'parentId', 'parentExecutionId', 'scopeId']);
/** columns many rows share */
const BROAD = new Set(['tenantId', 'state']);

type Row = Record<string, unknown> & { id: string; version?: number };

/** The storage port over one transaction, statement by statement (SQLite; job acquisition on both databases). */
export class SqlTx implements StorageTx<EntityManager> {
  /**
   * Versioned rows as this transaction last read or wrote them, by kind and id: an update of one of them sets only
   * the columns that changed. SQLite rewrites every index whose columns an UPDATE names, changed or not, so
   * naming all columns dirtied each index page of the table (a task update: four pages where two changed) and
   * every commit wrote them to the WAL.
   */
  private readonly known = new Map<string, Row>();

  constructor(
    protected readonly sql: SqlRunner,
    private readonly manager: EntityManager,
  ) {}

  private remember(kind: RecordKind, row: Row): void {
    if (VERSIONED_KINDS.has(kind)) this.known.set(`${kind}:${row.id}`, row);
  }

  /** writes go straight to the database here, so the manager sees them as they are made */
  async host(): Promise<EntityManager> {
    return this.manager;
  }

  /** PostgreSQL returns bigint as text; the engine's times are numbers. */
  private row<K extends RecordKind>(kind: K, raw: Record<string, unknown>): RecordKinds[K] {
    for (const t of columns(kind).times) if (typeof raw[t] === 'string') raw[t] = Number(raw[t]);
    return raw as unknown as RecordKinds[K];
  }

  get<K extends RecordKind>(kind: K, id: string): Now<RecordKinds[K] | undefined> {
    return then(this.sql.run(`SELECT * FROM ${TABLE_OF[kind]} WHERE "id" = ${this.sql.placeholder(1)}`, [id]), ({ rows }) => {
      if (!rows[0]) return undefined;
      const row = this.row(kind, rows[0]);
      this.remember(kind, row as unknown as Row);
      return row;
    });
  }

  find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Now<RecordKinds[K][]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    // SQLite plans without statistics and took the (tenantId, state) index for "this instance's open tasks": every
    // open task of the county, read to find one instance's (five times the statement's time with none open at
    // all). Where a relative's id narrows the rows, the broad columns are kept off the index (SQLite's unary +).
    const keepOff = this.sql.placeholder(1) === '?' && Object.entries(filter).some(([k, v]) => typeof v === 'string' && NARROW.has(k));
    for (const [k, v] of Object.entries(filter)) {
      if (v === undefined) continue;
      if (v === null) conditions.push(`${q(k)} IS NULL`);
      else conditions.push(`${keepOff && BROAD.has(k) ? '+' : ''}${q(k)} = ${this.sql.placeholder(params.push(v))}`);
    }
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    return then(this.sql.run(`SELECT * FROM ${TABLE_OF[kind]}${where} ORDER BY "id"`, params), ({ rows }) =>
      rows.map((r) => {
        const row = this.row(kind, r);
        this.remember(kind, row as unknown as Row);
        return row;
      }),
    );
  }

  insert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Now<void> {
    return this.insertMany(kind, [record]);
  }

  insertMany<K extends RecordKind>(kind: K, records: RecordKinds[K][], from = 0): Now<void> {
    const cols = columns(kind).all;
    // At most 100 rows a statement: under both dialects' bound-parameter limits.
    for (let i = from; i < records.length; i += 100) {
      const chunk = records.slice(i, i + 100);
      const params: unknown[] = [];
      const values = chunk.map(
        (r) => `(${cols.map((c) => this.sql.placeholder(params.push((r as unknown as Record<string, unknown>)[c] ?? null))).join(', ')})`,
      );
      const done = this.sql.run(`INSERT INTO ${TABLE_OF[kind]} (${cols.map(q).join(', ')}) VALUES ${values.join(', ')}`, params);
      if (done instanceof Promise) return done.then(() => this.insertMany(kind, records, i + 100));
    }
    for (const r of records) this.remember(kind, { ...(r as unknown as Row) });
  }

  update<K extends RecordKind>(kind: K, record: RecordKinds[K]): Now<RecordKinds[K]> {
    const r = record as unknown as Row;
    const versioned = VERSIONED_KINDS.has(kind);
    const next: Row = versioned ? { ...r, version: (r.version ?? 0) + 1 } : r;
    // the row as this transaction knows it at the version the caller read: only the columns that differ change
    // (the version check below still refuses the update if the stored row moved on)
    const key = `${kind}:${r.id}`;
    const before = versioned ? this.known.get(key) : undefined;
    const same = before !== undefined && before.version === r.version ? before : undefined;
    const params: unknown[] = [];
    const sets: string[] = [];
    for (const c of columns(kind).all) {
      if (c === 'id' || (same && c !== 'version' && (same[c] ?? null) === (next[c] ?? null))) continue;
      sets.push(`${q(c)} = ${this.sql.placeholder(params.push(next[c] ?? null))}`);
    }
    let where = `"id" = ${this.sql.placeholder(params.push(r.id))}`;
    if (versioned) where += ` AND "version" = ${this.sql.placeholder(params.push(r.version ?? 0))}`;
    return then(this.sql.run(`UPDATE ${TABLE_OF[kind]} SET ${sets.join(', ')} WHERE ${where}`, params), ({ affected }) => {
      if (!affected) {
        this.known.delete(key);
        throw new ConcurrencyError(kind, r.id);
      }
      if (versioned) this.known.set(key, next);
      return next as unknown as RecordKinds[K];
    });
  }

  delete(kind: RecordKind, id: string): Now<void> {
    this.known.delete(`${kind}:${id}`);
    return then(this.sql.run(`DELETE FROM ${TABLE_OF[kind]} WHERE "id" = ${this.sql.placeholder(1)}`, [id]), () => undefined);
  }

  async findDueJobs(tenantId: string | null, now: number, limit: number): Promise<JobRecord[]> {
    const params: unknown[] = [now];
    const tenant = tenantId === null ? '' : ` AND "tenantId" = ${this.sql.placeholder(params.push(tenantId))}`;
    const { rows } = await this.sql.run(
      `SELECT * FROM bpmn_job WHERE "dueAt" <= ${this.sql.placeholder(1)} AND "retries" > 0 AND "kind" <> 'external'${tenant} ORDER BY "dueAt" LIMIT ${Math.max(1, Math.floor(limit))}`,
      params,
    );
    return rows.map((r) => this.row('job', r));
  }
}

/** For `read()`: the same reads, and a loud failure if engine code ever writes outside a transaction. */
export class ReadOnlyTx extends SqlTx {
  /** an instance read whole by `prefetchInstance` (PostgreSQL), answering the reads of it that follow */
  private snapshot: InstanceSnapshot | null = null;

  /** PostgreSQL only: one statement instead of five; on SQLite each read is a call into the same process anyway */
  async prefetchInstance(instanceId: string): Promise<void> {
    if (this.sql.placeholder(1) !== '$1') return;
    const { rows } = await this.sql.run(INSTANCE_VIEW_SQL, [instanceId]);
    this.snapshot = InstanceSnapshot.of(rows[0] as Parameters<typeof InstanceSnapshot.of>[0]);
  }

  override async get<K extends RecordKind>(kind: K, id: string): Promise<RecordKinds[K] | undefined> {
    const known = this.snapshot?.get(kind, id);
    return known ? (known as unknown as RecordKinds[K]) : super.get(kind, id);
  }

  override async find<K extends RecordKind>(kind: K, filter: Filter<RecordKinds[K]>): Promise<RecordKinds[K][]> {
    const known = this.snapshot?.find(kind, filter as Record<string, unknown>);
    return known ? (known as unknown as RecordKinds[K][]) : super.find(kind, filter);
  }

  /**
   * `WHERE column IN (…) ORDER BY "id"`, one statement per 500 values (under both dialects' bound-parameter limits).
   * On PostgreSQL the list is one array parameter (`= ANY($1)`), so every length shares one statement text.
   */
  async findIn<K extends RecordKind>(kind: K, column: keyof RecordKinds[K] & string, values: readonly string[]): Promise<RecordKinds[K][]> {
    const { all, times } = columns(kind);
    if (!all.includes(column)) throw new EngineFault('STORE_MISUSE', `engine store: ${kind} has no column ${column}`);
    const distinct = [...new Set(values)];
    const pg = this.sql.placeholder(1) === '$1';
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < distinct.length; i += 500) {
      const chunk = distinct.slice(i, i + 500);
      const where = pg ? `= ANY($1::varchar[])` : `IN (${chunk.map(() => '?').join(', ')})`;
      const { rows } = await this.sql.run(
        `SELECT * FROM ${TABLE_OF[kind]} WHERE ${q(column)} ${where} ORDER BY "id"`,
        pg ? [chunk] : chunk,
      );
      out.push(...rows);
    }
    for (const row of out) for (const t of times) if (typeof row[t] === 'string') row[t] = Number(row[t]);
    if (distinct.length > 500) out.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0));
    return out as unknown as RecordKinds[K][];
  }

  private refuse(): never {
    throw new EngineFault('STORE_MISUSE', 'engine store: a write inside read(); writes belong in transaction()');
  }

  override async insert(): Promise<void> {
    this.refuse();
  }

  override async insertMany(): Promise<void> {
    this.refuse();
  }

  override async update<K extends RecordKind>(): Promise<RecordKinds[K]> {
    this.refuse();
  }

  override async delete(): Promise<void> {
    this.refuse();
  }

  override async host(): Promise<EntityManager> {
    this.refuse();
  }
}
