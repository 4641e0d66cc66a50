import type { TaskRecord } from '@kcbx/engine';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CaseCopy, OrgUnit, TaskSigner } from '../database/entities';
import { positional } from '../database/named-parameters';
import type { Principal } from '../identity/principal';
import { ORG_UNIT_CODE_OF_VARIABLE } from './org-unit-variable';

/**
 * Who may see and work a task — the county's core security rule, written once here and used by the inbox,
 * the notifier (new and overdue tasks) and the dashboard's overdue work:
 *
 * 1. Placement: a task sits at the org unit its instance's `orgUnit` variable names (`placeTasks`).
 * 2. An assigned task is its assignee's.
 * 3. An unassigned task is offered to whoever holds one of its candidate roles at that unit or above it, and to
 *    its candidate users by name (`offeredTo` asks it per caller, `offeredUsers` per task).
 * 4. 加签: a signer added before or after the holder is given the task in turn (rule 2); a parallel co-signer (会签,
 *    或签) may open and sign it while the holder keeps it (`isActiveCoSigner`).
 * 5. 抄送: a case copied to a user may be read by them, never worked (`isCopiedTo`); `roleHoldersAt` finds the
 *    holders of a role at a task's unit or above it (copies by role, reminders to the supervisor role).
 *
 * Candidate roles and users are rows of `task_candidate` (kept by triggers from the engine's JSON columns), so
 * both directions are indexed joins. The two directions agree: test/task-visibility.int-spec.ts proves it on a
 * generated org tree, on both databases.
 */

/** Joins the task `t`'s placement: its `orgUnit` variable `v` and the unit `o`. Inner joins drop unplaced tasks. */
export function placeTasks<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, join: 'inner' | 'left'): SelectQueryBuilder<T> {
  // Both ids tied to the task's instance (not `v.scopeId = v.instanceId`, which PostgreSQL estimates at 0.5 % of the
  // placements: it then joined all of a county's placements to each task, 69 ms of CPU for a township's inbox).
  const variable = "v.instanceId = t.instanceId AND v.scopeId = t.instanceId AND v.name = 'orgUnit'";
  const unit = `o.tenantId = t.tenantId AND o.code = ${ORG_UNIT_CODE_OF_VARIABLE}`;
  return join === 'inner'
    ? qb.innerJoin('bpmn_variable', 'v', variable).innerJoin(OrgUnit, 'o', unit)
    : qb.leftJoin('bpmn_variable', 'v', variable).leftJoin(OrgUnit, 'o', unit);
}

/**
 * The condition "task `t` (placed at `o`) is offered to `p`" — by name, or by a role `p` holds at the task's unit
 * or above it — and its parameters (`offerParameters`). One EXISTS over the task's candidate rows (primary key
 * lookup by task); the SQL depends only on how many assignments `p` has, so callers may keep it per shape.
 */
export function offeredTo(p: Pick<Principal, 'assignments'>): string {
  const byRole = p.assignments.map((_, i) => `(c.name = :role${i} AND o.path LIKE :path${i})`);
  const role = byRole.length ? ` OR (c.kind = 'role' AND (${byRole.join(' OR ')}))` : '';
  return `EXISTS (SELECT 1 FROM task_candidate c WHERE c."taskId" = t.id AND ((c.kind = 'user' AND c.name = :meUser)${role}))`;
}

/**
 * The open tasks that may be `p`'s, found from `p`'s side through indexes: assigned to `p` (partial index on open
 * tasks' assignee), offered to `p` by name (task_candidate by name), and placed at a unit at or below one of
 * `p`'s assignments (the units by path, their instances through the `orgUnit` variable's partial index, their
 * open steps by instance). A superset of rules 2 and 3, never the rule itself: `offeredTo` still decides each
 * row; this only lets the query start from the caller's units instead of every open task of the county, so a
 * user with no work pays for no one else's (#19 acceptance 2). Binds :me, :meUser, :tenantId and :pathN.
 */
export function openTasksNear(p: Pick<Principal, 'assignments'>): string {
  const units = p.assignments.map((_, i) => `po.path LIKE :path${i}`);
  const placed = units.length
    ? ` UNION ALL SELECT pt.id FROM org_unit po
          JOIN bpmn_variable pv ON pv.name = 'orgUnit' AND pv."scopeId" = pv."instanceId" AND pv.value = '"' || po.code || '"'
          JOIN bpmn_task pt ON pt."instanceId" = pv."instanceId" AND pt.state = 'created'
         WHERE po."tenantId" = :tenantId AND (${units.join(' OR ')})`
    : '';
  return `t.id IN (SELECT a.id FROM bpmn_task a WHERE a.assignee = :me AND a.state = 'created'
    UNION ALL SELECT uc."taskId" FROM task_candidate uc WHERE uc."tenantId" = :tenantId AND uc.kind = 'user' AND uc.name = :meUser${placed})`;
}

/**
 * Whether `p`'s units span the county (a role at its top unit, e.g. the bureau's offices). For such a caller
 * `openTasksNear` is no filter (every open task of the county is near) and costs the most: it reads every case
 * ever placed in the county, finished ones included. Their inbox walks the county's open tasks instead, newest
 * first through an index, and stops at a page; the rule (`offeredTo`) decides each row either way.
 */
export function widePrincipal(p: Pick<Principal, 'assignments'>): boolean {
  return p.assignments.some((a) => a.orgUnitPath.split('/').filter(Boolean).length <= 1);
}

/** The values `offeredTo(p)` binds (and `:me`, the caller's id, for "assigned to me"). */
export function offerParameters(p: Pick<Principal, 'userId' | 'username' | 'assignments'>): Record<string, string> {
  const params: Record<string, string> = { me: p.userId, meUser: p.username };
  p.assignments.forEach((a, i) => {
    params[`role${i}`] = a.roleKey;
    params[`path${i}`] = `${a.orgUnitPath}%`;
  });
  return params;
}

/** the data source, or an engine command's transaction (ctx.tx, sideWrites' m): reads then see the command's own writes */
export type Db = DataSource | EntityManager;
const dialectOf = (db: Db) => ((db instanceof DataSource ? db.options : db.connection.options).type === 'postgres' ? 'postgres' : 'sqlite');

/** Who may work `task` now: its assignee, or the active users it is offered to. */
export async function workersOf(ds: Db, task: Pick<TaskRecord, 'id' | 'tenantId' | 'instanceId' | 'assignee'>): Promise<string[]> {
  if (task.assignee) return [task.assignee];
  return offeredUsers(ds, task);
}

/**
 * The active users an unassigned task is offered to, in one round trip: the units from the task's unit up to
 * the county (parentId through the primary key — the same units whose path prefixes the task's), the holders
 * of the task's candidate roles there, and its candidate users by name.
 */
export async function offeredUsers(ds: Db, task: Pick<TaskRecord, 'id' | 'tenantId' | 'instanceId'>): Promise<string[]> {
  const dialect = dialectOf(ds);
  const [sql, values] = positional(dialect, OFFERED_USERS, { tenantId: task.tenantId, instanceId: task.instanceId, taskId: task.id });
  const rows: { id: string }[] = await ds.query(sql, values);
  return rows.map((r) => r.id);
}

const OFFERED_USERS = `
  WITH RECURSIVE up (id, "parentId") AS (
    SELECT o.id, o."parentId" FROM bpmn_variable v
      JOIN org_unit o ON o."tenantId" = :tenantId AND o.code = ${ORG_UNIT_CODE_OF_VARIABLE}
     WHERE v."instanceId" = :instanceId AND v."scopeId" = :instanceId AND v.name = 'orgUnit'
    UNION ALL
    SELECT o.id, o."parentId" FROM org_unit o JOIN up ON o.id = up."parentId"
  )
  SELECT a."userId" AS id FROM up
    JOIN role_assignment a ON a."orgUnitId" = up.id AND a."tenantId" = :tenantId
    JOIN role r ON r.id = a."roleId"
    JOIN task_candidate c ON c."taskId" = :taskId AND c.kind = 'role' AND c.name = r.key
    JOIN app_user u ON u.id = a."userId" AND u.active = TRUE
  UNION
  SELECT u.id FROM task_candidate c
    JOIN app_user u ON u."tenantId" = :tenantId AND u.username = c.name AND u.active = TRUE
   WHERE c."taskId" = :taskId AND c.kind = 'user'`;

/** rule 4 as SQL over the task `t`: the caller (`:me`) is an active parallel co-signer of it (opens it to sign) */
export const CO_SIGNER_OF_TASK = `EXISTS (SELECT 1 FROM task_signer s WHERE s."taskId" = t.id AND s."userId" = :me AND s.mode = 'parallel' AND s.state = 'active')`;

/** rule 4: `userId` is an active parallel co-signer of the task (会签 / 或签) */
export async function isActiveCoSigner(ds: DataSource, taskId: string, userId: string): Promise<boolean> {
  return ds.getRepository(TaskSigner).exists({ where: { taskId, userId, mode: 'parallel', state: 'active' } });
}

/** rule 5: the case was copied (抄送) to `userId`, who may read it */
export async function isCopiedTo(ds: DataSource, tenantId: string, instanceId: string, userId: string): Promise<boolean> {
  return ds.getRepository(CaseCopy).exists({ where: { tenantId, instanceId, userId } });
}

/**
 * The active holders of `roleKey` at the unit the instance is placed at or any unit above it (the same walk up the
 * tree as `offeredUsers`): whom a copy by role reaches, and a reminder's supervisor role.
 */
export async function roleHoldersAt(ds: Db, tenantId: string, instanceId: string, roleKey: string): Promise<string[]> {
  const dialect = dialectOf(ds);
  const [sql, values] = positional(dialect, ROLE_HOLDERS, { tenantId, instanceId, roleKey });
  const rows: { id: string }[] = await ds.query(sql, values);
  return rows.map((r) => r.id);
}

const ROLE_HOLDERS = `
  WITH RECURSIVE up (id, "parentId") AS (
    SELECT o.id, o."parentId" FROM bpmn_variable v
      JOIN org_unit o ON o."tenantId" = :tenantId AND o.code = ${ORG_UNIT_CODE_OF_VARIABLE}
     WHERE v."instanceId" = :instanceId AND v."scopeId" = :instanceId AND v.name = 'orgUnit'
    UNION ALL
    SELECT o.id, o."parentId" FROM org_unit o JOIN up ON o.id = up."parentId"
  )
  SELECT DISTINCT a."userId" AS id FROM up
    JOIN role_assignment a ON a."orgUnitId" = up.id AND a."tenantId" = :tenantId
    JOIN role r ON r.id = a."roleId" AND r.key = :roleKey
    JOIN app_user u ON u.id = a."userId" AND u.active = TRUE`;
