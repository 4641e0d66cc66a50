import { DbGate } from './db-gate';

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('DbGate', () => {
  it('runs units of work one at a time when exclusive, in arrival order', async () => {
    const gate = new DbGate(true);
    const log: string[] = [];
    const unit = (name: string) =>
      gate.run(async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
      });
    await Promise.all([unit('a'), unit('b'), unit('c')]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('is re-entrant and survives a failing unit', async () => {
    const gate = new DbGate(true);
    await expect(gate.run(() => gate.run(async () => 42))).resolves.toBe(42);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'after')).resolves.toBe('after');
  });

  it('lets work overlap when open (PostgreSQL)', async () => {
    const gate = new DbGate(false);
    const log: string[] = [];
    const unit = (name: string) =>
      gate.run(async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
      });
    await Promise.all([unit('a'), unit('b')]);
    expect(log.slice(0, 2)).toEqual(['a:start', 'b:start']);
  });
});

describe('DbGate.outside (issue #14 points 2/3: slow work without the gate)', () => {
  it('given a unit of work in outside(), when another unit arrives, then it runs meanwhile and the first queues again after', async () => {
    const gate = new DbGate(true);
    const log: string[] = [];
    let finishSlow!: () => void;
    const slowBody = new Promise<void>((r) => (finishSlow = r));
    const slow = gate.run(async () => {
      log.push('slow:in');
      await gate.outside(async () => {
        expect(gate.holding()).toBe(false);
        await slowBody;
      });
      expect(gate.holding()).toBe(true);
      log.push('slow:back');
    });
    await tick();
    await gate.run(async () => {
      log.push('other');
    });
    finishSlow();
    await slow;
    expect(log).toEqual(['slow:in', 'other', 'slow:back']);
  });

  it('given a failing outside() work, when it throws, then the gate is taken again and later units still run', async () => {
    const gate = new DbGate(true);
    await expect(
      gate.run(() =>
        gate.outside(async () => {
          throw new Error('bad upload');
        }),
      ),
    ).rejects.toThrow('bad upload');
    await expect(gate.run(async () => 'after')).resolves.toBe('after');
  });

  it('given no unit of work or an open gate, when outside() runs, then it just runs the work', async () => {
    await expect(new DbGate(true).outside(async () => 1)).resolves.toBe(1);
    await expect(new DbGate(false).run(() => new DbGate(false).outside(async () => 2))).resolves.toBe(2);
  });
});
