/**
 * Engine benchmark: the same procedures run by our engine on the in-memory store and by bpmn-engine
 * (moddle context parsed once and reused for every instance — its fastest documented setup):
 *  - approval: three user tasks in sequence;
 *  - parallel: a parallel split into a 5-way multi-instance user task and a one-hour timer, then a join.
 * Timers: our engine's clock is moved by the bench; bpmn-engine gets timers that fire at once.
 * Prints a readable summary on stderr and one JSON line on stdout (for tools/scripts/bench.js).
 * Usage: node <compiled>/libs/engine/bench/engine.bench.js [instances=2000]
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { Timers } from 'bpmn-elements';
import { Engine, MemoryStore } from '../src';

interface Procedure {
  file: string;
  key: string;
  tasks: number;
  timerMs: number;
}
const PROCEDURES: Record<string, Procedure> = {
  approval: { file: 'approval.bpmn', key: 'benchApproval', tasks: 3, timerMs: 0 },
  parallel: { file: 'parallel-mi-timer.bpmn', key: 'benchParallel', tasks: 5, timerMs: 3_600_000 },
};
const TENANT = 'bench';
const RUNTIME_AND_HISTORY = ['instance', 'execution', 'task', 'variable', 'job', 'subscription', 'incident', 'history'] as const;

/** fixtures sit beside the source; compiled runs (dist/out-tsc/...) find them from the repository root */
function fixture(name: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const beside = join(__dirname, name);
  return readFileSync(existsSync(beside) ? beside : join(dir, 'libs/engine/bench', name), 'utf8');
}

interface Figures {
  instances: number;
  seconds: number;
  instancesPerSec: number;
  completionsPerSec: number;
  /** this process's CPU time over the same span (user + system): steadier than the clock when the machine is shared */
  cpuSeconds?: number;
  instancesPerCpuSec?: number;
  /** runtime + history rows left per completed instance, as JSON and as column values */
  bytesPerInstance?: { json: number; columns: number };
  /** instances run unmeasured first, for WARM_UP_MS */
  warmUpInstances?: number;
}

function figures(p: Procedure, instances: number, ms: number, extra: Partial<Figures> = {}, cpu?: NodeJS.CpuUsage): Figures {
  const seconds = ms / 1000;
  const cpuSeconds = cpu ? (cpu.user + cpu.system) / 1e6 : undefined;
  return {
    instances,
    seconds,
    instancesPerSec: instances / seconds,
    completionsPerSec: (instances * p.tasks) / seconds,
    ...(cpuSeconds ? { cpuSeconds, instancesPerCpuSec: instances / cpuSeconds } : {}),
    ...extra,
  };
}

/**
 * Each runner first runs for the same time unmeasured, so the figures are a running server's, not V8 compiling
 * the hot path (after 50 instances our engine ran at under half its steady rate). BENCH_WARM_UP_MS sets it.
 */
export const WARM_UP_MS = Number(process.env.BENCH_WARM_UP_MS ?? 3000);

async function warmUp(once: () => Promise<void>, atLeast: number): Promise<number> {
  const until = performance.now() + WARM_UP_MS;
  let n = 0;
  while (n < atLeast || performance.now() < until) {
    await once();
    n++;
  }
  return n;
}

async function runOurs(p: Procedure, count: number): Promise<Figures> {
  const store = new MemoryStore();
  let now = Date.parse('2026-11-29T00:00:00Z');
  const engine = new Engine({ store, clock: { now: () => now } });
  await engine.deploy({ tenantId: TENANT, resources: [{ name: p.file, content: fixture(p.file) }] });
  const once = async () => {
    const instance = await engine.startProcess({ tenantId: TENANT, key: p.key, startedBy: 'bench' });
    for (let i = 0; i < p.tasks; i++) {
      const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: instance.id });
      await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'bench', variables: { step: i, ok: true } });
    }
    if (p.timerMs > 0) {
      now += p.timerMs;
      await engine.executeDueJobs(now);
    }
  };
  const warmed = await warmUp(once, 50);
  const kinds = [...RUNTIME_AND_HISTORY];
  const before = { json: store.storedBytes(kinds, 'json'), columns: store.storedBytes(kinds, 'columns') };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await once();
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const perInstance = (measure: 'json' | 'columns') => Math.round((store.storedBytes(kinds, measure) - before[measure]) / count);
  return figures(
    p,
    count,
    ms,
    { warmUpInstances: warmed, bytesPerInstance: { json: perInstance('json'), columns: perInstance('columns') } },
    cpu,
  );
}

async function runBpmnEngine(p: Procedure, count: number): Promise<Figures> {
  const moddleContext = await new BpmnModdle().fromXML(fixture(p.file));
  // zero-delay timers stand in for moving the clock (at least 1 ms each; setImmediate left bpmn-engine's
  // second instance waiting forever)
  const immediate = { setTimeout: (fn: () => void) => setTimeout(fn, 0), clearTimeout: (ref: NodeJS.Timeout) => clearTimeout(ref) };
  const timers = new Timers(immediate as never);
  const once = async () => {
    const listener = new EventEmitter();
    let step = 0;
    listener.on('wait', (api: { signal(output?: unknown): void }) => api.signal({ step: step++, ok: true }));
    const engine = new BpmnEngine({ name: p.key, moddleContext, timers } as never);
    const ended = engine.waitFor('end');
    await engine.execute({ listener } as never);
    await ended;
    if (step !== p.tasks) throw new Error(`bpmn-engine completed ${step} tasks, expected ${p.tasks}`);
  };
  const warmed = await warmUp(once, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await once();
  const cpu = process.cpuUsage(cpu0);
  return figures(p, count, performance.now() - t0, { warmUpInstances: warmed }, cpu);
}

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const results: Record<string, { ours: Figures; bpmnEngine: Figures; ratio: number }> = {};
  const f = (n: number) => n.toFixed(0);
  const lines = [
    '## Engine (one process, one core)',
    '| procedure | engine | instances | instances/s | task completions/s | stored bytes/instance |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const [name, p] of Object.entries(PROCEDURES)) {
    const ours = await runOurs(p, count);
    // BENCH_SKIP_REFERENCE=1 profiles our engine alone
    const reference = process.env.BENCH_SKIP_REFERENCE ? figures(p, 1, 1e9) : await runBpmnEngine(p, Math.max(100, Math.round(count / 4)));
    const ratio = ours.instancesPerSec / reference.instancesPerSec;
    results[name] = { ours, bpmnEngine: reference, ratio };
    lines.push(
      `| ${name} | ours, in-memory store | ${ours.instances} | ${f(ours.instancesPerSec)} | ${f(ours.completionsPerSec)} | ${ours.bytesPerInstance?.columns} column values (${ours.bytesPerInstance?.json} as JSON) |`,
      `| ${name} | bpmn-engine 25 (stores nothing) | ${reference.instances} | ${f(reference.instancesPerSec)} | ${f(reference.completionsPerSec)} | – |`,
      `| ${name} | ratio ours / bpmn-engine | | ${ratio.toFixed(1)}× | | |`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
