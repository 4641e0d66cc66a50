import { columns, ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import type { TaskRecord } from '@kcbx/engine';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { OrgUnit } from '../database/entities';
import { ORG_UNIT_CODE_OF_VARIABLE } from '../org/org-unit-variable';
import type { Principal } from '../identity/principal';

/** `offered` = offered to the caller by role or name, whoever holds it now (to tell 409 from 404). */
export type InboxScope = 'mine' | 'candidate' | 'all' | 'offered';

export interface InboxRow {
  task: TaskRecord;
  processKey: string;
  businessKey: string | null;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  orgUnitPath: string | null;
}

/**
 * The visibility rule for tasks, as one query: a task sits at the org unit named by its instance's
 * `orgUnit` variable; a user sees it when it is assigned to them, or when it is unassigned and they hold one
 * of its candidate roles at that unit or above it (or are a candidate user).
 */
export function inboxQuery(ds: DataSource, p: Principal, scope: InboxScope): SelectQueryBuilder<TaskRecord> {
  const qb = ds
    .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
    .createQueryBuilder('t')
    .innerJoin('bpmn_instance', 'i', 'i.id = t.instanceId')
    .leftJoin('bpmn_variable', 'v', "v.instanceId = t.instanceId AND v.scopeId = t.instanceId AND v.name = 'orgUnit'")
    .leftJoin(OrgUnit, 'o', `o.tenantId = t.tenantId AND o.code = ${ORG_UNIT_CODE_OF_VARIABLE}`)
    .where('t.tenantId = :tenantId', { tenantId: p.tenantId });
  if (scope !== 'offered') qb.andWhere("t.state = 'created'");
  const params = visibilityParameters(p);
  const offers = p.assignments.map((_, i) => `(t.candidateGroups LIKE :role${i} AND o.path LIKE :path${i})`);
  const offered = `(t.candidateUsers LIKE :meUser${offers.length ? ' OR ' + offers.join(' OR ') : ''})`;
  const candidate = `(t.assignee IS NULL AND ${offered})`;
  const mine = 't.assignee = :me';
  const condition = { mine, candidate, offered, all: `(${mine} OR ${candidate})` }[scope];
  qb.andWhere(condition, params);
  return qb;
}

/** The caller's values for the visibility rule's parameters (one role and unit pair per assignment). */
function visibilityParameters(p: Principal): Record<string, string> {
  const params: Record<string, string> = { me: p.userId, meUser: `%"${p.username}"%` };
  p.assignments.forEach((a, i) => {
    params[`role${i}`] = `%"${a.roleKey}"%`;
    params[`path${i}`] = `${a.orgUnitPath}%`;
  });
  return params;
}

export type InboxCounts = { mine: number; candidate: number; overdue: number };

export interface InboxFilter {
  processKey?: string;
  /** a unit code: tasks at it or below it */
  orgUnit?: string;
  /** only tasks due before this time */
  overdueAt?: number;
  taskId?: string;
}

/**
 * One page of the inbox and the total in one round trip (a window count): the inbox is the most frequent
 * call there is, and each extra query is felt when fifty clerks work at once. With `countsAt` (only for the
 * unfiltered 'all' scope, whose rows are exactly the ones the badges count) the three badges come as window
 * sums in the same round trip too.
 *
 * The SQL is built by TypeORM once per shape (scope, number of role assignments, filters) and kept: building
 * it cost more CPU than PostgreSQL took to answer it. Only the parameters are bound per call.
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
  const shape = [
    scope,
    p.assignments.length,
    !!filter.processKey,
    !!filter.orgUnit,
    filter.overdueAt !== undefined,
    !!filter.taskId,
    countsAt !== undefined,
  ].join('|');
  let byShape = shapes.get(ds);
  if (!byShape) shapes.set(ds, (byShape = new Map()));
  let sql = byShape.get(shape);
  if (!sql) byShape.set(shape, (sql = pageQuery(ds, p, scope, filter, countsAt).getQuery()));
  const limit = Math.max(1, Math.trunc(pageSize));
  const offset = Math.max(0, Math.trunc((page - 1) * pageSize));
  const [text, params] = ds.driver.escapeQueryWithParameters(
    `${sql} LIMIT ${limit} OFFSET ${offset}`,
    inboxParameters(p, filter, countsAt),
    {},
  );
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

const shapes = new WeakMap<DataSource, Map<string, string>>();

function filtered(qb: SelectQueryBuilder<TaskRecord>, filter: InboxFilter): SelectQueryBuilder<TaskRecord> {
  if (filter.processKey) qb.andWhere('i.key = :processKey', { processKey: filter.processKey });
  if (filter.orgUnit) qb.andWhere('o.path LIKE :unitPath', { unitPath: `%/${filter.orgUnit}/%` });
  if (filter.overdueAt !== undefined) qb.andWhere('t.dueAt IS NOT NULL AND t.dueAt < :now', { now: filter.overdueAt });
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
  const params: Record<string, unknown> = { tenantId: p.tenantId, ...visibilityParameters(p) };
  if (filter.processKey) params.processKey = filter.processKey;
  if (filter.orgUnit) params.unitPath = `%/${filter.orgUnit}/%`;
  if (filter.overdueAt !== undefined) params.now = filter.overdueAt;
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
