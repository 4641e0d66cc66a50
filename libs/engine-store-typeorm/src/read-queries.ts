import type { InstanceRecord, TaskRecord, VariableRecord } from '@kcbx/engine';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';

/**
 * Typed reads of the engine's tables for the application around the engine (its inbox, its lists of steps): the
 * application names no engine table, so the tables can change here without a search through the API. Each takes the
 * data source or a transaction's manager. Writes go through the engine's commands, never through these.
 */
type On = DataSource | EntityManager;

/**
 * Tasks `t` joined to their instance `i` (the procedure's key `i.key`, the case's `i.businessKey`): the base the
 * inbox adds its visibility rule, filters and columns to. Aliases `t` and `i` are part of the contract.
 */
export function tasksWithInstance(on: On): SelectQueryBuilder<TaskRecord> {
  return on
    .getRepository<TaskRecord>(ENGINE_SCHEMAS.task)
    .createQueryBuilder('t')
    .innerJoin(ENGINE_SCHEMAS.instance.options.name, 'i', 'i.id = t.instanceId');
}

/** A task of the county by id, whatever its state (null: none there). */
export function taskOfTenant(on: On, tenantId: string, taskId: string): Promise<TaskRecord | null> {
  return on.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findOneBy({ id: taskId, tenantId });
}

/** Every step of one case, open and done (in no order). */
export function stepsOfInstance(on: On, tenantId: string, instanceId: string): Promise<TaskRecord[]> {
  return on.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ tenantId, instanceId });
}

/** The open steps of some cases. */
export function openStepsOf(on: On, tenantId: string, instanceIds: string[]): Promise<TaskRecord[]> {
  if (!instanceIds.length) return Promise.resolve([]);
  return on.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ tenantId, instanceId: In(instanceIds), state: 'created' });
}

/** One page of the steps `userId` completed, newest first, and how many there are. */
export function stepsCompletedBy(
  on: On,
  tenantId: string,
  userId: string,
  page: number,
  pageSize: number,
): Promise<[TaskRecord[], number]> {
  return on.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findAndCount({
    where: { tenantId, completedBy: userId, state: 'completed' },
    order: { completedAt: 'DESC', id: 'DESC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
}

/**
 * The case-level value of the variable `name` in each of some instances (a step's local variable of the same name is
 * not the case's), parsed from its stored JSON. Instances without it are absent from the map.
 */
export async function caseVariable(on: On, tenantId: string, instanceIds: string[], name: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (!instanceIds.length) return out;
  const rows = await on.getRepository<VariableRecord>(ENGINE_SCHEMAS.variable).find({
    select: { instanceId: true, scopeId: true, value: true },
    where: { tenantId, instanceId: In(instanceIds), name },
  });
  for (const v of rows) if (v.scopeId === v.instanceId) out.set(v.instanceId, JSON.parse(v.value) as unknown);
  return out;
}

/**
 * The ids of a county's completed cases of the procedure `key`, as a subquery selecting `i.id` (as `id`) for the application to
 * restrict its own rows by: `x.instanceId IN (${q.getQuery()})` with `q.getParameters()`. Its parameters are named
 * `completedTenantId` and `completedKey` so that they do not collide with the outer query's.
 */
export function completedInstancesOf(on: On, tenantId: string, key: string): SelectQueryBuilder<InstanceRecord> {
  return on
    .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
    .createQueryBuilder('i')
    .select('i.id', 'id')
    .where("i.tenantId = :completedTenantId AND i.key = :completedKey AND i.state = 'completed'", {
      completedTenantId: tenantId,
      completedKey: key,
    });
}
