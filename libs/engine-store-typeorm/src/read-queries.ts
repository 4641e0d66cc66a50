import type { InstanceRecord, TaskRecord } from '@kcbx/engine';
import { DataSource as DataSourceClass, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ENGINE_SCHEMAS } from './engine-tables';
import { columns } from './sql-tx';

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

/**
 * The open steps of one case. Asked after every completion (whom to tell of the next step), so it is one fixed
 * statement — prepared once per connection on PostgreSQL, no query building or entity hydration per call.
 */
export async function openStepsOfInstance(on: On, tenantId: string, instanceId: string): Promise<TaskRecord[]> {
  const rows: Record<string, unknown>[] = await on.query(isPostgres(on) ? OPEN_STEPS_POSTGRES : OPEN_STEPS_SQLITE, [tenantId, instanceId]);
  return rows.map((r) => withNumericTimes('task', r) as unknown as TaskRecord);
}

const OPEN_STEPS = `SELECT * FROM bpmn_task WHERE "tenantId" = :tenantId AND "instanceId" = :instanceId AND "state" = 'created'`;
const OPEN_STEPS_POSTGRES = OPEN_STEPS.replace(':tenantId', '$1').replace(':instanceId', '$2');
const OPEN_STEPS_SQLITE = OPEN_STEPS.replace(':tenantId', '?').replace(':instanceId', '?');

const isPostgres = (on: On) => (on instanceof DataSourceClass ? on.options : on.connection.options).type === 'postgres';

/** PostgreSQL returns bigint as text; the engine's times are numbers. */
function withNumericTimes(kind: 'task' | 'variable', row: Record<string, unknown>): Record<string, unknown> {
  for (const t of columns(kind).times) if (typeof row[t] === 'string') row[t] = Number(row[t]);
  return row;
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
  // every inbox page asks this: SQL written once per dialect and list length, not built by TypeORM per call
  const rows: { instanceId: string; scopeId: string; value: string }[] = await on.query(
    caseVariableSql(isPostgres(on), instanceIds.length),
    [tenantId, name, ...instanceIds],
  );
  for (const v of rows) if (v.scopeId === v.instanceId) out.set(v.instanceId, JSON.parse(v.value) as unknown);
  return out;
}

const caseVariableSqls = new Map<string, string>();
function caseVariableSql(pg: boolean, count: number): string {
  const key = `${pg}:${count}`;
  let sql = caseVariableSqls.get(key);
  if (!sql) {
    const at = (n: number) => (pg ? `$${n}` : '?');
    const list = Array.from({ length: count }, (_, i) => at(i + 3)).join(', ');
    sql = `SELECT "instanceId", "scopeId", "value" FROM bpmn_variable WHERE "tenantId" = ${at(1)} AND "name" = ${at(2)} AND "instanceId" IN (${list})`;
    caseVariableSqls.set(key, sql);
  }
  return sql;
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
