/** What a service handler (registered by the host, e.g. "notify") receives. */
export interface ServiceContext<H = unknown> {
  tenantId: string;
  instanceId: string;
  businessKey: string | null;
  activityId: string;
  /** the variables visible at the task, after its input mappings */
  variables: Record<string, unknown>;
  /**
   * The store's handle on the job's own transaction (TypeORM store: an EntityManager). What the handler writes
   * through it commits with the step or not at all: a failure anywhere in the step — the handler's, a conflict at
   * commit — leaves nothing, and the retry writes once. Writes elsewhere would stay behind a failed step.
   */
  tx: H;
}

/** Returns variables to merge into the process (or nothing). Throw BpmnError to trigger an error boundary. */
export type ServiceHandler<H = unknown> = (
  context: ServiceContext<H>,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/**
 * The host's own writes that belong to an engine command (a step's form submission, a new case's link): run with
 * the store's handle on the command's transaction and the command's result, after the engine's writes and before
 * commit. All or nothing with the command.
 */
export type SideWrites<H, R> = (tx: H, result: R) => Promise<void>;

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
