import { Injectable } from '@nestjs/common';
import { columns, ENGINE_SCHEMAS, taskOfTenant, tasksWithInstance } from '@kcbx/engine-store-typeorm';
import type { TaskRecord } from '@kcbx/engine';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { positional } from '../database/named-parameters';
import type { Principal } from '../identity/principal';
import { INBOX_COUNT_CAP } from '@kcbx/api-contract';
import {
  CO_SIGNER_OF_TASK,
  offerParameters,
  offeredTo,
  openTasksNear,
  placeTasks,
  widePrincipal,
} from '../task-visibility/task-visibility';

/** `offered` = offered to the caller by role or name, whoever holds it now (to tell 409 from 404). */
/** `cosign`: tasks the caller is asked to co-sign in parallel (rule 4), which they may open but not work */
export type InboxScope = 'mine' | 'candidate' | 'all' | 'offered' | 'cosign';

export interface InboxRow {
  task: TaskRecord;
  processKey: string;
  businessKey: string | null;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  orgUnitPath: string | null;
}

/**
 * The caller's tasks by the visibility rule (task-visibility/): assigned to them, or unassigned and offered to
 * them (by a role they hold at the task's unit or above it, or by name). `wide`: the caller's units hold a large
 * share of the county (`widePrincipal`), so the query walks the county's open tasks (newest first, through an
 * index) instead of first collecting the tasks near the caller's units; either way the rule decides each row.
 */
export function inboxQuery(ds: DataSource, p: Principal, scope: InboxScope, how: InboxQueryHow = {}): SelectQueryBuilder<TaskRecord> {
  const { wide = false, instance = true, placement = true } = how;
  // a count needs no instance (`i`: its key and business key for the rows and the procedure filter)
  const tasks = instance ? tasksWithInstance(ds) : ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).createQueryBuilder('t');
  if (scope === 'mine' && !placement) {
    // "assigned to me" (rule 2) asks nothing of the placement
    return tasks
      .where('t.tenantId = :tenantId', { tenantId: p.tenantId })
      .andWhere("t.state = 'created'")
      .andWhere('t.assignee = :me', { me: p.userId });
  }
  const qb = placeTasks(tasks, 'left').where('t.tenantId = :tenantId', { tenantId: p.tenantId });
  if (scope !== 'offered') qb.andWhere("t.state = 'created'");
  const offered = offeredTo(p);
  const candidate = `(t.assignee IS NULL AND ${offered})`;
  const mine = 't.assignee = :me';
  const condition = { mine, candidate, offered, all: `(${mine} OR ${candidate})`, cosign: CO_SIGNER_OF_TASK }[scope];
  qb.andWhere(condition, offerParameters(p));
  // the open tasks the rule can pick from, found from the caller's side (the rule above still decides each)
  if ((scope === 'all' || scope === 'candidate') && !wide) qb.andWhere(openTasksNear(p));
  return qb;
}

/** How inboxQuery reads: `wide` (see above); without the instance join (`instance: false`) or, for 'mine', the placement. */
export interface InboxQueryHow {
  wide?: boolean;
  instance?: boolean;
  placement?: boolean;
}

/** Counts stop here: a badge or total that reaches it reads "99+" (the contract's INBOX_COUNT_CAP, 100). */
export const COUNT_CAP = INBOX_COUNT_CAP;

/** Where a keyset page starts: after the row with this creation time and id (the inbox's order, newest first). */
export interface InboxCursor {
  createdAt: number;
  id: string;
}

/** Which page: the `after` cursor (keyset, reads only the rows it shows) or, for older clients, a page number. */
export interface InboxPageAt {
  page?: number;
  after?: InboxCursor;
  pageSize: number;
  /** the total (capped) is counted unless false (a single task's lookup needs none) */
  total?: boolean;
  /** the badges as of this time (only for the unfiltered 'all' scope) */
  countsAt?: number;
}

export interface InboxPage {
  rows: InboxRow[];
  /** the matching tasks; a wide caller's counted up to COUNT_CAP (then `totalCapped`: at least that many) */
  total: number;
  totalCapped: boolean;
  counts?: InboxCounts;
  /** the cursor of the page after this one; null on the last page */
  nextCursor: string | null;
}

/** The opaque cursor of a row: `<createdAt>.<id>` in base64url. */
export function encodeCursor(c: InboxCursor): string {
  return Buffer.from(`${c.createdAt}.${c.id}`).toString('base64url');
}

/** A cursor from the wire, or null when it is not one. */
export function decodeCursor(text: string): InboxCursor | null {
  if (text.length > 120 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const m = /^(\d{1,15})\.([\w-]{1,36})$/.exec(Buffer.from(text, 'base64url').toString());
  return m ? { createdAt: Number(m[1]), id: m[2] } : null;
}

/**
 * The inbox's reads (the caller's tasks by the visibility rule, a page at a time, and its badges): the SQL is
 * below, the rule in task-visibility/, the engine's tables behind @kcbx/engine-store-typeorm's typed queries.
 */
@Injectable()
export class InboxRepository {
  constructor(private readonly ds: DataSource) {}

  /** one page of the caller's tasks in `scope`, the total, and (with `countsAt`) the badges (`loadInbox`) */
  page(p: Principal, scope: InboxScope, filter: InboxFilter, at: InboxPageAt): Promise<InboxPage> {
    return loadInbox(this.ds, p, scope, filter, at);
  }

  /** the three badges alone (`inboxCounts`) */
  counts(p: Principal, now: number): Promise<InboxCounts> {
    return inboxCounts(this.ds, p, now);
  }

  /** the open steps of a case offered to `p` and held by nobody (a starter takes the first steps) */
  offeredInCase(p: Principal, instanceId: string): Promise<TaskRecord[]> {
    return inboxQuery(this.ds, p, 'candidate').andWhere('t.instanceId = :instanceId', { instanceId }).getMany();
  }

  /** whether the task is offered to `p` by role or name, whoever holds it now (转办 only to such a colleague) */
  async isOffered(p: Principal, taskId: string): Promise<boolean> {
    return (await inboxQuery(this.ds, p, 'offered').andWhere('t.id = :taskId', { taskId }).getCount()) > 0;
  }

  /** a task of the county by id, whatever its state */
  task(tenantId: string, taskId: string): Promise<TaskRecord | null> {
    return taskOfTenant(this.ds, tenantId, taskId);
  }
}

/** The badges, each counted up to COUNT_CAP (`capped` then: show "99+"). */
export type InboxCounts = { mine: number; candidate: number; overdue: number; capped?: boolean };

export interface InboxFilter {
  processKey?: string;
  /** a unit code: tasks at it or below it */
  orgUnit?: string;
  /** only tasks due before this time (overdue: now; due soon: with dueFrom) */
  dueBefore?: number;
  /** only tasks due at or after this time (due soon: now) */
  dueFrom?: number;
  taskId?: string;
}

/**
 * One page of the inbox, its total and (with `countsAt`, only for the unfiltered 'all' scope) the three badges,
 * in one round trip: the inbox is the most frequent call there is. The page reads only the rows it shows
 * (keyset on createdAt, id, newest first, through the open tasks' index; `page` numbers still work as an
 * offset); the total and the badges are counted in the same statement, each up to COUNT_CAP, so a bureau
 * office that sees a thousand open tasks does not sort and count them all. The SQL is kept per shape
 * (`inboxStatement`): building it cost more CPU than PostgreSQL took to answer it.
 */
export async function loadInbox(ds: DataSource, p: Principal, scope: InboxScope, filter: InboxFilter, at: InboxPageAt): Promise<InboxPage> {
  const [text, params] = inboxStatement(ds, p, scope, filter, at);
  const raw: Record<string, unknown>[] = await ds.query(text, params);
  const pageSize = pageSizeOf(at);
  const found = raw.filter((r) => r.t_id != null);
  const rows = found.slice(0, pageSize).map((r) => ({
    task: taskOf(r),
    processKey: (r.processKey as string | null) ?? '',
    businessKey: r.businessKey as string | null,
    orgUnitCode: r.orgUnitCode as string | null,
    orgUnitName: r.orgUnitName as string | null,
    orgUnitPath: r.orgUnitPath as string | null,
  }));
  const last = rows[rows.length - 1];
  const nextCursor = found.length > pageSize && last ? encodeCursor(last.task) : null;
  const n = raw[0] ?? {};
  if (at.countsAt !== undefined) {
    const mine = Number(n.countMine ?? 0);
    // a wide caller's claimable ones are all visible ones less their own (each counted up to the cap)
    const all = n.countAll == null ? null : Number(n.countAll);
    const candidate = all === null ? Number(n.countCandidate ?? 0) : all >= COUNT_CAP ? COUNT_CAP : Math.max(0, all - mine);
    const counts = { mine, candidate, overdue: Number(n.countOverdue ?? 0) };
    const capped = all !== null && (all >= COUNT_CAP || counts.mine >= COUNT_CAP || counts.overdue >= COUNT_CAP);
    return { rows, total: mine + candidate, totalCapped: all !== null && all >= COUNT_CAP, counts: { ...counts, capped }, nextCursor };
  }
  const total = at.total === false ? rows.length : Number(n.inboxTotal ?? 0);
  // a narrow caller's total is exact; a wide caller's stops at the cap
  return { rows, total, totalCapped: widePrincipal(p) && total >= COUNT_CAP, nextCursor };
}

const pageSizeOf = (at: InboxPageAt) => Math.max(1, Math.trunc(at.pageSize));

/**
 * The SQL and parameters of one inbox page, as `loadInbox` runs them (the scale bench prints their EXPLAIN),
 * built by TypeORM once per shape (scope, number of role assignments, filters, cursor, counts) and kept.
 *
 *   WITH page AS (the rows, newest first, LIMIT size + 1)
 *   SELECT page.*, n.* FROM (SELECT the capped counts) n LEFT JOIN page ON 1 = 1
 *
 * so that the counts come even when the page is empty. The LIMIT and OFFSET are numbers in the text (a page
 * size of 20 and page 1 make one shape), everything else is bound.
 */
export function inboxStatement(ds: DataSource, p: Principal, scope: InboxScope, filter: InboxFilter, at: InboxPageAt): [string, unknown[]] {
  const wide = widePrincipal(p);
  const counts = at.countsAt !== undefined;
  const shape = [
    scope,
    p.assignments.length,
    wide,
    !!filter.processKey,
    !!filter.orgUnit,
    filter.dueBefore !== undefined,
    filter.dueFrom !== undefined,
    !!filter.taskId,
    !!at.after,
    counts ? 'counts' : at.total === false ? 'none' : 'total',
  ].join('|');
  let byShape = shapes.get(ds);
  if (!byShape) shapes.set(ds, (byShape = new Map()));
  let sql = byShape.get(shape);
  if (!sql) byShape.set(shape, (sql = statementOf(ds, p, scope, filter, at, wide)));
  const size = pageSizeOf(at);
  const offset = at.after ? 0 : Math.max(0, Math.trunc(((at.page ?? 1) - 1) * size));
  return positional(
    ds.options.type === 'postgres' ? 'postgres' : 'sqlite',
    sql.replace('/*page*/', `LIMIT ${size + 1} OFFSET ${offset}`),
    inboxParameters(p, filter, at),
  );
}

const shapes = new WeakMap<DataSource, Map<string, string>>();

function statementOf(ds: DataSource, p: Principal, scope: InboxScope, filter: InboxFilter, at: InboxPageAt, wide: boolean): string {
  const q = (name: string) => ds.driver.escape(name);
  const page = filtered(inboxQuery(ds, p, scope, { wide }), filter)
    .select(columns('task').all.map((c) => `t.${c} AS "t_${c}"`))
    .addSelect([
      'i.key AS "processKey"',
      'i.businessKey AS "businessKey"',
      'o.code AS "orgUnitCode"',
      'o.name AS "orgUnitName"',
      'o.path AS "orgUnitPath"',
    ]);
  if (!wide) return narrowStatement(q, page.getQuery(), at);
  if (at.after) page.andWhere('(t.createdAt < :afterAt OR (t.createdAt = :afterAt AND t.id < :afterId))');
  const pageSql = `${page.orderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'DESC').getQuery()} /*page*/`;
  // A count stops at the cap. A wide caller's walks the open tasks in an index's order (newest first, or by due
  // time) from a subquery that says the order: with the order on the outer query instead, the generic plan
  // joined and sorted every open task of the county for the first hundred (20,000 buffers against 3,600).
  const tasks = `FROM ${q('bpmn_task')} ${q('t')}`;
  const capped = (qb: SelectQueryBuilder<TaskRecord>, walk?: 'createdAt' | 'dueAt') => {
    let sql = qb.select('t.id').getQuery();
    if (walk) {
      if (!sql.includes(tasks)) throw new Error('inbox count: no task table to walk');
      const order = walk === 'dueAt' ? `${q('dueAt')} ASC` : `${q('createdAt')} DESC, ${q('id')} DESC`;
      sql = sql.replace(tasks, `FROM (SELECT * FROM ${q('bpmn_task')} ORDER BY ${order}) ${q('t')}`);
    }
    return `(SELECT COUNT(*) FROM (${sql} LIMIT ${COUNT_CAP}) capped)`;
  };
  const counting = { wide, instance: false };
  let countSql: string;
  if (at.countsAt !== undefined) {
    // a wide caller's badges, each counted up to the cap through its own index (assignee, open tasks, due time)
    const overdue = inboxQuery(ds, p, 'all', counting).andWhere('t.dueAt IS NOT NULL AND t.dueAt < :countsAt');
    countSql = [
      `${capped(inboxQuery(ds, p, 'mine', { ...counting, placement: false }))} AS ${q('countMine')}`,
      // all visible ones (claimable = all - mine): the same walk as the page's, the rule a check per row
      `${capped(inboxQuery(ds, p, 'all', counting), 'createdAt')} AS ${q('countAll')}`,
      `${capped(overdue, 'dueAt')} AS ${q('countOverdue')}`,
    ].join(', ');
  } else if (at.total !== false) {
    const total = filtered(inboxQuery(ds, p, scope, { wide, instance: !!filter.processKey }), filter);
    countSql = `${capped(total, 'createdAt')} AS ${q('inboxTotal')}`;
  } else {
    countSql = `0 AS ${q('inboxTotal')}`;
  }
  return `WITH ${q('page')} AS (${pageSql})
    SELECT ${q('page')}.*, ${q('n')}.* FROM (SELECT ${countSql}) ${q('n')} LEFT JOIN ${q('page')} ON 1 = 1
    ORDER BY ${q('page')}.${q('t_createdAt')} DESC, ${q('page')}.${q('t_id')} DESC`;
}

/**
 * A narrow caller (a teacher, a township): the tasks near their units are few, found once (a materialized CTE)
 * and both counted (exactly) and paged from there, newest first, by the cursor or the page number.
 */
function narrowStatement(q: (name: string) => string, visibleSql: string, at: InboxPageAt): string {
  const [vis, at_, id] = [q('vis'), q('t_createdAt'), q('t_id')];
  const assignee = q('t_assignee');
  const counts =
    at.countsAt !== undefined
      ? `COALESCE(SUM(CASE WHEN ${assignee} = :me THEN 1 ELSE 0 END), 0) AS ${q('countMine')},
         COALESCE(SUM(CASE WHEN ${assignee} IS NULL THEN 1 ELSE 0 END), 0) AS ${q('countCandidate')},
         COALESCE(SUM(CASE WHEN ${q('t_dueAt')} IS NOT NULL AND ${q('t_dueAt')} < :countsAt THEN 1 ELSE 0 END), 0) AS ${q('countOverdue')}`
      : `COUNT(*) AS ${q('inboxTotal')}`;
  const after = at.after ? `WHERE ${at_} < :afterAt OR (${at_} = :afterAt AND ${id} < :afterId)` : '';
  return `WITH ${vis} AS MATERIALIZED (${visibleSql})
    SELECT ${q('page')}.*, ${q('n')}.* FROM (SELECT ${counts} FROM ${vis}) ${q('n')}
      LEFT JOIN (SELECT * FROM ${vis} ${after} ORDER BY ${at_} DESC, ${id} DESC /*page*/) ${q('page')} ON 1 = 1
    ORDER BY ${q('page')}.${at_} DESC, ${q('page')}.${id} DESC`;
}

function filtered(qb: SelectQueryBuilder<TaskRecord>, filter: InboxFilter): SelectQueryBuilder<TaskRecord> {
  if (filter.processKey) qb.andWhere('i.key = :processKey', { processKey: filter.processKey });
  if (filter.orgUnit) qb.andWhere('o.path LIKE :unitPath', { unitPath: `%/${filter.orgUnit}/%` });
  if (filter.dueBefore !== undefined) qb.andWhere('t.dueAt IS NOT NULL AND t.dueAt < :now', { now: filter.dueBefore });
  if (filter.dueFrom !== undefined) qb.andWhere('t.dueAt >= :dueFrom', { dueFrom: filter.dueFrom });
  if (filter.taskId) qb.andWhere('t.id = :taskId', { taskId: filter.taskId });
  return qb;
}

/** Every name the statement binds, with this caller's values (the SQL is cached, the values are not). */
function inboxParameters(p: Principal, filter: InboxFilter, at: InboxPageAt): Record<string, unknown> {
  const params: Record<string, unknown> = { tenantId: p.tenantId, ...offerParameters(p) };
  if (filter.processKey) params.processKey = filter.processKey;
  if (filter.orgUnit) params.unitPath = `%/${filter.orgUnit}/%`;
  if (filter.dueBefore !== undefined) params.now = filter.dueBefore;
  if (filter.dueFrom !== undefined) params.dueFrom = filter.dueFrom;
  if (filter.taskId) params.taskId = filter.taskId;
  if (at.countsAt !== undefined) params.countsAt = at.countsAt;
  if (at.after) {
    params.afterAt = at.after.createdAt;
    params.afterId = at.after.id;
  }
  return params;
}

/** PostgreSQL returns bigint columns as text; the engine's times are numbers. */
function taskOf(r: Record<string, unknown>): TaskRecord {
  const { all, times } = columns('task');
  const task: Record<string, unknown> = {};
  for (const c of all) {
    const v = r[`t_${c}`];
    task[c] = times.has(c) && typeof v === 'string' ? Number(v) : v;
  }
  return task as unknown as TaskRecord;
}

/** The inbox's three badges (mine, claimable, overdue) alone: the unfiltered page's statement, its counts. */
export async function inboxCounts(ds: DataSource, p: Principal, now: number): Promise<InboxCounts> {
  const { counts } = await loadInbox(ds, p, 'all', {}, { pageSize: 1, countsAt: now });
  return counts!;
}
