import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
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
  const params: Record<string, string> = { me: p.userId, meUser: `%"${p.username}"%` };
  const offers = p.assignments.map((a, i) => {
    params[`role${i}`] = `%"${a.roleKey}"%`;
    params[`path${i}`] = `${a.orgUnitPath}%`;
    return `(t.candidateGroups LIKE :role${i} AND o.path LIKE :path${i})`;
  });
  const offered = `(t.candidateUsers LIKE :meUser${offers.length ? ' OR ' + offers.join(' OR ') : ''})`;
  const candidate = `(t.assignee IS NULL AND ${offered})`;
  const mine = 't.assignee = :me';
  const condition = { mine, candidate, offered, all: `(${mine} OR ${candidate})` }[scope];
  qb.andWhere(condition, params);
  return qb;
}

export type InboxCounts = { mine: number; candidate: number; overdue: number };

/**
 * One page of the inbox and the total in one round trip (a window count): the inbox is the most frequent
 * call there is, and each extra query is felt when fifty clerks work at once. With `countsAt` (only for the
 * unfiltered 'all' scope, whose rows are exactly the ones the badges count) the three badges come as window
 * sums in the same round trip too.
 */
export async function loadInbox(
  qb: SelectQueryBuilder<TaskRecord>, page: number, pageSize: number, countsAt?: number,
): Promise<{ rows: InboxRow[]; total: number; counts?: InboxCounts }> {
  const query = qb
    .clone()
    .addSelect(['i.key AS "processKey"', 'i.businessKey AS "businessKey"', 'o.code AS "orgUnitCode"', 'o.name AS "orgUnitName"', 'o.path AS "orgUnitPath"'])
    .addSelect('COUNT(*) OVER ()', 'inboxTotal');
  if (countsAt !== undefined) {
    query
      .addSelect('SUM(CASE WHEN t.assignee = :me THEN 1 ELSE 0 END) OVER ()', 'countMine')
      .addSelect('SUM(CASE WHEN t.assignee IS NULL THEN 1 ELSE 0 END) OVER ()', 'countCandidate')
      .addSelect('SUM(CASE WHEN t.dueAt IS NOT NULL AND t.dueAt < :countsAt THEN 1 ELSE 0 END) OVER ()', 'countOverdue')
      .setParameter('countsAt', countsAt);
  }
  const raw = await query.orderBy('t.createdAt', 'DESC').offset((page - 1) * pageSize).limit(pageSize).getRawAndEntities();
  const rows = raw.entities.map((task, n) => {
    const r = raw.raw[n] as Record<string, string | null>;
    return {
      task,
      processKey: r.processKey ?? '',
      businessKey: r.businessKey,
      orgUnitCode: r.orgUnitCode,
      orgUnitName: r.orgUnitName,
      orgUnitPath: r.orgUnitPath,
    };
  });
  // A page past the end has no row to carry the count: only then count separately.
  const first = raw.raw[0] as Record<string, unknown> | undefined;
  const total = first ? Number(first.inboxTotal) : page > 1 ? await qb.clone().getCount() : 0;
  const counts = first && countsAt !== undefined
    ? { mine: Number(first.countMine ?? 0), candidate: Number(first.countCandidate ?? 0), overdue: Number(first.countOverdue ?? 0) }
    : undefined;
  return { rows, total, counts };
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
