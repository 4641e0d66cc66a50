import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../engine';
import { MemoryStore, type MemoryHostTx } from '../storage';

export const TENANT = 'county-1';
export const T0 = Date.parse('2026-11-29T08:00:00Z');

/** a clock the test moves by hand */
export class TestClock {
  constructor(public current = T0) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): number {
    this.current += ms;
    return this.current;
  }
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, name), 'utf8');
}

/** given: an engine on a fresh in-memory store with the named fixtures deployed */
export async function givenEngine(fixtures: string[], options: Partial<EngineOptions<MemoryHostTx>> = {}) {
  const store = new MemoryStore();
  const clock = new TestClock();
  const engine = new Engine({ store, clock, retryBackoffMs: 1000, ...options });
  const deployed = await engine.deploy({ tenantId: TENANT, resources: fixtures.map((name) => ({ name, content: fixture(name) })) });
  return { engine, store, clock, deployed };
}

export async function openTasks(engine: Engine, instanceId: string) {
  return engine.listTasks({ tenantId: TENANT, instanceId });
}

/** completes the only open task at `activityId` */
export async function completeAt(
  engine: Engine,
  instanceId: string,
  activityId: string,
  variables: Record<string, unknown> = {},
  userId = 'u1',
) {
  const tasks = (await openTasks(engine, instanceId)).filter((t) => t.activityId === activityId);
  if (tasks.length !== 1) throw new Error(`expected one open task at ${activityId}, found ${tasks.length}`);
  return engine.completeTask({ tenantId: TENANT, taskId: tasks[0].id, userId, variables });
}
