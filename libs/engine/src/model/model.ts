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

export type EventKind = 'none' | 'message' | 'timer' | 'terminate' | 'error';

export interface TimerSpec {
  type: 'date' | 'duration' | 'cycle';
  /** ISO 8601 text or "=FEEL" */
  expression: string;
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
  formKey: string | null;
  /** field → permission, from the zeebe:property named "fieldPermissions" (JSON object) */
  fieldPermissions: Record<string, string>;
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
  /** boundary events: the activity they are attached to */
  attachedTo: string | null;
  cancelActivity: boolean;
  /** ids of boundary events attached to this activity */
  boundaries: string[];
  userTask: UserTaskSpec | null;
  /** process-level start events: start form and starter roles */
  start: StartSpec | null;
  /** service/send task handler name (zeebe:taskDefinition type) */
  handler: string | null;
  retries: number;
  /** camunda:asyncBefore: the element is entered by a job (a committed wait point before it runs) */
  asyncBefore: boolean;
  script: { expression: string; resultVariable: string } | null;
  calledElement: string | null;
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
  /** whether any inclusive gateway joins flows (only then must the runtime look for joins to fire) */
  hasInclusiveJoin: boolean;
}
