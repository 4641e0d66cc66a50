import type { Engine, TaskRecord } from '@kcbx/engine';

/** a user task's zeebe:property values (批量审批, 抄送, reminders are configured there); {} when it has none */
export async function stepProperties(
  engine: Engine,
  task: Pick<TaskRecord, 'tenantId' | 'definitionId' | 'activityId'>,
): Promise<Record<string, string>> {
  const definition = await engine.getDefinition(task.tenantId, task.definitionId);
  if (!definition) return {};
  return (await engine.model(definition)).elements.get(task.activityId)?.userTask?.properties ?? {};
}
