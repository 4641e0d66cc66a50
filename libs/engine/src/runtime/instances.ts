import { VariableRows } from './variable-rows';
import type { DefinitionRecord, ExecutionRecord, InstanceRecord } from '../storage';
import type { Run } from './run';
import { closeWaits } from './close-waits';
import { instanceVariables, propagate } from './variables';
import { openEventSubProcesses } from './waits';

export interface StartOptions {
  variables?: Record<string, unknown>;
  businessKey?: string | null;
  startedBy?: string | null;
  parentExecutionId?: string | null;
  /** which start event (message/timer start); default: the none start event */
  startEventId?: string;
}

/** Creates the instance row, its root scope (id = instance id) and a token on the start event. */
export async function startInstance(run: Run, definition: DefinitionRecord, options: StartOptions): Promise<InstanceRecord> {
  const model = await run.deps.model(definition);
  const startEventId =
    options.startEventId ?? model.startEvents.find((id) => model.elements.get(id)!.event === 'none') ?? model.startEvents[0];
  const instance: InstanceRecord = {
    id: run.deps.newId(),
    tenantId: definition.tenantId,
    definitionId: definition.id,
    key: definition.key,
    businessKey: options.businessKey ?? null,
    state: 'active',
    parentExecutionId: options.parentExecutionId ?? null,
    startedBy: options.startedBy ?? null,
    startedAt: run.now,
    endedAt: null,
    version: 1,
  };
  await run.tx.insert('instance', instance);
  run.rememberInstance(instance);
  const root = await run.createExecution(instance.id, instance.tenantId, null, 'root', model.id, {}, instance.id, 'scope');
  run.variableRows.set(instance.id, new VariableRows());
  await propagate(run, root, options.variables ?? {});
  run.history(instance.tenantId, instance.id, 'instance-started', {
    elementId: model.id,
    userId: options.startedBy ?? null,
    data: { variables: options.variables ?? {}, businessKey: instance.businessKey },
  });
  await openEventSubProcesses(run, root, model.eventSubProcesses);
  const token = await run.createExecution(instance.id, instance.tenantId, root.id, 'token', startEventId);
  run.agenda.push({ op: 'enter', execId: token.id });
  return instance;
}

/**
 * Ends an instance: the final variables go into the history event (runtime variable rows are removed),
 * and an instance started by a call activity hands its variables back to the waiting parent token — as an
 * agenda item, like every other token move, so ending an instance does not depend on how tokens leave.
 */
export async function completeInstance(
  run: Run,
  root: ExecutionRecord,
  state: 'completed' | 'terminated',
  details: Record<string, unknown> = {},
): Promise<void> {
  const parsed = run.modelOf(root.instanceId);
  const model = parsed instanceof Promise ? await parsed : parsed;
  // the root holds the waits of the process's event sub-processes and the compensations of its completed steps
  if (model.eventSubProcesses.length > 0 || model.hasCompensation) await closeWaits(run, root.id);
  const rows = await instanceVariables(run, root.instanceId);
  const variables = Object.fromEntries(rows.of(root.id).map((r) => [r.name, JSON.parse(r.value)]));
  for (const row of rows.all()) await run.tx.delete('variable', row.id);
  rows.clear();
  await run.deleteExecution(root.id);
  const held = run.instance(root.instanceId);
  const instance = held instanceof Promise ? await held : held;
  await run.saveInstance(instance, { state, endedAt: run.now });
  run.history(root.tenantId, root.instanceId, state === 'completed' ? 'instance-ended' : 'instance-terminated', {
    elementId: root.activityId,
    data: { variables, ...details },
  });
  if (state === 'completed' && instance.parentExecutionId) {
    const waiting = await run.execution(instance.parentExecutionId);
    if (waiting) run.agenda.push({ op: 'leave', execId: waiting.id, values: variables });
  }
}
