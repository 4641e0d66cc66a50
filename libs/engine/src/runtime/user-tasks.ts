import type { ExecutionRecord } from '../storage';
import type { ElementDef } from '../model/model';
import { ExpressionError, evalValue } from './feel';
import { execData, type Run } from './run';
import { dueFrom, resolveDayCount } from './day-count';
import { visibleVariables } from './variables';
import { then } from '../now';
import type { Now } from '../storage';

/** "a, b" or "=[...]" (FEEL list or string) → names */
function nameList(source: string | null, vars: Record<string, unknown>): string[] {
  if (!source) return [];
  const value = evalValue(source, vars);
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  throw new ExpressionError(`candidate expression "${source}" gave ${JSON.stringify(value)}, not a list or text`);
}

/** Creates the task row; every expression is evaluated first so a failure leaves no half-made task. */
export function createUserTask(run: Run, exec: ExecutionRecord, el: ElementDef): Now<void> {
  const spec = el.userTask!;
  // a step re-activated by a return goes to whoever did it before (see return-task.ts); any other token's data
  // names only the flow it came by, and is not parsed for a name it cannot hold
  const assignTo = exec.data.includes('"assignTo"') ? execData<{ assignTo?: string | null }>(exec).assignTo : undefined;
  // the variables only when an expression or an input mapping reads them (most steps name roles and a form only)
  const readsVariables =
    (spec.assignee && !assignTo) || spec.dueDate || spec.dayCount || spec.candidateGroups || spec.candidateUsers || el.inputs.length > 0;
  return then(readsVariables ? visibleVariables(run, exec) : {}, (vars) =>
    then(run.instance(exec.instanceId), (instance) => insertTask(run, exec, el, assignTo, vars, instance.definitionId)),
  );
}

/** the task row from the evaluated expressions, and its task-created history */
function insertTask(
  run: Run,
  exec: ExecutionRecord,
  el: ElementDef,
  assignTo: string | null | undefined,
  vars: Record<string, unknown>,
  definitionId: string,
): Now<void> {
  const spec = el.userTask!;
  const assignee = assignTo ? assignTo : spec.assignee ? evalValue(spec.assignee, vars) : null;
  const due = spec.dueDate ? evalValue(spec.dueDate, vars) : null;
  const dayCount = resolveDayCount(spec.dayCount, vars);
  const task = {
    id: run.deps.newId(),
    tenantId: exec.tenantId,
    instanceId: exec.instanceId,
    executionId: exec.id,
    definitionId,
    activityId: el.id,
    name: el.name,
    assignee: assignee === null || assignee === '' ? null : String(assignee),
    candidateGroups: JSON.stringify(nameList(spec.candidateGroups, vars)),
    candidateUsers: JSON.stringify(nameList(spec.candidateUsers, vars)),
    dueAt: due === null || due === '' ? null : dueFrom(String(due), run.now, dayCount, exec.tenantId, run.deps.calendar),
    formKey: spec.formKey,
    fieldPermissions: JSON.stringify(spec.fieldPermissions),
    state: 'created' as const,
    createdAt: run.now,
    claimedAt: null,
    completedAt: null,
    completedBy: null,
    version: 1,
  };
  return then(run.tx.insert('task', task), () => {
    // The values the input mappings gave the step (evaluated as the token entered it, now its local variables):
    // kept with the task's history, so what the form opened with stays known after the task is done.
    const inputs = el.inputs.length > 0 ? Object.fromEntries(el.inputs.map((m) => [m.target, vars[m.target] ?? null])) : undefined;
    // how the due date counted days stays with the task's history, so the inbox and the file can say 工作日 or 自然日
    const data =
      inputs || dayCount === 'working' ? { ...(inputs ? { inputs } : {}), ...(dayCount === 'working' ? { dayCount } : {}) } : undefined;
    run.history(exec.tenantId, exec.instanceId, 'task-created', {
      elementId: el.id,
      elementType: el.type,
      taskId: task.id,
      data,
    });
  });
}
