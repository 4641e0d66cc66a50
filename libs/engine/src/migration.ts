import { MigrationError, NotFoundError } from './errors';
import type { Run } from './runtime/run';

export interface MigrationResult {
  /** instances now on the target version */
  migrated: string[];
  /** instances left on their version: the target lacks elements they are at (which, per instance) */
  refused: { instanceId: string; missing: string[] }[];
}

/**
 * Moves the active instances of one definition version to another version of the same process: each instance whose
 * active elements all exist in the target moves (with a history line); the others stay where they are and are
 * reported with the element ids the target lacks, so a designer can add them back or let those cases finish.
 * `dryRun`: the same answer, nothing moved (what the designer sees before confirming).
 */
export async function migrateInstances(run: Run, tenantId: string, fromId: string, toId: string, dryRun = false): Promise<MigrationResult> {
  const from = await run.tx.get('definition', fromId);
  const to = await run.tx.get('definition', toId);
  if (!from || from.tenantId !== tenantId) throw new NotFoundError('definition', fromId);
  if (!to || to.tenantId !== tenantId) throw new NotFoundError('definition', toId);
  if (from.key !== to.key)
    throw new MigrationError('other-process', { from: from.key, to: to.key }, `cannot migrate ${from.key} instances to ${to.key}`);
  const target = await run.deps.model(to);
  const result: MigrationResult = { migrated: [], refused: [] };
  for (const instance of await run.tx.find('instance', { tenantId, definitionId: fromId, state: 'active' })) {
    const executions = await run.tx.find('execution', { instanceId: instance.id });
    const missing = [
      ...new Set(executions.filter((e) => e.kind !== 'root' && !target.elements.has(e.activityId)).map((e) => e.activityId)),
    ];
    if (missing.length) {
      result.refused.push({ instanceId: instance.id, missing });
      continue;
    }
    if (dryRun) {
      result.migrated.push(instance.id);
      continue;
    }
    await run.tx.update('instance', { ...instance, definitionId: toId });
    for (const task of await run.tx.find('task', { instanceId: instance.id })) await run.tx.update('task', { ...task, definitionId: toId });
    for (const job of await run.tx.find('job', { instanceId: instance.id })) await run.tx.update('job', { ...job, definitionId: toId });
    for (const sub of await run.tx.find('subscription', { instanceId: instance.id })) {
      await run.tx.delete('subscription', sub.id);
      await run.tx.insert('subscription', { ...sub, definitionId: toId });
    }
    run.history(tenantId, instance.id, 'instance-migrated', {
      data: { fromDefinitionId: fromId, toDefinitionId: toId, toVersion: to.version },
    });
    result.migrated.push(instance.id);
  }
  return result;
}
