/** What a service handler (registered by the host, e.g. "notify") receives. */
export interface ServiceContext {
  tenantId: string;
  instanceId: string;
  businessKey: string | null;
  activityId: string;
  /** the variables visible at the task, after its input mappings */
  variables: Record<string, unknown>;
}

/** Returns variables to merge into the process (or nothing). Throw BpmnError to trigger an error boundary. */
export type ServiceHandler = (context: ServiceContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** A business error a handler throws on purpose; caught by an error boundary event with the same code. */
export class BpmnError extends Error {
  /** the engine's code for this kind of error; `errorCode` is the model's (what boundary events match) */
  readonly code = 'BPMN_ERROR';
  constructor(
    readonly errorCode: string,
    message = errorCode,
  ) {
    super(message);
    this.name = 'BpmnError';
  }
}
