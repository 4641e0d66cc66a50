import { CoalescingWriter } from './coalescing-writer';

describe('CoalescingWriter', () => {
  it('writes a lone row at once, and rows that arrive during a write together after it', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writer = new CoalescingWriter<number>(async (rows) => {
      writes.push(rows);
      if (writes.length === 1) await gate;
    });
    const first = writer.add(1);
    expect(writes).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => writer.add(n));
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('retries a failed batch row by row: only the bad row fails', async () => {
    let hold = true;
    const written: number[] = [];
    const writer = new CoalescingWriter<number>(async (rows) => {
      if (hold) {
        hold = false;
        await new Promise((r) => setTimeout(r, 5));
      }
      if (rows.includes(13)) throw new Error('bad row');
      written.push(...rows);
    });
    const results = await Promise.allSettled([writer.add(1), writer.add(12), writer.add(13), writer.add(14)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(written.sort((a, b) => a - b)).toEqual([1, 12, 14]);
  });

  it('idle() waits for everything added so far', async () => {
    const written: number[] = [];
    const writer = new CoalescingWriter<number>(async (rows) => {
      await new Promise((r) => setTimeout(r, 2));
      written.push(...rows);
    });
    void writer.add(1);
    void writer.add(2);
    await writer.idle();
    expect(written).toEqual([1, 2]);
  });
});
