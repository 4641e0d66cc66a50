/**
 * Every failure the engine reports to a caller is an EngineError: a stable `code` (with a `reason` where one code
 * has several causes), the `params` that explain it and an English `message` for logs. Words for people and HTTP
 * statuses are not the engine's: hosts look the code up in the error catalogue (@kcbx/api-contract, keys
 * `code` or `code/reason`) and answer with their own status. (What is not the caller's doing is an EngineFault,
 * below; expressions that fail become incidents, runtime/expression-error.ts.) errors.spec.ts pins every code.
 */
export type EngineErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: EngineErrorParams = {},
    readonly reason?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The error catalogue's key for this error. */
  get key(): string {
    return this.reason ? `${this.code}/${this.reason}` : this.code;
  }
}

/** A stored record changed since it was read (optimistic locking); the caller should reload and retry. */
export class ConcurrencyError extends EngineError {
  constructor(kind: string, id: string) {
    super('CONCURRENT_MODIFICATION', `${kind} ${id} was changed by someone else; reload and try again`, { kind, id });
  }
}

export class NotFoundError extends EngineError {
  constructor(kind: string, id: string) {
    super('NOT_FOUND', `${kind} ${id} not found`, { thing: kind, id }, 'id');
  }
}

export class TaskNotActiveError extends EngineError {
  constructor(taskId: string, state: string) {
    super('TASK_NOT_ACTIVE', `task ${taskId} is no longer active (${state})`, { taskId, state });
  }
}

export class TaskAssignmentError extends EngineError {
  constructor(taskId: string, assignee: string) {
    super('TASK_ALREADY_CLAIMED', `task ${taskId} is already claimed by ${assignee}`, { taskId, assignee });
  }
}

/** An external worker acted on a job it does not hold: its lock expired, or another worker fetched the job since. */
export class ExternalTaskLockError extends EngineError {
  constructor(jobId: string, workerId: string) {
    super('EXTERNAL_TASK_NOT_LOCKED', `external task ${jobId} is not locked by worker ${workerId}`, { taskId: jobId, workerId });
  }
}

export class MessageNotCorrelatedError extends EngineError {
  constructor(name: string, key: string | null) {
    super('MESSAGE_NOT_CORRELATED', `no process is waiting for message "${name}" with key "${key ?? ''}"`, { name, key: key ?? '' });
  }
}

export type MigrationRefusal = 'other-process';

export class MigrationError extends EngineError {
  constructor(reason: MigrationRefusal, params: EngineErrorParams, message: string) {
    super('MIGRATION_REFUSED', message, params, reason);
  }
}

/** Why an argument was refused; each names an entry `INVALID_ARGUMENT/<reason>` of the error catalogue. */
export type InvalidArgument =
  | 'return-reason-required'
  | 'return-multi-instance'
  | 'return-step-not-done'
  | 'return-no-earlier-step'
  | 'return-other-scope'
  | 'instance-ended'
  | 'incident-resolved'
  | 'signal-name';

export class InvalidArgumentError extends EngineError {
  constructor(reason: InvalidArgument, params: EngineErrorParams, message: string) {
    super('INVALID_ARGUMENT', message, params, reason);
  }
}

/** One reason a resource was refused at deploy time; line is 1-based where it could be found. */
export interface DeploymentProblem {
  resource: string;
  code: string;
  elementId?: string;
  elementType?: string;
  line?: number;
  message: string;
  messageZh: string;
}

export class DeploymentError extends EngineError {
  constructor(readonly problems: DeploymentProblem[]) {
    super(
      'DEPLOYMENT_REFUSED',
      `deployment refused: ${problems.length} problem(s): ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
      { count: problems.length },
    );
  }
}

/** Raised by the hardened XML intake before any parser sees the text. */
export class XmlIntakeError extends EngineError {
  constructor(
    code: 'XML_TOO_LARGE' | 'XML_DOCTYPE_REFUSED' | 'XML_NOT_XML' | 'XML_MALFORMED',
    message: string,
    params: EngineErrorParams = {},
  ) {
    super(code, message, params);
  }
}

/** The codes of EngineFault: each names one thing that must hold inside the engine or its store. */
export type EngineFaultCode =
  /** a stored definition, or an element of its model, that a running instance points at is gone */
  | 'DEFINITION_MISSING'
  | 'ELEMENT_MISSING'
  /** a service task names a handler type the host never registered (the job fails and is retried) */
  | 'HANDLER_NOT_REGISTERED'
  /** a store was used against its contract (a write in a read-only unit of work, a row id inserted twice) */
  | 'STORE_MISUSE';

/**
 * Something inside the engine or its store is not as it must be; the caller did nothing wrong. A stable code and
 * an English message for the log: hosts answer it as their own internal error, with their own words.
 */
export class EngineFault extends Error {
  constructor(
    readonly code: EngineFaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineFault';
  }
}
