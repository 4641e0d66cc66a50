import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { evalFeel } from './feel';
import { chooseForkFlows, arriveAtParallelJoin } from './gateways';
import { consume, leave, terminateScope } from './leave';
import { enterMultiInstance } from './multi-instance';
import { throwError, throwEvent } from './errors-flow';
import { broadcastSignal } from './signals';
import { startCompensation } from './compensation';
import { conditionHolds } from './conditionals';
import { execData, type Run } from './run';
import { createUserTask } from './user-tasks';
import { setLocal, visibleVariables } from './variables';
import { openBoundaries, openCatch, openEventGateway, openEventSubProcesses } from './waits';
import { startInstance } from './instances';
import { enterBusinessRule } from './decisions';
import { then } from '../now';
import type { Now } from '../storage';

/** A token arrives at its element: run the element's behaviour (or put the token to wait). */
export function enter(run: Run, exec: ExecutionRecord): Now<void> {
  return then(run.element(exec), (el) => enterElement(run, exec, el));
}

function enterElement(run: Run, exec: ExecutionRecord, el: ElementDef): Now<void> {
  if (el.asyncBefore && !execData<{ asyncDone?: boolean }>(exec).asyncDone) return continueAsync(run, exec, el);
  run.history(exec.tenantId, exec.instanceId, 'activity-entered', { elementId: el.id, elementType: el.type });
  if (el.multiInstance && exec.kind !== 'mi-item') return enterMultiInstance(run, exec, el);
  const opened = exec.kind !== 'mi-item' && el.boundaries.length > 0 ? openBoundaries(run, exec, el) : undefined;
  const mapped = el.inputs.length > 0 ? then(opened, () => mapInputs(run, exec, el)) : opened;
  return then(mapped, () => behave(run, exec, el));
}

async function mapInputs(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const vars = await visibleVariables(run, exec);
  for (const m of el.inputs) await setLocal(run, exec, m.target, evalFeel(m.source, vars));
}

/** the element's behaviour; the common ones without an async step, the others in `behaveAsync` */
function behave(run: Run, exec: ExecutionRecord, el: ElementDef): Now<void> {
  switch (el.type) {
    case 'startEvent':
    case 'task':
    case 'manualTask':
    case 'boundaryEvent':
      return leave(run, exec);
    case 'intermediateThrowEvent':
    case 'endEvent':
      return el.event === 'none' ? passThrowEvent(run, exec, el) : enterThrowEvent(run, exec, el);
    case 'userTask':
      return then(run.saveExecution(exec, { state: 'waiting' }), (waiting) => createUserTask(run, waiting, el));
    case 'parallelGateway':
      if (el.incoming.length > 1) return arriveAtParallelJoin(run, exec, el);
      return leave(run, exec, el.outgoing);
    default:
      return behaveAsync(run, exec, el);
  }
}

async function behaveAsync(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  switch (el.type) {
    case 'businessRuleTask':
      if (el.decision) return enterBusinessRule(run, exec, el);
    // a business rule task with zeebe:taskDefinition is a job, as a service task is
    // falls through
    case 'serviceTask':
    case 'sendTask': {
      // Camunda 7's external topic, or — as Zeebe does — a job type no handler of this engine runs: a job for
      // external workers to fetch by that name
      const topic = el.topic ?? (el.handler && !run.deps.handlers.has(el.handler) ? el.handler : null);
      await run.saveExecution(exec, { state: 'waiting' });
      await run.tx.insert('job', {
        id: run.deps.newId(),
        tenantId: exec.tenantId,
        instanceId: exec.instanceId,
        executionId: exec.id,
        definitionId: (await run.instance(exec.instanceId)).definitionId,
        activityId: el.id,
        kind: topic === null ? 'service' : 'external',
        payload: JSON.stringify(topic === null ? { handler: el.handler } : {}),
        topic,
        dueAt: run.now,
        retries: el.retries,
        lockOwner: null,
        lockExpiresAt: null,
        lastError: null,
        createdAt: run.now,
        version: 1,
      });
      return;
    }
    case 'scriptTask': {
      const vars = await visibleVariables(run, exec);
      const value = evalFeel(el.script!.expression, vars);
      return leave(run, exec, undefined, { [el.script!.resultVariable]: value });
    }
    case 'receiveTask':
    case 'intermediateCatchEvent':
      // a condition already true as the token arrives lets it pass at once (Camunda 7's rule)
      if (el.event === 'conditional' && conditionHolds(el.condition!, await visibleVariables(run, exec))) return leave(run, exec);
      await run.saveExecution(exec, { state: 'waiting' });
      return openCatch(run, await run.mustExecution(exec.id), el);
    case 'eventBasedGateway':
      await run.saveExecution(exec, { state: 'waiting' });
      return openEventGateway(run, await run.mustExecution(exec.id), el);
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
      await openEventSubProcesses(run, scope, el.eventSubProcesses);
      const child = await run.createExecution(exec.instanceId, exec.tenantId, scope.id, 'token', el.startEvents[0]);
      run.agenda.push({ op: 'enter', execId: child.id });
      return;
    }
    case 'callActivity':
      await run.saveExecution(exec, { state: 'waiting' });
      return callProcess(run, await run.mustExecution(exec.id), el);
  }
}

/** a none throw or end event: the token goes on (intermediate) or ends (end event) */
function passThrowEvent(run: Run, exec: ExecutionRecord, el: ElementDef): Now<void> {
  return then(run.execution(exec.id), (still) => {
    if (!still) return;
    if (el.type === 'intermediateThrowEvent') return leave(run, still);
    return consume(run, still);
  });
}

/**
 * Throw and end events: a signal is broadcast to the county, an escalation travels outwards, a compensation runs
 * the handlers of completed activities first. The thrower then goes on (intermediate) or ends (end event) — unless
 * what it threw interrupted a scope around it, which removed it.
 */
async function enterThrowEvent(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const done = async () => {
    const still = await run.execution(exec.id);
    if (!still) return;
    if (el.type === 'intermediateThrowEvent') return leave(run, still);
    return consume(run, still);
  };
  switch (el.event) {
    case 'terminate':
      return terminateScope(run, exec);
    case 'error':
      return throwError(run, exec, el.errorCode);
    case 'signal':
      await broadcastSignal(run, exec.tenantId, el.signalName!, {});
      return done();
    case 'escalation': {
      const caught = await throwEvent(run, exec, 'escalation', el.escalationCode);
      run.history(exec.tenantId, exec.instanceId, 'escalation-thrown', {
        elementId: el.id,
        data: { escalationCode: el.escalationCode, caught },
      });
      return done();
    }
    case 'compensate':
      if (await startCompensation(run, exec, el)) return;
      return done();
    default:
      return done();
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
  const variables = el.propagation.allParentVariables ? vars : Object.fromEntries(el.inputs.map((m) => [m.target, vars[m.target]]));
  await startInstance(run, latest, { variables, businessKey: parent.businessKey, startedBy: run.userId, parentExecutionId: exec.id });
}
