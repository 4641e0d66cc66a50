/**
 * Runtime state as flat rows (scalar columns plus JSON text), one interface per table, so a relational
 * adapter maps each to an entity 1:1. Times are epoch milliseconds (bigint/int8 columns). Every record
 * carries tenantId; mutable records carry `version` for optimistic locking.
 */

export interface DefinitionRecord {
  id: string;
  tenantId: string;
  /** the BPMN process id; versions are counted per (tenantId, key) */
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  /** sha256 of the resource text; redeploying identical content returns the existing definition */
  contentHash: string;
  xml: string;
  deployedAt: number;
}

/**
 * One decision of a deployed DMN resource, versioned per (tenantId, decision id) like process definitions;
 * business rule tasks decide with the latest version. The xml is the whole resource (a decision may require others).
 */
export interface DecisionRecord {
  id: string;
  tenantId: string;
  /** the DMN decision id */
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  contentHash: string;
  xml: string;
  deployedAt: number;
}

export type InstanceState = 'active' | 'completed' | 'terminated';

export interface InstanceRecord {
  id: string;
  tenantId: string;
  definitionId: string;
  key: string;
  businessKey: string | null;
  state: InstanceState;
  /** set when started by a call activity: the waiting execution in the parent instance */
  parentExecutionId: string | null;
  startedBy: string | null;
  startedAt: number;
  endedAt: number | null;
  version: number;
}

/**
 * A token or a scope. `active` tokens are being moved within the current command; `waiting` tokens rest
 * at a wait state (task, catch event, join); `scope` executions own children (process root, sub-process,
 * multi-instance body); `incident` tokens are stopped until an incident is retried.
 */
export type ExecutionState = 'active' | 'waiting' | 'scope' | 'incident';
export type ExecutionKind = 'root' | 'token' | 'subprocess' | 'mi-body' | 'mi-item' | 'compensation';

export interface ExecutionRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  parentId: string | null;
  kind: ExecutionKind;
  activityId: string;
  state: ExecutionState;
  /** JSON: kind-specific bookkeeping (arrival flow at a join, multi-instance counters, ...) */
  data: string;
  createdAt: number;
  version: number;
}

export type TaskState = 'created' | 'completed' | 'cancelled';

export interface TaskRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  executionId: string;
  definitionId: string;
  activityId: string;
  name: string | null;
  assignee: string | null;
  /** JSON string[] */
  candidateGroups: string;
  /** JSON string[] */
  candidateUsers: string;
  dueAt: number | null;
  formKey: string | null;
  /** JSON Record<field, 'readonly' | 'editable' | 'hidden' | 'required'> */
  fieldPermissions: string;
  state: TaskState;
  createdAt: number;
  claimedAt: number | null;
  completedAt: number | null;
  completedBy: string | null;
  version: number;
}

export interface VariableRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  /** the execution owning the variable (the root execution id equals the instance id) */
  scopeId: string;
  name: string;
  /** JSON value */
  value: string;
  version: number;
}

/** `external`: a service task an external worker fetches by topic over the API (Camunda 7 `camunda:type="external"`) */
export type JobKind = 'timer' | 'service' | 'async' | 'external';

export interface JobRecord {
  id: string;
  tenantId: string;
  /** null for timer start events (no instance yet) */
  instanceId: string | null;
  executionId: string | null;
  definitionId: string;
  activityId: string;
  kind: JobKind;
  /** JSON: timer spec, remaining repetitions, handler type, target catch event... */
  payload: string;
  /** external jobs: the topic workers fetch them by (null for every other kind) */
  topic?: string | null;
  dueAt: number;
  retries: number;
  lockOwner: string | null;
  lockExpiresAt: number | null;
  lastError: string | null;
  createdAt: number;
  version: number;
}

/**
 * What a subscription waits for: a message (name + correlation key), a signal (name, broadcast within the county),
 * a condition (the catching element's, evaluated when variables change), or — `compensation` — not a wait but a
 * completed activity whose compensation handler may still run (held by its scope, in completion order).
 */
export type SubscriptionKind = 'message' | 'signal' | 'conditional' | 'compensation';

export interface SubscriptionRecord {
  id: string;
  tenantId: string;
  kind: SubscriptionKind;
  /** null for message start events */
  instanceId: string | null;
  executionId: string | null;
  definitionId: string;
  /** the catching element (intermediate catch, receive task, boundary, start); compensation: the completed activity */
  activityId: string;
  /** message or signal name; compensation: the handler's id; conditional: empty */
  messageName: string;
  /** null = matches any key (message start events) */
  correlationKey: string | null;
  createdAt: number;
}

export type IncidentState = 'open' | 'resolved';

export interface IncidentRecord {
  id: string;
  tenantId: string;
  instanceId: string | null;
  executionId: string | null;
  jobId: string | null;
  activityId: string;
  /** CONDITION_FAILED, EXPRESSION_FAILED, JOB_FAILED, UNHANDLED_ERROR ... */
  type: string;
  message: string;
  state: IncidentState;
  createdAt: number;
  resolvedAt: number | null;
  version: number;
}

export interface HistoryRecord {
  id: string;
  tenantId: string;
  instanceId: string | null;
  type: HistoryEventType;
  elementId: string | null;
  elementType: string | null;
  /** the user who caused the event, if any */
  userId: string | null;
  taskId: string | null;
  at: number;
  /** JSON: variables submitted or snapshot, plus event details */
  data: string;
}

export type HistoryEventType =
  | 'instance-started'
  | 'instance-ended'
  | 'instance-terminated'
  | 'instance-migrated'
  | 'activity-entered'
  | 'activity-left'
  | 'activity-cancelled'
  | 'task-created'
  | 'task-claimed'
  | 'task-unclaimed'
  | 'task-completed'
  | 'task-cancelled'
  | 'task-returned'
  | 'task-withdrawn'
  | 'task-delegated'
  | 'incident-raised'
  | 'incident-resolved'
  | 'message-correlated'
  | 'signal-received'
  | 'escalation-thrown'
  | 'compensation-started'
  | 'timer-fired'
  | 'variables-updated'
  | 'decision-evaluated';

/** The tables and their record types; the storage port is generic over these names. */
export interface RecordKinds {
  definition: DefinitionRecord;
  decision: DecisionRecord;
  instance: InstanceRecord;
  execution: ExecutionRecord;
  task: TaskRecord;
  variable: VariableRecord;
  job: JobRecord;
  subscription: SubscriptionRecord;
  incident: IncidentRecord;
  history: HistoryRecord;
}

export type RecordKind = keyof RecordKinds;

/** Kinds whose update checks and bumps `version` (history, definitions and subscriptions are never updated). */
export const VERSIONED_KINDS: ReadonlySet<RecordKind> = new Set(['instance', 'execution', 'task', 'variable', 'job', 'incident']);
