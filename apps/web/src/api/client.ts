import { earlyUrls, startEarlyReads, takeEarlyRead } from './early';
import { ApiError, errorFromResponse } from './errors';
import { clearToken, readToken, saveToken, type StoredToken } from './session';

/**
 * Refresh this long before the token runs out, so a request never leaves with an expiring token;
 * at most a quarter of the token's life, so a short-lived token is not refreshed in a loop.
 */
function refreshMargin(t: StoredToken): number {
  return Math.min(60_000, (t.expiresAt - t.issuedAt) / 4);
}

let language = 'zh-CN';
let onUnauthorized: (() => void) | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<void> | null = null;

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called once by the auth layer: what to do when the API says the session is gone. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function startSession(accessToken: string, expiresIn: number): void {
  saveToken(accessToken, expiresIn);
  scheduleRefresh();
}

export function endSession(): void {
  clearTimeout(refreshTimer);
  clearToken();
}

export function hasSession(): boolean {
  return readToken() !== null;
}

/** With a session, starts the first reads of the page at this address (see api/early.ts). */
export function startEarlyReadsFor(path: string, lang: string): void {
  const token = readToken();
  if (!token || token.expiresAt - Date.now() < refreshMargin(token)) return;
  startEarlyReads(earlyUrls(path), { ...headersFor(token.accessToken, false), 'Accept-Language': lang });
}

/** Keeps the session alive while the page is open. */
export function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  const token = readToken();
  if (!token) return;
  const wait = Math.max(0, token.expiresAt - Date.now() - refreshMargin(token));
  refreshTimer = setTimeout(() => void refreshNow().catch(() => undefined), wait);
}

function refreshNow(): Promise<void> {
  refreshing ??= (async () => {
    try {
      const res = await send('POST', '/api/auth/refresh', undefined, readToken()?.accessToken);
      if (!res.ok) throw await errorFromResponse(res);
      const body = (await res.json()) as { accessToken: string; expiresIn: number };
      startSession(body.accessToken, body.expiresIn);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function headersFor(token: string | undefined, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language, Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

function send(method: string, url: string, body: BodyInit | undefined, token: string | undefined, json = false) {
  // A read the entry script started for this address (api/early.ts) is taken instead of sending it again.
  const early = method === 'GET' && body === undefined ? takeEarlyRead(url) : undefined;
  return (early ?? fetch(url, { method, headers: headersFor(token, json), body })).catch(() => {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  });
}

/** The current token, refreshed first when it is about to run out (a failed refresh leaves the 401 to the caller). */
async function freshToken(): Promise<string | undefined> {
  const stored = readToken();
  if (stored && stored.expiresAt - Date.now() < refreshMargin(stored)) await refreshNow().catch(() => undefined);
  return readToken()?.accessToken;
}

export interface RequestOptions {
  /** Public calls (login) neither send the token nor treat 401 as "session ended". */
  anonymous?: boolean;
}

export async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const token = opts.anonymous ? undefined : await freshToken();
  const isForm = body instanceof FormData;
  const payload = body === undefined ? undefined : isForm ? body : JSON.stringify(body);
  const res = await send(method, url, payload, token, !isForm && body !== undefined);
  if (!res.ok) {
    const err = await errorFromResponse(res);
    if (res.status === 401 && !opts.anonymous) {
      endSession();
      onUnauthorized?.();
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Multipart upload with progress events (fetch cannot report upload progress; XHR can). */
export async function upload<T>(url: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  const token = await freshToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept-Language', language);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) return resolve(JSON.parse(xhr.responseText) as T);
      if (xhr.status === 401) {
        endSession();
        onUnauthorized?.();
      }
      void errorFromResponse(res).then(reject);
    };
    xhr.send(form);
  });
}
