import { baseUrl } from './browser';
import { DEMO_PASSWORD } from './paths';

/** A JSON call to the test server's API, for a test's setup; anything but 2xx fails the test with the answer. */
export async function call(method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(`${baseUrl()}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An access token for a demo user (or another user with its password). */
export async function tokenOf(username: string, password = DEMO_PASSWORD): Promise<string> {
  return (await call('POST', '/api/auth/login', undefined, { username, password })).accessToken as string;
}
