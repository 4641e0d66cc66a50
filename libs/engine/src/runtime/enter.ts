import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { evalFeel } from './feel';
import { chooseForkFlows, arriveAtParallelJoin } from './gateways';
import { consume, leave, terminateScope } from './leave';
import { enterMultiInstance } from './multi-instance';
import { throwError } from './errors-flow';
import { execData, type Run } from './run';
import { createUserTask } from './user-tasks';
import { setLocal, visibleVariables } from './variables';
import { openBoundaries, openCatch, openEventGateway } from './waits';
import { startInstance } from './instances';

/** A token arrives at its element: run the element's behaviour (or put the token to wait). */
export async function enter(run: Run, exec: ExecutionRecord): Promise<void> {
  await enterElement(run, exec, await run.element(exec));
}

async function enterElement(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  if (el.asyncBefore && !execData<{ asyncDone?: boolean }>(exec).asyncDone) return continueAsync(run, exec, el);
  await run.history(exec.tenantId, exec.instanceId, 'activity-entered', { elementId: el.id, elementType: el.type });
  if (el.multiInstance && exec.kind !== 'mi-item') return enterMultiInstance(run, exec, el);
  if (exec.kind !== 'mi-item' && el.boundaries.length > 0) await openBoundaries(run, exec, el);
  if (el.inputs.length > 0) {
    const vars = await visibleVariables(run, exec);
    for (const m of el.inputs) await setLocal(run, exec, m.target, evalFeel(m.source, vars));
  }
  switch (el.type) {
    case 'startEvent':
    case 'task':
    case 'manualTask':
    case 'boundaryEvent':
    case 'intermediateThrowEvent':
      return leave(run, exec);
    case 'endEvent':
      if (el.event === 'terminate') return terminateScope(run, exec);
      if (el.event === 'error') return throwError(run, exec, el.errorCode);
      return consume(run, exec);
    case 'userTask':
      await run.saveExecution(exec, { state: 'waiting' });
      return createUserTask(run, await run.mustExecution(exec.id), el);
    case 'serviceTask':
    case 'sendTask':
      await run.saveExecution(exec, { state: 'waiting' });
      await run.tx.insert('job', {
        id: run.deps.newId(),
        tenantId: exec.tenantId,
        instanceId: exec.instanceId,
        executionId: exec.id,
        definitionId: (await run.instance(exec.instanceId)).definitionId,
        activityId: el.id,
        kind: 'service',
        payload: JSON.stringify({ handler: el.handler }),
        dueAt: run.now,
        retries: el.retries,
        lockOwner: null,
        lockExpiresAt: null,
        lastError: null,
        createdAt: run.now,
        version: 1,
      });
      return;
    case 'scriptTask': {
      const vars = await visibleVariables(run, exec);
      const value = evalFeel(el.script!.expression, vars);
      return leave(run, exec, undefined, { [el.script!.resultVariable]: value });
    }
    case 'receiveTask':
    case 'intermediateCatchEvent':
      await run.saveExecution(exec, { state: 'waiting' });
      return openCatch(run, await run.mustExecution(exec.id), el);
    case 'eventBasedGateway':
      await run.saveExecution(exec, { state: 'waiting' });
      return openEventGateway(run, await run.mustExecution(exec.id), el);
    case 'parallelGateway':
      if (el.incoming.length > 1) return arriveAtParallelJoin(run, exec, el);
      return leave(run, exec, el.outgoing);
    case 'inclusiveGateway':
      if (el.incoming.length > 1) {
        // the join fires from the agenda once no other token can still arrive
        await run.saveExecution(exec, { state: 'waiting' });
        return;
      }
      return leave(run, exec, await chooseForkFlows(run, exec, el));
    case 'exclusiveGateway':
      return leave(run, exec, await chooseForkFlows(run, exec, el));
    case 'subProcess': {
      const scope = await run.saveExecution(exec, { kind: exec.kind === 'mi-item' ? 'mi-item' : 'subprocess', state: 'scope' });
      const child = await run.createExecution(exec.instanceId, exec.tenantId, scope.id, 'token', el.startEvents[0]);
      run.agenda.push({ op: 'enter', execId: child.id });
      return;
    }
    case 'callActivity':
      await run.saveExecution(exec, { state: 'waiting' });
      return callProcess(run, await run.mustExecution(exec.id), el);
  }
}

/** async continuation: commit here; a job enters the element later (in its own transaction, with retries) */
async function continueAsync(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  await run.saveExecution(exec, { state: 'waiting' });
  await run.tx.insert('job', {
    id: run.deps.newId(),
    tenantId: exec.tenantId,
    instanceId: exec.instanceId,
    executionId: exec.id,
    definitionId: (await run.instance(exec.instanceId)).definitionId,
    activityId: el.id,
    kind: 'async',
    payload: '{}',
    dueAt: run.now,
    retries: el.retries,
    lockOwner: null,
    lockExpiresAt: null,
    lastError: null,
    createdAt: run.now,
    version: 1,
  });
}

async function callProcess(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const vars = await visibleVariables(run, exec);
  const key = String(evalFeel(el.calledElement!.startsWith('=') ? el.calledElement! : JSON.stringify(el.calledElement), vars));
  const definitions = await run.tx.find('definition', { tenantId: exec.tenantId, key });
  const latest = definitions.sort((a, b) => b.version - a.version)[0];
  if (!latest) {
    await run.raiseIncident(exec, 'CALLED_PROCESS_MISSING', `no deployed process "${key}" to call`);
    return;
  }
  const parent = await run.instance(exec.instanceId);
  await startInstance(run, latest, { variables: vars, businessKey: parent.businessKey, startedBy: run.userId, parentExecutionId: exec.id });
}
