import type { ExecutionRecord } from '../storage';
import { evalFeel } from './feel';
import { completeInstance } from './instances';
import { miItemCompleted } from './multi-instance';
import { execData, type Run } from './run';
import { deleteLocals, propagate, setLocal, visibleVariables } from './variables';
import { cancelExecution, closeWaits } from './cancel';
import { handCompensationsUp, nextCompensation, rememberCompensation } from './compensation';
import type { ElementDef, ProcessModel } from '../model/model';
import { then } from '../now';
import type { Now } from '../storage';

/**
 * A token finishes its element: apply output mappings, close its boundary subscriptions and timers, and
 * take the given flows (default: all outgoing). With no outgoing flow the token is consumed.
 */
export function leave(run: Run, exec: ExecutionRecord, flows?: string[], values: Record<string, unknown> = {}): Now<void> {
  return then(run.element(exec), (el) =>
    then(run.mustExecution(exec.id), (current) => {
      // a called child's end offers all its variables; without propagateAllChildVariables only the outputs count
      if (el.type === 'callActivity' && !el.propagation.allChildVariables && el.outputs.length === 0) values = {};
      const mapped =
        el.outputs.length > 0 || (current.kind === 'mi-item' && el.multiInstance?.outputElement)
          ? mapOutputs(run, current, el, values)
          : hasAny(values)
            ? propagate(run, current, values)
            : undefined;
      return then(mapped, () => {
        run.history(exec.tenantId, exec.instanceId, 'activity-left', { elementId: el.id, elementType: el.type });
        return then(run.modelOf(exec.instanceId), (model) => {
          // a scope that completes hands its completed activities' compensations to the scope around it (through a
          // multi-instance item and body too), so a compensation thrown there undoes them and none is left behind
          const scope = current.kind === 'subprocess' || current.kind === 'mi-item' || current.kind === 'mi-body';
          const handed = model.hasCompensation && scope ? handCompensationsUp(run, current) : undefined;
          // only these hold subscriptions or timers under the token's id (service jobs are removed by their executor)
          const waits =
            el.boundaries.length > 0 ||
            el.eventSubProcesses.length > 0 ||
            el.type === 'intermediateCatchEvent' ||
            el.type === 'receiveTask';
          return then(waits ? then(handed, () => closeWaits(run, current.id)) : handed, () => moveOn(run, current, el, flows));
        });
      });
    }),
  );
}

function hasAny(values: Record<string, unknown>): boolean {
  for (const _ in values) return true;
  return false;
}

async function mapOutputs(run: Run, current: ExecutionRecord, el: ElementDef, values: Record<string, unknown>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await setLocal(run, current, name, value);
  if (el.outputs.length > 0) {
    const vars = await visibleVariables(run, current);
    const mapped = Object.fromEntries(el.outputs.map((m) => [m.target, evalFeel(m.source, vars)]));
    if (current.parentId) await propagate(run, await run.mustExecution(current.parentId), mapped);
  }
}

/** the element is done with: a multi-instance item reports to its body; any other token ends its locals and moves */
function moveOn(run: Run, current: ExecutionRecord, el: ElementDef, flows?: string[]): Now<void> {
  if (current.kind === 'mi-item') return miItemCompleted(run, current, el);
  const remembered = el.compensationHandler ? rememberCompensation(run, current, el) : undefined;
  return then(
    then(remembered, () => deleteLocals(run, current)),
    () => {
      const taken = flows ?? el.outgoing;
      if (el.asyncAfter) return continueAfterAsync(run, current, el, taken);
      return takeFlows(run, current, taken);
    },
  );
}

/**
 * camunda:asyncAfter: the element is done and that is committed; a job takes its outgoing flows later (in its own
 * transaction, with retries), so a failure after it does not undo it.
 */
async function continueAfterAsync(run: Run, exec: ExecutionRecord, el: ElementDef, flows: string[]): Promise<void> {
  const waiting = await run.saveExecution(exec, { state: 'waiting', data: JSON.stringify({ asyncAfter: flows }) });
  await run.tx.insert('job', {
    id: run.deps.newId(),
    tenantId: waiting.tenantId,
    instanceId: waiting.instanceId,
    executionId: waiting.id,
    definitionId: (await run.instance(waiting.instanceId)).definitionId,
    activityId: el.id,
    kind: 'async',
    payload: JSON.stringify({ after: true }),
    dueAt: run.now,
    retries: el.retries,
    lockOwner: null,
    lockExpiresAt: null,
    lastError: null,
    createdAt: run.now,
    version: 1,
  });
}

/** the token moves along `taken` (one token per flow); with none it ends */
export function takeFlows(run: Run, current: ExecutionRecord, taken: string[]): Now<void> {
  if (taken.length === 0) return consume(run, current);
  return then(run.modelOf(current.instanceId), (model) => {
    const forked = taken.length > 1 ? fork(run, current, taken.slice(1), model.flows) : undefined;
    return then(forked, () =>
      then(
        run.saveExecution(current, {
          kind: 'token',
          state: 'active',
          activityId: model.flows.get(taken[0])!.targetId,
          data: JSON.stringify({ via: taken[0] }),
        }),
        (moved) => {
          run.agenda.push({ op: 'enter', execId: moved.id });
        },
      ),
    );
  });
}

/** a new token on each of these flows (a split's further branches) */
async function fork(run: Run, current: ExecutionRecord, flowIds: string[], flows: ProcessModel['flows']): Promise<void> {
  for (const flowId of flowIds) {
    const token = await run.createExecution(current.instanceId, current.tenantId, current.parentId, 'token', flows.get(flowId)!.targetId, {
      via: flowId,
    });
    run.agenda.push({ op: 'enter', execId: token.id });
  }
}

/** the token ends here; its scope completes when it was the last one */
export function consume(run: Run, exec: ExecutionRecord): Now<void> {
  return then(
    then(deleteLocals(run, exec), () => run.deleteExecution(exec.id)),
    () => (exec.parentId ? scopeMayComplete(run, exec.parentId) : undefined),
  );
}

export function scopeMayComplete(run: Run, scopeId: string): Now<void> {
  return then(run.children(scopeId), (children) => {
    if (children.length > 0) return;
    return then(run.mustExecution(scopeId), (scope) => {
      if (scope.kind === 'root') return completeInstance(run, scope, 'completed');
      if (scope.kind === 'subprocess' || scope.kind === 'mi-item') run.agenda.push({ op: 'leave', execId: scope.id });
      if (scope.kind === 'compensation') return nextCompensation(run, scope);
    });
  });
}

/** terminate end event: every token of the enclosing scope ends; the scope itself completes */
export async function terminateScope(run: Run, exec: ExecutionRecord): Promise<void> {
  const scopeId = exec.parentId!;
  for (const child of await run.children(scopeId)) await cancelExecution(run, child);
  const scope = await run.mustExecution(scopeId);
  if (scope.kind === 'root') return completeInstance(run, scope, 'completed', { terminatedBy: exec.activityId });
  run.agenda.push({ op: 'leave', execId: scope.id });
}

export function arrivalFlow(exec: ExecutionRecord): string | undefined {
  return execData<{ via?: string }>(exec).via;
}
