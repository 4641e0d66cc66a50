import { earlyUrls, INBOX_PAGE_SIZE, startEarlyReads, takeEarlyRead } from './early';
import { api } from './endpoints';
import { notificationsApi } from './notifications';
import { studentsApi } from './students';
import { workflowApi } from './workflow';

/** The URLs the API modules ask for, with fetch answering an empty JSON body. */
async function urlsOf(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  const asked: string[] = [];
  const fetchMock = jest.fn((url: string) => {
    asked.push(url);
    return Promise.resolve(new Response('{"items":[],"student":{}}', { status: 200 }));
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  for (const call of calls) await call().catch(() => undefined);
  return asked;
}

describe('early reads', () => {
  it('are the reads the pages make first, URL for URL', async () => {
    expect(earlyUrls('/inbox')).toEqual(
      await urlsOf([api.me, notificationsApi.list, () => api.inbox({ scope: 'all' }, 1, INBOX_PAGE_SIZE)]),
    );
    expect(earlyUrls('/tasks/t%2F1')).toEqual(await urlsOf([api.me, notificationsApi.list, () => workflowApi.task('t/1')]));
    expect(earlyUrls('/students/s-1')).toEqual(await urlsOf([api.me, notificationsApi.list, () => studentsApi.file('s-1')]));
    expect(earlyUrls('/ledgers')).toEqual(['/api/me', '/api/notifications']);
  });

  it('are taken once, and requests send their own afterwards', async () => {
    const answer = new Response('{"id":"u"}', { status: 200 });
    global.fetch = jest.fn(() => Promise.resolve(answer)) as unknown as typeof fetch;
    jest.useFakeTimers();
    startEarlyReads(['/api/me', '/api/notifications'], {});
    expect(await takeEarlyRead('/api/me')).toBe(answer);
    expect(takeEarlyRead('/api/me')).toBeUndefined();
    jest.advanceTimersByTime(10_000);
    expect(takeEarlyRead('/api/notifications')).toBeUndefined();
    jest.useRealTimers();
  });
});
