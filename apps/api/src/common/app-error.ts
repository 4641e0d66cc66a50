/**
 * Every error the API reports: a stable code, an HTTP status and a message in both languages.
 * The exception filter picks the language from Accept-Language.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: Bilingual,
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const Errors = {
  validation: (details: unknown) =>
    new AppError('VALIDATION_FAILED', 400, { zh: '提交的数据不符合要求', en: 'The request data is invalid' }, details),
  badFile: (en: string, zh: string) => new AppError('BAD_FILE', 400, { zh, en }),
  unauthenticated: () => new AppError('AUTH_REQUIRED', 401, { zh: '请先登录', en: 'Please log in first' }),
  invalidToken: (expired: boolean) =>
    expired
      ? new AppError('AUTH_TOKEN_EXPIRED', 401, { zh: '登录已过期，请重新登录', en: 'Your session has expired, please log in again' })
      : new AppError('AUTH_TOKEN_INVALID', 401, { zh: '登录凭证无效，请重新登录', en: 'Invalid access token, please log in again' }),
  invalidCredentials: () => new AppError('AUTH_INVALID_CREDENTIALS', 401, { zh: '用户名或密码错误', en: 'Wrong username or password' }),
  accountDisabled: () =>
    new AppError('AUTH_ACCOUNT_DISABLED', 401, {
      zh: '该账号已停用，请联系管理员',
      en: 'This account is disabled; contact your administrator',
    }),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(
      'AUTH_TOO_MANY_ATTEMPTS',
      429,
      {
        zh: `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
        en: `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      },
      { retryAfterSeconds },
    ),
  forbidden: (what: Bilingual = { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' }) =>
    new AppError('FORBIDDEN', 403, what),
  notFound: (entity: Bilingual) => new AppError('NOT_FOUND', 404, { zh: `未找到${entity.zh}`, en: `${entity.en} not found` }),
  conflict: (code: string, text: Bilingual, details?: unknown) => new AppError(code, 409, text, details),
  unavailable: (text: Bilingual) => new AppError('UNAVAILABLE', 503, text),
};

/** Names of things, for messages. */
export const Things = {
  orgUnit: { zh: '单位', en: 'Org unit' },
  user: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  tenant: { zh: '县区', en: 'County' },
} satisfies Record<string, Bilingual>;
