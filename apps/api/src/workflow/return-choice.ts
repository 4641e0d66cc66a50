import type { Engine } from '@kcbx/engine';
import { type FormDefinition, listControls } from '@kcbx/forms';

type ProcessModel = Awaited<ReturnType<Engine['model']>>;

/**
 * A review form's 退回修改 choice, declared in the form: the control whose `options.returnValue` is the value that
 * sends the case back (review-decision: decision = "return"), and the control marked `options.returnReason: true`
 * whose text is the reason (its opinion). Choosing it is the same 退回 as the button — one record, one banner.
 */
export interface ReturnChoice {
  field: string;
  value: string;
  reasonField: string | null;
}

export function returnChoice(form: FormDefinition): ReturnChoice | null {
  let choice: { field: string; value: string } | null = null;
  let reasonField: string | null = null;
  for (const c of listControls(form)) {
    // only top-level fields: a choice inside a table row would be one row's, not the step's
    const field = /^\/([^/]+)$/.exec(c.path)?.[1];
    const options = (c.control.options ?? {}) as { returnValue?: unknown; returnReason?: unknown };
    if (!field) continue;
    if (typeof options.returnValue === 'string' && !choice) choice = { field, value: options.returnValue };
    if (options.returnReason === true && !reasonField) reasonField = field;
  }
  return choice ? { ...choice, reasonField } : null;
}

/** Whether this submission chooses the form's return value. */
export function choosesReturn(choice: ReturnChoice | null, data: unknown): choice is ReturnChoice {
  return !!choice && !!data && typeof data === 'object' && (data as Record<string, unknown>)[choice.field] === choice.value;
}

/**
 * Where the step's own model sends a return: the user task reached from the step's exclusive gateway by the flow
 * whose condition compares with the return value (`=schoolDecision = "return"` → apply). Null when the model has
 * no such flow; the engine then goes back to the previous step.
 */
export function returnFlowTarget(model: ProcessModel, activityId: string, value: string): string | null {
  const literal = JSON.stringify(value);
  const step = model.elements.get(activityId);
  for (const out of step?.outgoing ?? []) {
    const gateway = model.elements.get(model.flows.get(out)?.targetId ?? '');
    if (gateway?.type !== 'exclusiveGateway') continue;
    for (const id of gateway.outgoing) {
      const flow = model.flows.get(id);
      const target = flow ? model.elements.get(flow.targetId) : undefined;
      if (flow?.condition?.includes(literal) && target?.type === 'userTask') return target.id;
    }
  }
  return null;
}
