/**
 * Appends rows that arrive while an earlier write is still in flight as ONE multi-row write after it. Idle,
 * a row is written at once, as before; under load fifty requests' audit entries cost one round trip instead
 * of fifty. A failed batch is retried row by row, so one bad row cannot take its neighbours with it.
 */
export class CoalescingWriter<T> {
  private queue: { row: T; settle: (error?: unknown) => void }[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 100,
  ) {}

  add(row: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  /** Resolves once everything added so far is written (or has failed). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.write(batch.map((b) => b.row));
        batch.forEach((b) => b.settle());
      } catch (error) {
        if (batch.length === 1) {
          batch[0].settle(error ?? new Error('write failed'));
          continue;
        }
        for (const b of batch) {
          await this.write([b.row]).then(
            () => b.settle(),
            (e: unknown) => b.settle(e ?? new Error('write failed')),
          );
        }
      }
    }
  }
}
