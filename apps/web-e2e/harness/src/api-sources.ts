import type { RegionChoice, RegionSource, SheetRows } from '@kcbx/form-renderer';
import type { StoredFile } from '@kcbx/forms';

/** What a host page gives the renderer: the API's division levels and attachment upload, with the user's token. */
async function call<T>(token: string | undefined, url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status}`);
  return (await res.json()) as T;
}

export function apiRegionSource(token?: string): RegionSource {
  return {
    children: (parent) => call<RegionChoice[]>(token, `/api/regions${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`),
    path: async (code) => (await call<{ path: RegionChoice[] }>(token, `/api/regions/${encodeURIComponent(code)}`)).path,
  };
}

export function apiUpload(token?: string): (file: File) => Promise<StoredFile> {
  return async (file) => {
    const body = new FormData();
    body.append('file', file);
    const stored = await call<{ id: string; name: string; size: number; mime: string }>(token, '/api/attachments', {
      method: 'POST',
      body,
    });
    return { id: stored.id, name: stored.name, size: stored.size, type: stored.mime };
  };
}

export function apiReadSheet(token?: string): (file: File) => Promise<SheetRows> {
  return async (file) => {
    const body = new FormData();
    body.append('file', file);
    return (await call<{ rows: SheetRows }>(token, '/api/spreadsheet-rows', { method: 'POST', body })).rows;
  };
}
