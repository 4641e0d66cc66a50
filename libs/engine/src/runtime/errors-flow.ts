import type { ExecutionRecord } from '../storage';
import type { ElementDef, ProcessModel } from '../model/model';
import type { Run } from './run';
import { fireBoundary, startEventSubProcess } from './triggers';

type Thrown = 'error' | 'escalation';

/**
 * A BPMN error (error end event, or a handler's BpmnError) or an escalation travels outwards: through enclosing
 * sub-processes and multi-instance bodies, and from a called instance to its call activity. In each scope it
 * meets, an event sub-process of the scope starting on that code catches it first, then a boundary event on the
 * scope's activity. Uncaught, an error becomes an incident; an uncaught escalation is only recorded (Camunda 8).
 * Returns whether something caught it.
 */
export async function throwEvent(run: Run, thrower: ExecutionRecord, kind: Thrown, code: string | null): Promise<boolean> {
  let candidate: ExecutionRecord | undefined = thrower;
  // the scope an event sub-process runs in does not catch what the event sub-process itself throws
  let skipEventSubProcessesOf: string | null = null;
  while (candidate) {
    const model = await run.modelOf(candidate.instanceId);
    if (candidate.kind === 'root' || candidate.kind === 'subprocess' || candidate.kind === 'mi-item') {
      const scopeEl = candidate.kind === 'root' ? null : model.elements.get(candidate.activityId);
      const espIds = candidate.kind === 'root' ? model.eventSubProcesses : (scopeEl?.eventSubProcesses ?? []);
      if (skipEventSubProcessesOf !== candidate.id) {
        const found = matchingEventSubProcess(model, espIds, kind, code);
        if (found) {
          await startEventSubProcess(run, candidate, found.esp, found.start, {});
          return true;
        }
      }
    }
    if (candidate.kind === 'root') {
      const instance = await run.instance(candidate.instanceId);
      candidate = instance.parentExecutionId ? await run.execution(instance.parentExecutionId) : undefined;
      skipEventSubProcessesOf = null;
      continue;
    }
    const el = model.elements.get(candidate.activityId)!;
    if (candidate.kind !== 'mi-item') {
      const catcher = el.boundaries
        .map((id) => model.elements.get(id)!)
        .find((b) => b.event === kind && matches(kind === 'error' ? b.errorCode : b.escalationCode, code));
      if (catcher) {
        await fireBoundary(run, candidate, catcher, {});
        return true;
      }
    }
    skipEventSubProcessesOf = el.triggeredByEvent ? candidate.parentId : null;
    candidate = candidate.parentId ? await run.execution(candidate.parentId) : undefined;
  }
  return false;
}

/** an error thrown and not caught stops the thrower with an incident */
export async function throwError(run: Run, thrower: ExecutionRecord, errorCode: string | null): Promise<void> {
  if (await throwEvent(run, thrower, 'error', errorCode)) return;
  await run.raiseIncident(
    thrower,
    'UNHANDLED_ERROR',
    `error "${errorCode ?? ''}" thrown at ${thrower.activityId} was not caught by any error boundary event or event sub-process`,
  );
}

/** a catcher without a code catches every code */
function matches(caught: string | null, thrown: string | null): boolean {
  return caught === null || caught === thrown;
}

function matchingEventSubProcess(
  model: ProcessModel,
  espIds: string[],
  kind: Thrown,
  code: string | null,
): { esp: ElementDef; start: ElementDef } | undefined {
  const candidates = espIds.map((id) => {
    const esp = model.elements.get(id)!;
    return { esp, start: model.elements.get(esp.startEvents[0])! };
  });
  const of = (c: { start: ElementDef }) => (kind === 'error' ? c.start.errorCode : c.start.escalationCode);
  // a start event naming the code wins over a catch-all one, as in Camunda 8
  return (
    candidates.find((c) => c.start.event === kind && of(c) !== null && of(c) === code) ??
    candidates.find((c) => c.start.event === kind && of(c) === null)
  );
}
