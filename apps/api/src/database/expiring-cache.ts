import type { DataSource } from 'typeorm';

/**
 * Values read on (nearly) every request and rarely written — a signed-in user's roles, the latest version
 * of a form — kept for `ttlMs`. A write through TypeORM to any of `sources` forgets everything at once in
 * this process; other API processes see it when their copy expires. A load that overlapped such a write
 * is returned but not kept, so a stale read cannot outlive the write that made it stale.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Forget everything whenever TypeORM writes a row of one of these entities. */
  forgetOnWritesTo(ds: DataSource, sources: unknown[]): this {
    const watched = new Set(sources);
    const forget = (e: { metadata?: { target?: unknown } }) => {
      if (watched.has(e.metadata?.target)) this.clear();
    };
    ds.subscribers.push({ afterInsert: forget, afterUpdate: forget, afterRemove: forget, afterSoftRemove: forget, afterRecover: forget });
    return this;
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation !== this.generation) return value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
