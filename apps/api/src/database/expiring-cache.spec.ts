import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('reuses a value until it expires, then loads it again', async () => {
    let loads = 0;
    const cache = new ExpiringCache<number>(20);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not keep a value whose load overlapped a clear (a write that made it stale)', async () => {
    const cache = new ExpiringCache<string>(60_000);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = () => r('stale'))));
    cache.clear();
    release();
    expect(await slow).toBe('stale');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('with a time of 0 always loads', async () => {
    let loads = 0;
    const cache = new ExpiringCache<number>(0);
    await cache.get('a', async () => ++loads);
    await cache.get('a', async () => ++loads);
    expect(loads).toBe(2);
  });
});
