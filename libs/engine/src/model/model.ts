/**
 * The executable model the runtime walks: one flat map of elements per process, already checked at
 * deploy time, with zeebe and camunda 7 attributes translated into one vocabulary. Expressions keep their
 * source text: a leading "=" marks FEEL, anything else is a literal (as in Camunda 8).
 */

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'userTask'
  | 'serviceTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'sendTask'
  | 'receiveTask'
  | 'task'
  | 'manualTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'callActivity';

export type EventKind = 'none' | 'message' | 'timer' | 'terminate' | 'error' | 'signal' | 'escalation' | 'conditional' | 'compensate';

export interface TimerSpec {
  type: 'date' | 'duration' | 'cycle';
  /** ISO 8601 text or "=FEEL" */
  expression: string;
  /** how a duration's days count: zeebe:property "dayCount" = working | calendar | "=FEEL"; null = calendar days */
  dayCount: string | null;
}

export interface Mapping {
  source: string;
  target: string;
}

export interface UserTaskSpec {
  assignee: string | null;
  candidateGroups: string | null;
  candidateUsers: string | null;
  dueDate: string | null;
  /** how a due date's days count (zeebe:property "dayCount": working | calendar | "=FEEL"); null = calendar days */
  dayCount: string | null;
  formKey: string | null;
  /** field → permission, from the zeebe:property named "fieldPermissions" (JSON object) */
  fieldPermissions: Record<string, string>;
  /** every zeebe:property of the step, by name: the host reads its own settings (批量审批, 抄送, reminders) here */
  properties: Record<string, string>;
}

/**
 * What a process-level start event asks of whoever starts the process by hand: a form to fill
 * (zeebe:formDefinition formId) and, optionally, which roles may start it (zeebe:property "starterGroups",
 * a comma list of role keys; empty = anyone who may start at the unit).
 */
export interface StartSpec {
  formKey: string | null;
  /** field → permission, from the zeebe:property named "fieldPermissions" (JSON object) */
  fieldPermissions: Record<string, string>;
  starterGroups: string[];
}

export interface MultiInstanceSpec {
  sequential: boolean;
  inputCollection: string | null;
  inputElement: string | null;
  outputCollection: string | null;
  outputElement: string | null;
  /** loopCardinality (FEEL or number) when there is no input collection */
  cardinality: string | null;
  completionCondition: string | null;
}

export interface FlowDef {
  id: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition, or null for an unconditional flow */
  condition: string | null;
}

export interface ElementDef {
  id: string;
  type: ElementType;
  name: string | null;
  /** enclosing sub-process id, or null at process level */
  scopeId: string | null;
  incoming: string[];
  outgoing: string[];
  defaultFlow: string | null;
  event: EventKind;
  timer: TimerSpec | null;
  messageName: string | null;
  /** FEEL expression (or literal) giving the correlation key when the subscription is opened */
  correlationKey: string | null;
  errorCode: string | null;
  /** signal events: the signal's name (a broadcast within the county reaches every catcher of that name) */
  signalName: string | null;
  /** escalation events: the code thrown, or the code caught (null on a catcher = any escalation) */
  escalationCode: string | null;
  /** conditional events: the FEEL condition, evaluated when the instance's variables change */
  condition: string | null;
  /** conditional events: zeebe:conditionalFilter variableNames — look at the condition only when one of these changed */
  conditionVariables: string[] | null;
  /** compensation throw events: the activity to compensate (null = every completed activity of the scope) */
  compensateActivity: string | null;
  /** boundary events: the activity they are attached to */
  attachedTo: string | null;
  /** boundary events: cancelActivity; start events of event sub-processes: isInterrupting */
  cancelActivity: boolean;
  /** ids of boundary events attached to this activity */
  boundaries: string[];
  userTask: UserTaskSpec | null;
  /** process-level start events: start form and starter roles */
  start: StartSpec | null;
  /** service/send task handler name (zeebe:taskDefinition type) */
  handler: string | null;
  /** camunda:type="external": the topic an external worker fetches this job by (then no handler) */
  topic: string | null;
  retries: number;
  /** camunda:asyncBefore: the element is entered by a job (a committed wait point before it runs) */
  asyncBefore: boolean;
  /** camunda:asyncAfter: the element's outgoing flows are taken by a job (a committed wait point after it) */
  asyncAfter: boolean;
  /** activities: the compensation handler wired to their compensation boundary event (by an association) */
  compensationHandler: string | null;
  /** isForCompensation activities run only when a compensation throw event asks for them */
  isForCompensation: boolean;
  /** sub-processes: an event sub-process (no flows; started by its start event while its scope is active) */
  triggeredByEvent: boolean;
  /** sub-processes: the ids of the event sub-processes inside */
  eventSubProcesses: string[];
  script: { expression: string; resultVariable: string } | null;
  /** business rule tasks: the deployed decision to evaluate (null when the task is a job with zeebe:taskDefinition) */
  decision: { decisionId: string; resultVariable: string } | null;
  calledElement: string | null;
  /**
   * call activities (zeebe:calledElement): whether the child gets every variable the call activity sees (else only
   * its input mappings), and whether the parent gets every variable the child ends with (else only the output
   * mappings). Both default to true, as in Zeebe; a multi-instance call over a long list wants the parent's off,
   * or each child would carry the whole list.
   */
  propagation: { allParentVariables: boolean; allChildVariables: boolean };
  inputs: Mapping[];
  outputs: Mapping[];
  multiInstance: MultiInstanceSpec | null;
  /** start events of a sub-process (for subProcess elements) */
  startEvents: string[];
}

export interface ProcessModel {
  id: string;
  name: string | null;
  elements: Map<string, ElementDef>;
  flows: Map<string, FlowDef>;
  /** process-level start events */
  startEvents: string[];
  /** process-level event sub-processes */
  eventSubProcesses: string[];
  /** whether any activity has a compensation handler (only then does completing a scope look for compensations) */
  hasCompensation: boolean;
  /** whether any conditional event waits (only then are conditions evaluated when variables change) */
  hasConditional: boolean;
  /** whether any inclusive gateway joins flows (only then must the runtime look for joins to fire) */
  hasInclusiveJoin: boolean;
}
