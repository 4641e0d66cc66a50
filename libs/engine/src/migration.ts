import { MigrationError, NotFoundError } from './errors';
import type { Run } from './runtime/run';

export interface MigrationResult {
  migrated: string[];
}

/**
 * Moves every active instance of one definition version to another version of the same process. All or
 * nothing: refused when any active element id is missing from the target (the list says which).
 */
export async function migrateInstances(run: Run, tenantId: string, fromId: string, toId: string): Promise<MigrationResult> {
  const from = await run.tx.get('definition', fromId);
  const to = await run.tx.get('definition', toId);
  if (!from || from.tenantId !== tenantId) throw new NotFoundError('definition', fromId);
  if (!to || to.tenantId !== tenantId) throw new NotFoundError('definition', toId);
  if (from.key !== to.key)
    throw new MigrationError(`cannot migrate ${from.key} instances to ${to.key}`, `不能把 ${from.key} 的实例迁移到 ${to.key}`);
  const target = await run.deps.model(to);
  const instances = await run.tx.find('instance', { tenantId, definitionId: fromId, state: 'active' });
  const missing = new Set<string>();
  for (const instance of instances) {
    for (const e of await run.tx.find('execution', { instanceId: instance.id })) {
      if (e.kind !== 'root' && !target.elements.has(e.activityId)) missing.add(e.activityId);
    }
  }
  if (missing.size > 0) {
    const ids = [...missing].join(', ');
    throw new MigrationError(
      `target version ${to.version} lacks active elements: ${ids}`,
      `目标版本 ${to.version} 缺少正在运行的元素：${ids}`,
    );
  }
  for (const instance of instances) {
    await run.tx.update('instance', { ...instance, definitionId: toId });
    for (const task of await run.tx.find('task', { instanceId: instance.id })) await run.tx.update('task', { ...task, definitionId: toId });
    for (const job of await run.tx.find('job', { instanceId: instance.id })) await run.tx.update('job', { ...job, definitionId: toId });
    for (const sub of await run.tx.find('subscription', { instanceId: instance.id })) {
      await run.tx.delete('subscription', sub.id);
      await run.tx.insert('subscription', { ...sub, definitionId: toId });
    }
    await run.history(tenantId, instance.id, 'instance-migrated', {
      data: { fromDefinitionId: fromId, toDefinitionId: toId, toVersion: to.version },
    });
  }
  return { migrated: instances.map((i) => i.id) };
}
