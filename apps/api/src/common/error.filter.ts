import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorText, isErrorKey, wireCode, type ErrorKey } from '@kcbx/api-contract';
import { EngineError } from '@kcbx/engine';
import { AppError, type Bilingual } from './app-error';
import { pickLanguage } from './language';

/** Nest's own refusals (unknown route, body too large, …) by status: the catalogue's words for them. */
const FOR_STATUS: Record<number, ErrorKey> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND/route',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** What the filter answers: status, wire code and the text in both languages. */
interface Answer {
  status: number;
  code: string;
  text: Bilingual;
  details?: unknown;
}

/** One error shape for every failure: { statusCode, error, message, details? } in the caller's language. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const err = toAnswer(exception);
    if (err.status >= 500) this.log.error({ err: exception, path: req.url }, 'unhandled error');
    sendError(req, http.getResponse<Response>(), err);
  }
}

/** The one error shape, also for what fails before Nest's router (body parsing, limits). */
export function sendError(req: Request, res: Response, err: Answer): void {
  const lang = pickLanguage(req.headers['accept-language']);
  const body: Record<string, unknown> = { statusCode: err.status, error: err.code, message: err.text[lang] };
  if (err.details !== undefined) body.details = inLanguage(err.details, lang);
  if (err.status === 429 && err.details && typeof err.details === 'object' && 'retryAfterSeconds' in err.details) {
    res.setHeader('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
  }
  res.status(err.status).json(body);
}

function toAnswer(exception: unknown): Answer {
  if (exception instanceof AppError) return exception;
  if (exception instanceof EngineError) {
    // The engine raises catalogue keys; one it might add before the catalogue knows it still answers, in English.
    if (!isErrorKey(exception.key)) return { status: 500, code: exception.code, text: { zh: exception.message, en: exception.message } };
    return new AppError(exception.key, exception.params);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const key = FOR_STATUS[status];
    if (key) return { status, code: wireCode(key), text: bilingual(key) };
    return { status, code: 'HTTP_' + status, text: bilingual('REQUEST_FAILED') };
  }
  return new AppError('INTERNAL');
}

function bilingual(key: ErrorKey): Bilingual {
  return { zh: errorText(key, 'zh'), en: errorText(key, 'en') };
}

/** Details may hold `{zh, en}` pairs (field reasons): the caller gets the one in their language. */
function inLanguage(value: unknown, lang: 'zh' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && 'zh' in value && 'en' in value) return (value as Record<string, unknown>)[lang];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLanguage(v, lang)]));
}
