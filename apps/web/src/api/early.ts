/**
 * The first reads of a page opened with a session (a reload, a link to a task or a file), sent as soon as the
 * entry script runs, beside the downloads of the shell and the page, instead of after the shell and page have
 * drawn: on a slow line each of those waits is a round trip or more (issue #19). `request` takes a started read
 * for the same URL once; a read nobody takes within EARLY_TTL_MS is dropped, so later reads are never stale.
 */
const EARLY_TTL_MS = 10_000;

/** Shared with the pages that make these reads; api/early.spec.ts proves the URLs match theirs. */
export const INBOX_PAGE_SIZE = 20;

const enc = encodeURIComponent;

/** The reads the page at this address makes first, besides who we are and the bell's notices. */
export function earlyUrls(path: string): string[] {
  const common = ['/api/me', '/api/notifications'];
  if (/^\/inbox\/?$/.test(path)) return [...common, `/api/tasks?scope=all&page=1&pageSize=${INBOX_PAGE_SIZE}`];
  const task = /^\/tasks\/([^/]+)$/.exec(path);
  if (task) return [...common, `/api/tasks/${enc(decodeURIComponent(task[1]))}`];
  const file = /^\/students\/([^/]+)$/.exec(path);
  if (file) return [...common, `/api/students/${enc(decodeURIComponent(file[1]))}/file`];
  return common;
}

const started = new Map<string, Promise<Response>>();

/** Starts the reads (GET, with the token and language a request would send); failures are left to `request`. */
export function startEarlyReads(urls: string[], headers: Record<string, string>): void {
  for (const url of urls) {
    const answer = fetch(url, { method: 'GET', headers });
    answer.catch(() => undefined); // the taker sees the failure; an untaken one is nobody's
    started.set(url, answer);
    setTimeout(() => started.delete(url), EARLY_TTL_MS);
  }
}

/** The started read of this URL, once; later calls send their own. */
export function takeEarlyRead(url: string): Promise<Response> | undefined {
  const answer = started.get(url);
  started.delete(url);
  return answer;
}
