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
