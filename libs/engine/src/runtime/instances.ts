import { VariableRows } from './variable-rows';
import type { DefinitionRecord, ExecutionRecord, InstanceRecord } from '../storage';
import type { Run } from './run';
import { closeWaits } from './close-waits';
import { instanceVariables, propagate } from './variables';
import { openEventSubProcesses } from './waits';
import { each, then } from '../now';
import type { Now } from '../storage';
import type { ProcessModel } from '../model/model';

export interface StartOptions {
  variables?: Record<string, unknown>;
  businessKey?: string | null;
  startedBy?: string | null;
  parentExecutionId?: string | null;
  /** which start event (message/timer start); default: the none start event */
  startEventId?: string;
}

/** Creates the instance row, its root scope (id = instance id) and a token on the start event. */
export function startInstance(run: Run, definition: DefinitionRecord, options: StartOptions): Now<InstanceRecord> {
  return then(run.deps.parsedModel(definition.id) ?? run.deps.model(definition), (model) => {
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
    return then(run.tx.insert('instance', instance), () => {
      run.rememberInstance(instance);
      return then(run.createExecution(instance.id, instance.tenantId, null, 'root', model.id, {}, instance.id, 'scope'), (root) => {
        run.variableRows.set(instance.id, new VariableRows());
        return then(propagate(run, root, options.variables ?? {}), () => placeStartToken(run, model, instance, root, options));
      });
    });
  });
}

/** the instance's start in its history, its event sub-processes' waits, and the token on the start event */
function placeStartToken(
  run: Run,
  model: ProcessModel,
  instance: InstanceRecord,
  root: ExecutionRecord,
  options: StartOptions,
): Now<InstanceRecord> {
  const startEventId =
    options.startEventId ?? model.startEvents.find((id) => model.elements.get(id)!.event === 'none') ?? model.startEvents[0];
  run.history(instance.tenantId, instance.id, 'instance-started', {
    elementId: model.id,
    userId: options.startedBy ?? null,
    data: { variables: options.variables ?? {}, businessKey: instance.businessKey },
  });
  const opened = model.eventSubProcesses.length > 0 ? openEventSubProcesses(run, root, model.eventSubProcesses) : undefined;
  return then(opened, () =>
    then(run.createExecution(instance.id, instance.tenantId, root.id, 'token', startEventId), (token) => {
      run.agenda.push({ op: 'enter', execId: token.id });
      return instance;
    }),
  );
}

/**
 * Ends an instance: the final variables go into the history event (runtime variable rows are removed),
 * and an instance started by a call activity hands its variables back to the waiting parent token — as an
 * agenda item, like every other token move, so ending an instance does not depend on how tokens leave.
 */
export function completeInstance(
  run: Run,
  root: ExecutionRecord,
  state: 'completed' | 'terminated',
  details: Record<string, unknown> = {},
): Now<void> {
  return then(run.modelOf(root.instanceId), (model) =>
    // the root holds the waits of the process's event sub-processes and the compensations of its completed steps
    then(model.eventSubProcesses.length > 0 || model.hasCompensation ? closeWaits(run, root.id) : undefined, () =>
      then(instanceVariables(run, root.instanceId), (rows) => {
        const variables = Object.fromEntries(rows.of(root.id).map((r) => [r.name, JSON.parse(r.value)]));
        const removed = each(rows.all(), (row) => run.tx.delete('variable', row.id));
        return then(removed, () => {
          rows.clear();
          return then(run.deleteExecution(root.id), () => endInstance(run, root, state, { variables, ...details }));
        });
      }),
    ),
  );
}

/** the instance row ends; a called instance's variables go back to the token waiting in its parent */
function endInstance(
  run: Run,
  root: ExecutionRecord,
  state: 'completed' | 'terminated',
  data: { variables: Record<string, unknown> },
): Now<void> {
  return then(run.instance(root.instanceId), (instance) =>
    then(run.saveInstance(instance, { state, endedAt: run.now }), () => {
      run.history(root.tenantId, root.instanceId, state === 'completed' ? 'instance-ended' : 'instance-terminated', {
        elementId: root.activityId,
        data,
      });
      if (state !== 'completed' || !instance.parentExecutionId) return;
      return then(run.execution(instance.parentExecutionId), (waiting) => {
        if (waiting) run.agenda.push({ op: 'leave', execId: waiting.id, values: data.variables });
      });
    }),
  );
}
