import type { ExecutionRecord } from '../storage';
import type { Run } from './run';
import { fireBoundary } from './triggers';

/**
 * A BPMN error (error end event, or a handler's BpmnError) travels outwards: through enclosing
 * sub-processes and multi-instance bodies, and from a called instance to its call activity, until an
 * error boundary event with the same code (or no code) catches it. Uncaught, it becomes an incident.
 */
export async function throwError(run: Run, thrower: ExecutionRecord, errorCode: string | null): Promise<void> {
  let candidate: ExecutionRecord | undefined = thrower;
  while (candidate) {
    if (candidate.kind === 'root') {
      const instance = await run.instance(candidate.instanceId);
      candidate = instance.parentExecutionId ? await run.execution(instance.parentExecutionId) : undefined;
      continue;
    }
    if (candidate.kind !== 'mi-item') {
      const model = await run.modelOf(candidate.instanceId);
      const el = model.elements.get(candidate.activityId)!;
      const catcher = el.boundaries
        .map((id) => model.elements.get(id)!)
        .find((b) => b.event === 'error' && (b.errorCode === null || b.errorCode === errorCode));
      if (catcher) return fireBoundary(run, candidate, catcher, {});
    }
    candidate = candidate.parentId ? await run.execution(candidate.parentId) : undefined;
  }
  await run.raiseIncident(
    thrower,
    'UNHANDLED_ERROR',
    `error "${errorCode ?? ''}" thrown at ${thrower.activityId} was not caught by any error boundary event`,
  );
}
