import { errorText, wireCode, type ErrorCode, type ErrorKey, type ErrorParams, type Noun } from '@kcbx/api-contract';

/**
 * Every error the API reports: a key of the error catalogue (@kcbx/api-contract) with its parameters, and details
 * where a refusal lists fields or rows. The wire code and the HTTP status follow from the key (HTTP_STATUS below is
 * the one place codes meet statuses); the exception filter writes the text in the caller's language.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The HTTP answer for each wire code: the one place statuses are decided. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  BAD_FILE: 400,
  REQUEST_FAILED: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_DISABLED: 401,
  AUTH_TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  METRICS_OFF: 404,
  METRICS_TOKEN_INVALID: 401,
  API_KEY_INVALID: 401,
  ORG_UNIT_EXISTS: 409,
  ROLE_EXISTS: 409,
  USERNAME_TAKEN: 409,
  USERNAME_INVALID: 400,
  PASSWORD_WEAK: 400,
  COUNTY_NOT_FOUND: 404,
  ADMIN_ROLE_MISSING: 409,
  TASK_ALREADY_CLAIMED: 409,
  EXTERNAL_TASK_NOT_LOCKED: 409,
  INSTANCE_ENDED: 409,
  NOT_STARTABLE: 400,
  PROCEDURE_NOT_DEPLOYED: 409,
  DEPLOYMENT_REFUSED: 400,
  FORM_INVALID: 400,
  FORM_DEFINITION_INVALID: 400,
  FORM_KEY_MISMATCH: 400,
  FORM_VERSION_CONFLICT: 409,
  CONCURRENT_MODIFICATION: 409,
  TASK_NOT_ACTIVE: 409,
  MESSAGE_NOT_CORRELATED: 404,
  MIGRATION_REFUSED: 409,
  INVALID_ARGUMENT: 400,
  XML_TOO_LARGE: 400,
  XML_NOT_XML: 400,
  XML_DOCTYPE_REFUSED: 400,
  XML_MALFORMED: 400,
  STUDENT_EXISTS: 409,
  CASE_ALREADY_RUNNING: 409,
  LEDGER_ENTRY_EXISTS: 409,
  DELIVERY_NOT_DEAD: 409,
  COMPARISON_NEEDS_REGISTERS: 409,
  REPORT_UNRECONCILED: 409,
  REPORT_LINE_SIGNED: 409,
  PACKAGE_REFUSED: 400,
  COUNTY_MISMATCH: 409,
  BACKUP_NOT_FOUND: 404,
  BACKUP_INVALID: 400,
  BACKUP_DAMAGED: 400,
  BACKUP_SCHEMA_NEWER: 409,
  BACKUP_KIND_MISMATCH: 409,
  BACKUP_TOOL_MISSING: 500,
  BACKUP_TOOL_FAILED: 500,
  RESTORE_DATABASE_IN_USE: 409,
  RESTORE_TARGET_NOT_EMPTY: 409,
  RESTORE_VERIFY_FAILED: 500,
  EXPORT_TARGET_NOT_EMPTY: 409,
  EXPORT_UNKNOWN_TABLES: 409,
  BAD_JSON: 400,
  JSON_TOO_DEEP: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ROWS: 400,
  USERNAME_UNAVAILABLE: 409,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(
    readonly key: ErrorKey,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
  ) {
    super(errorText(key, 'en', params));
    this.name = 'AppError';
    this.code = wireCode(key);
    this.status = HTTP_STATUS[this.code];
  }

  /** Both languages, for the command-line tools and import reports that show them side by side. */
  get text(): Bilingual {
    return { zh: errorText(this.key, 'zh', this.params), en: errorText(this.key, 'en', this.params) };
  }
}

/** Variants of a code, the keys `CODE/variant` of the catalogue, for the helpers below. */
type VariantOf<C extends string> = Extract<ErrorKey, C | `${C}/${string}`>;

export const Errors = {
  validation: (details: unknown) => new AppError('VALIDATION_FAILED', {}, details),
  badFile: (key: VariantOf<'BAD_FILE'>, params: ErrorParams = {}) => new AppError(key, params),
  unauthenticated: () => new AppError('AUTH_REQUIRED'),
  invalidToken: (expired: boolean) => new AppError(expired ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID'),
  invalidCredentials: () => new AppError('AUTH_INVALID_CREDENTIALS'),
  accountDisabled: () => new AppError('AUTH_ACCOUNT_DISABLED'),
  /** Waits under a minute (the usual, growing delays) in seconds; longer ones in minutes. */
  tooManyAttempts: (retryAfterSeconds: number) =>
    retryAfterSeconds < 60
      ? new AppError('AUTH_TOO_MANY_ATTEMPTS/seconds', { seconds: retryAfterSeconds }, { retryAfterSeconds })
      : new AppError('AUTH_TOO_MANY_ATTEMPTS', { minutes: Math.ceil(retryAfterSeconds / 60) }, { retryAfterSeconds }),
  forbidden: (key: VariantOf<'FORBIDDEN'> = 'FORBIDDEN', params: ErrorParams = {}) => new AppError(key, params),
  /** `thing` not found; with `id`, the text names which one. */
  notFound: (thing: Noun, id?: string) =>
    id === undefined ? new AppError('NOT_FOUND', { thing: { noun: thing } }) : new AppError('NOT_FOUND/id', { thing: { noun: thing }, id }),
  unavailable: (key: VariantOf<'UNAVAILABLE'>) => new AppError(key),
  /** 413 while streaming: `maxBytes` in the details for clients, the limit in words in the text. */
  tooLarge: (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE/at-most', { limit: formatBytes(maxBytes) }, { maxBytes }),
  badJson: () => new AppError('BAD_JSON'),
  tooDeep: (maxDepth: number) => new AppError('JSON_TOO_DEEP', { max: maxDepth }),
  /** A paging parameter out of range, reported at its field like any other validation failure. */
  badPage: (name: string) =>
    new AppError('VALIDATION_FAILED', {}, [
      { field: name, keyword: 'isInt', message: new AppError('VALIDATION_FAILED/page', { name }).text },
    ]),
};

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}
