import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, Errors } from './app-error';
import { sendError } from './error.filter';

/** The largest JSON body (a county package, a form design); larger is refused with 413 while it streams in. */
export const MAX_JSON_BYTES = 10 * 1024 * 1024;
/** Deeper nesting than any form, package or BPMN body has; deeper is refused with 400 before it is parsed. */
export const MAX_JSON_DEPTH = 64;
const MAX_FORM_BYTES = 100 * 1024;

/**
 * Whether a JSON text nests deeper than `max`, by one pass over its bytes (brackets outside strings): cheap,
 * and it runs before JSON.parse, so a body nested 10,000 deep never reaches the code that would recurse on it.
 */
export function jsonDeeperThan(buf: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Keys that are never data: on a plain object they change its prototype or shadow what every object has
 * (`toString`, `hasOwnProperty`, …). Refused wherever a client sends them; the start's variables check reads it too.
 */
export const NOT_DATA_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);
const LONGEST_NOT_DATA = Math.max(...[...NOT_DATA_NAMES].map((n) => n.length));

/**
 * The first object key of a JSON text that is one of NOT_DATA_NAMES, or null. Such a key would
 * be dropped without a word by the DTO layer (or worse, taken for a prototype), so the body is refused and the
 * key named instead (issue #14 point 5). One pass over the bytes, keys only (text inside strings is skipped).
 */
export function reservedJsonKey(buf: Buffer): string | null {
  let start = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (start >= 0) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        const length = i - start - 1;
        if (length <= LONGEST_NOT_DATA) {
          const text = buf.toString('latin1', start + 1, i);
          if (NOT_DATA_NAMES.has(text)) {
            let j = i + 1;
            while (j < buf.length && (buf[j] === 0x20 || buf[j] === 0x0a || buf[j] === 0x0d || buf[j] === 0x09)) j++;
            if (buf[j] === 0x3a) return text;
          }
        }
        start = -1;
      }
    } else if (c === 0x22) start = i;
  }
  return null;
}

/** The field-level reason for a refused key, as start-variables words its own (a field detail, not an error text). */
function reservedKeyDetail(key: string) {
  return {
    field: key,
    keyword: 'reserved',
    message: { zh: `不接受键名 ${key}（它不是数据）`, en: `the key ${key} is not accepted (it is not data)` },
  };
}

class ReservedKey extends Error {
  readonly status = 400;
  constructor(readonly key: string) {
    super(`reserved key ${key}`);
  }
}

class TooDeep extends Error {
  readonly status = 400;
  readonly type = 'json.too.deep';
}

/**
 * JSON and form bodies with their limits answered in the API's error shape (issue #14 point 7): over the size
 * → 413 (body-parser refuses a declared Content-Length at once and counts an undeclared body while reading),
 * malformed → 400, nested deeper than MAX_JSON_DEPTH → 400. These run before the SQLite gate is taken.
 */
export function bodyParsers(): RequestHandler[] {
  const json = express.json({
    limit: MAX_JSON_BYTES,
    verify: (_req, _res, buf) => {
      if (jsonDeeperThan(buf, MAX_JSON_DEPTH)) throw new TooDeep('too deep');
      const reserved = reservedJsonKey(buf);
      if (reserved) throw new ReservedKey(reserved);
    },
  });
  const form = express.urlencoded({ limit: MAX_FORM_BYTES, extended: false, parameterLimit: 200 });
  const wrap =
    (parser: RequestHandler, maxBytes: number, type: string): RequestHandler =>
    (req, res, next) => {
      // body-parser reads a refused body off to its end before it answers; a declared size over the limit is
      // answered at once instead (and the connection closed), so nothing waits on bytes that will be thrown away.
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes && req.is(type)) {
        res.setHeader('Connection', 'close');
        return sendError(req, res, Errors.tooLarge(maxBytes));
      }
      parser(req, res, (err?: unknown) => {
        if (!err) return next();
        const refusal = bodyError(err, maxBytes);
        // The client would otherwise go on sending what is already refused.
        if (refusal.status === 413) res.setHeader('Connection', 'close');
        sendError(req, res, refusal);
      });
    };
  return [wrap(json, MAX_JSON_BYTES, 'json'), wrap(form, MAX_FORM_BYTES, 'urlencoded')];
}

function bodyError(err: unknown, maxBytes: number): AppError {
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') return Errors.tooLarge(maxBytes);
  if (type === 'json.too.deep' || err instanceof TooDeep) return Errors.tooDeep(MAX_JSON_DEPTH);
  if (err instanceof ReservedKey) return Errors.validation([reservedKeyDetail(err.key)]);
  if (type === 'entity.parse.failed') return Errors.badJson();
  const status = (err as { status?: number }).status;
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  return Errors.badJson();
}

/**
 * The web app's Content-Security-Policy: scripts only from this origin (no inline script; eval only because ajv
 * compiles each form's validator into a function in the browser — the form builder and every form page need it), no
 * plugins, not framed by anyone. Styles allow inline because antd and bpmn-js set style attributes and
 * insert <style> elements at run time; images allow data: and blob: (signatures, previews, diagrams export).
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a page: nothing may load from them or frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The API explorer (/api/docs) is a page with its own inline setup styles. */
const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * Security headers on every response (issue #14 point 9). API responses carry personal data, so they are
 * never stored by a browser or proxy (no-store).
 */
export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (req.path.startsWith('/api/docs')) res.setHeader('Content-Security-Policy', DOCS_CSP);
    else if (req.path.startsWith('/api')) res.setHeader('Content-Security-Policy', API_CSP);
    else res.setHeader('Content-Security-Policy', WEB_CSP);
    if (req.path.startsWith('/api')) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
    }
    next();
  };
}

/** Express's "trust proxy" from TRUST_PROXY ("loopback", "1", an address list…); unset = the socket's address. */
export function trustProxySetting(trustProxy: string | undefined): boolean | number | string {
  const v = trustProxy?.trim();
  if (!v) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') return true;
  return v;
}
