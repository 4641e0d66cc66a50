import { Injectable } from '@nestjs/common';
import { columns, taskOfTenant, tasksWithInstance } from '@kcbx/engine-store-typeorm';
import type { TaskRecord } from '@kcbx/engine';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { positional } from '../database/named-parameters';
import type { Principal } from '../identity/principal';
import { CO_SIGNER_OF_TASK, offerParameters, offeredTo, openTasksNear, placeTasks } from '../task-visibility/task-visibility';

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
 * them (by a role they hold at the task's unit or above it, or by name).
 */
export function inboxQuery(ds: DataSource, p: Principal, scope: InboxScope): SelectQueryBuilder<TaskRecord> {
  const qb = placeTasks(tasksWithInstance(ds), 'left').where('t.tenantId = :tenantId', { tenantId: p.tenantId });
  if (scope !== 'offered') qb.andWhere("t.state = 'created'");
  const offered = offeredTo(p);
  const candidate = `(t.assignee IS NULL AND ${offered})`;
  const mine = 't.assignee = :me';
  const condition = { mine, candidate, offered, all: `(${mine} OR ${candidate})`, cosign: CO_SIGNER_OF_TASK }[scope];
  qb.andWhere(condition, offerParameters(p));
  // the open tasks the rule can pick from, found from the caller's side (the rule above still decides each)
  if (scope === 'all' || scope === 'candidate') qb.andWhere(openTasksNear(p));
  return qb;
}

/**
 * The inbox's reads (the caller's tasks by the visibility rule, a page at a time, and its badges): the SQL is
 * below, the rule in task-visibility/, the engine's tables behind @kcbx/engine-store-typeorm's typed queries.
 */
@Injectable()
export class InboxRepository {
  constructor(private readonly ds: DataSource) {}

  /** one page of the caller's tasks in `scope`, the total, and (with `countsAt`) the badges (`loadInbox`) */
  page(p: Principal, scope: InboxScope, filter: InboxFilter, page: number, pageSize: number, countsAt?: number) {
    return loadInbox(this.ds, p, scope, filter, page, pageSize, countsAt);
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

export type InboxCounts = { mine: number; candidate: number; overdue: number };

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
 * One page of the inbox and the total in one round trip (a window count): the inbox is the most frequent
 * call there is, and each extra query is felt when fifty clerks work at once. With `countsAt` (only for the
 * unfiltered 'all' scope, whose rows are exactly the ones the badges count) the three badges come as window
 * sums in the same round trip too. The SQL is kept per shape (`inboxStatement`): building it cost more CPU
 * than PostgreSQL took to answer it. Only the parameters are bound per call.
 */
export async function loadInbox(
  ds: DataSource,
  p: Principal,
  scope: InboxScope,
  filter: InboxFilter,
  page: number,
  pageSize: number,
  countsAt?: number,
): Promise<{ rows: InboxRow[]; total: number; counts?: InboxCounts }> {
  const [text, params] = inboxStatement(ds, p, scope, filter, page, pageSize, countsAt);
  const raw: Record<string, unknown>[] = await ds.query(text, params);
  const rows = raw.map((r) => ({
    task: taskOf(r),
    processKey: (r.processKey as string | null) ?? '',
    businessKey: r.businessKey as string | null,
    orgUnitCode: r.orgUnitCode as string | null,
    orgUnitName: r.orgUnitName as string | null,
    orgUnitPath: r.orgUnitPath as string | null,
  }));
  // A page past the end has no row to carry the count: only then count separately.
  const first = raw[0];
  const total = first ? Number(first.inboxTotal) : page > 1 ? await filtered(inboxQuery(ds, p, scope), filter).getCount() : 0;
  const counts =
    first && countsAt !== undefined
      ? { mine: Number(first.countMine ?? 0), candidate: Number(first.countCandidate ?? 0), overdue: Number(first.countOverdue ?? 0) }
      : undefined;
  return { rows, total, counts };
}

/**
 * The SQL and parameters of one inbox page, as `loadInbox` runs them (the scale bench prints their EXPLAIN),
 * built by TypeORM once per shape (scope, number of role assignments, filters) and kept.
 */
export function inboxStatement(
  ds: DataSource,
  p: Principal,
  scope: InboxScope,
  filter: InboxFilter,
  page: number,
  pageSize: number,
  countsAt?: number,
): [string, unknown[]] {
  const shape = [
    scope,
    p.assignments.length,
    !!filter.processKey,
    !!filter.orgUnit,
    filter.dueBefore !== undefined,
    filter.dueFrom !== undefined,
    !!filter.taskId,
    countsAt !== undefined,
  ].join('|');
  let byShape = shapes.get(ds);
  if (!byShape) shapes.set(ds, (byShape = new Map()));
  let sql = byShape.get(shape);
  if (!sql) byShape.set(shape, (sql = pageQuery(ds, p, scope, filter, countsAt).getQuery()));
  const limit = Math.max(1, Math.trunc(pageSize));
  const offset = Math.max(0, Math.trunc((page - 1) * pageSize));
  return positional(
    ds.options.type === 'postgres' ? 'postgres' : 'sqlite',
    `${sql} LIMIT ${limit} OFFSET ${offset}`,
    inboxParameters(p, filter, countsAt),
  );
}

const shapes = new WeakMap<DataSource, Map<string, string>>();

function filtered(qb: SelectQueryBuilder<TaskRecord>, filter: InboxFilter): SelectQueryBuilder<TaskRecord> {
  if (filter.processKey) qb.andWhere('i.key = :processKey', { processKey: filter.processKey });
  if (filter.orgUnit) qb.andWhere('o.path LIKE :unitPath', { unitPath: `%/${filter.orgUnit}/%` });
  if (filter.dueBefore !== undefined) qb.andWhere('t.dueAt IS NOT NULL AND t.dueAt < :now', { now: filter.dueBefore });
  if (filter.dueFrom !== undefined) qb.andWhere('t.dueAt >= :dueFrom', { dueFrom: filter.dueFrom });
  if (filter.taskId) qb.andWhere('t.id = :taskId', { taskId: filter.taskId });
  return qb;
}

function pageQuery(ds: DataSource, p: Principal, scope: InboxScope, filter: InboxFilter, countsAt?: number) {
  const query = filtered(inboxQuery(ds, p, scope), filter)
    .select(columns('task').all.map((c) => `t.${c} AS "t_${c}"`))
    .addSelect([
      'i.key AS "processKey"',
      'i.businessKey AS "businessKey"',
      'o.code AS "orgUnitCode"',
      'o.name AS "orgUnitName"',
      'o.path AS "orgUnitPath"',
    ])
    .addSelect('COUNT(*) OVER ()', 'inboxTotal');
  if (countsAt !== undefined) {
    query
      .addSelect('SUM(CASE WHEN t.assignee = :me THEN 1 ELSE 0 END) OVER ()', 'countMine')
      .addSelect('SUM(CASE WHEN t.assignee IS NULL THEN 1 ELSE 0 END) OVER ()', 'countCandidate')
      .addSelect('SUM(CASE WHEN t.dueAt IS NOT NULL AND t.dueAt < :countsAt THEN 1 ELSE 0 END) OVER ()', 'countOverdue');
  }
  return query.orderBy('t.createdAt', 'DESC');
}

/** Every name inboxQuery, filtered and pageQuery bind, with this caller's values (the SQL is cached, the values are not). */
function inboxParameters(p: Principal, filter: InboxFilter, countsAt?: number): Record<string, unknown> {
  const params: Record<string, unknown> = { tenantId: p.tenantId, ...offerParameters(p) };
  if (filter.processKey) params.processKey = filter.processKey;
  if (filter.orgUnit) params.unitPath = `%/${filter.orgUnit}/%`;
  if (filter.dueBefore !== undefined) params.now = filter.dueBefore;
  if (filter.dueFrom !== undefined) params.dueFrom = filter.dueFrom;
  if (filter.taskId) params.taskId = filter.taskId;
  if (countsAt !== undefined) params.countsAt = countsAt;
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

/** The inbox's three badges (mine, claimable, overdue) in one query over the caller's visible tasks. */
export async function inboxCounts(ds: DataSource, p: Principal, now: number): Promise<InboxCounts> {
  const r = await inboxQuery(ds, p, 'all')
    .select('SUM(CASE WHEN t.assignee = :me THEN 1 ELSE 0 END)', 'mine')
    .addSelect('SUM(CASE WHEN t.assignee IS NULL THEN 1 ELSE 0 END)', 'candidate')
    .addSelect('SUM(CASE WHEN t.dueAt IS NOT NULL AND t.dueAt < :now THEN 1 ELSE 0 END)', 'overdue')
    .setParameter('now', now)
    .getRawOne<{ mine: string | null; candidate: string | null; overdue: string | null }>();
  return { mine: Number(r?.mine ?? 0), candidate: Number(r?.candidate ?? 0), overdue: Number(r?.overdue ?? 0) };
}
