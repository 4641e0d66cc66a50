/**
 * Every failure the engine reports to a caller is an EngineError: a stable `code`, the HTTP status an
 * API should answer with, an English `message` and a Chinese `messageZh`. No stack traces leave the engine
 * as the only explanation. (What is not the caller's doing is an EngineFault, below; expressions that fail
 * become incidents, runtime/expression-error.ts.) errors.spec.ts pins every code.
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A stored record changed since it was read (optimistic locking); the caller should reload and retry. */
export class ConcurrencyError extends EngineError {
  constructor(kind: string, id: string) {
    super(
      'CONCURRENT_MODIFICATION',
      409,
      `${kind} ${id} was changed by someone else; reload and try again`,
      `${kind} ${id} 已被他人修改，请刷新后重试`,
    );
  }
}

export class NotFoundError extends EngineError {
  constructor(kind: string, id: string) {
    super('NOT_FOUND', 404, `${kind} ${id} not found`, `未找到${kind} ${id}`);
  }
}

export class TaskNotActiveError extends EngineError {
  constructor(taskId: string, state: string) {
    super('TASK_NOT_ACTIVE', 409, `task ${taskId} is no longer active (${state})`, `任务 ${taskId} 已不再处于待办状态（${state}）`);
  }
}

export class TaskAssignmentError extends EngineError {
  constructor(taskId: string, assignee: string) {
    super('TASK_ALREADY_CLAIMED', 409, `task ${taskId} is already claimed by ${assignee}`, `任务 ${taskId} 已被 ${assignee} 认领`);
  }
}

export class MessageNotCorrelatedError extends EngineError {
  constructor(name: string, key: string | null) {
    super(
      'MESSAGE_NOT_CORRELATED',
      404,
      `no process is waiting for message "${name}" with key "${key ?? ''}"`,
      `没有流程在等待消息"${name}"（关联键"${key ?? ''}"）`,
    );
  }
}

export class MigrationError extends EngineError {
  constructor(message: string, messageZh: string) {
    super('MIGRATION_REFUSED', 409, message, messageZh);
  }
}

export class InvalidArgumentError extends EngineError {
  constructor(message: string, messageZh: string) {
    super('INVALID_ARGUMENT', 400, message, messageZh);
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
      400,
      `deployment refused: ${problems.length} problem(s): ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
      `部署被拒绝：共 ${problems.length} 个问题：${problems
        .slice(0, 3)
        .map((p) => p.messageZh)
        .join('；')}`,
    );
  }
}

/** Raised by the hardened XML intake before any parser sees the text. */
export class XmlIntakeError extends EngineError {
  constructor(code: 'XML_TOO_LARGE' | 'XML_DOCTYPE_REFUSED' | 'XML_NOT_XML' | 'XML_MALFORMED', message: string, messageZh: string) {
    super(code, 400, message, messageZh);
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
