import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EngineError } from '@kcbx/engine';
import { AppError } from './app-error';
import { pickLanguage } from './language';

const STATUS_CODES: Record<number, { code: string; zh: string; en: string }> = {
  400: { code: 'BAD_REQUEST', zh: '请求有误', en: 'Bad request' },
  401: { code: 'AUTH_REQUIRED', zh: '请先登录', en: 'Please log in first' },
  403: { code: 'FORBIDDEN', zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  404: { code: 'NOT_FOUND', zh: '未找到请求的资源', en: 'Not found' },
  413: { code: 'PAYLOAD_TOO_LARGE', zh: '上传内容过大', en: 'The upload is too large' },
  429: { code: 'TOO_MANY_REQUESTS', zh: '请求过于频繁', en: 'Too many requests' },
};

/** One error shape for every failure: { statusCode, error, message, details? } in the caller's language. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const lang = pickLanguage(req.headers['accept-language']);
    const err = toAppError(exception);
    if (err.status >= 500) this.log.error({ err: exception, path: req.url }, 'unhandled error');
    const body: Record<string, unknown> = { statusCode: err.status, error: err.code, message: err.text[lang] };
    if (err.details !== undefined) body.details = inLanguage(err.details, lang);
    res.status(err.status).json(body);
  }
}

function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  if (exception instanceof EngineError) {
    return new AppError(exception.code, exception.httpStatus, { zh: exception.messageZh, en: exception.message });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = STATUS_CODES[status] ?? { code: 'HTTP_' + status, zh: '请求失败', en: exception.message };
    return new AppError(known.code, status, { zh: known.zh, en: known.en });
  }
  return new AppError('INTERNAL', 500, { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' });
}

/** Details may hold `{zh, en}` pairs (field reasons): the caller gets the one in their language. */
function inLanguage(value: unknown, lang: 'zh' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && 'zh' in value && 'en' in value) return (value as Record<string, unknown>)[lang];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLanguage(v, lang)]));
}
