/**
 * The bearer token lives in sessionStorage: it survives a reload but not closing the tab,
 * and other tabs of the same office PC do not share a login. It is short-lived and bound to a server-side
 * session; the secret that renews it is an HttpOnly cookie (path /api/auth) no script can read, and each
 * renewal replaces it (see the README's security section).
 */
const KEY = 'kcbx.session';

export interface StoredToken {
  accessToken: string;
  /** epoch ms */
  issuedAt: number;
  /** epoch ms */
  expiresAt: number;
}

export function readToken(): StoredToken | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as StoredToken;
    return t.expiresAt > Date.now() ? t : null;
  } catch {
    return null;
  }
}

export function saveToken(accessToken: string, expiresInSeconds: number): StoredToken {
  const now = Date.now();
  const t = { accessToken, issuedAt: now, expiresAt: now + expiresInSeconds * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(t));
  return t;
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
