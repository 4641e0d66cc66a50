/**
 * Engine benchmark: the same 3-user-task approval run by our engine on the in-memory store and by
 * bpmn-engine (parsed once, its moddle context reused for every instance — its fastest documented setup).
 * Prints a readable summary on stderr and one JSON line on stdout (for tools/scripts/bench.js).
 * Usage: node <compiled>/libs/engine/bench/engine.bench.js [instances=2000]
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { Engine, MemoryStore } from '../src';

/** the fixture sits beside the source; compiled runs (dist/out-tsc/...) find it from the repository root */
function fixturePath(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return existsSync(join(__dirname, 'approval.bpmn')) ? join(__dirname, 'approval.bpmn') : join(dir, 'libs/engine/bench/approval.bpmn');
}

const xml = readFileSync(fixturePath(), 'utf8');
const TENANT = 'bench';
const TASKS_PER_INSTANCE = 3;

interface Figures {
  instances: number;
  seconds: number;
  instancesPerSec: number;
  completionsPerSec: number;
  /** runtime + history rows left per completed instance, as JSON and as column values */
  bytesPerInstance?: { json: number; columns: number };
}

const RUNTIME_AND_HISTORY = ['instance', 'execution', 'task', 'variable', 'job', 'subscription', 'incident', 'history'] as const;

function figures(instances: number, ms: number, extra: Partial<Figures> = {}): Figures {
  const seconds = ms / 1000;
  return { instances, seconds, instancesPerSec: instances / seconds, completionsPerSec: (instances * TASKS_PER_INSTANCE) / seconds, ...extra };
}

async function runOurs(count: number): Promise<Figures> {
  const store = new MemoryStore();
  const engine = new Engine({ store });
  await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: xml }] });
  const once = async () => {
    const instance = await engine.startProcess({ tenantId: TENANT, key: 'benchApproval', startedBy: 'bench' });
    for (let i = 0; i < TASKS_PER_INSTANCE; i++) {
      const [task] = await engine.listTasks({ tenantId: TENANT, instanceId: instance.id });
      await engine.completeTask({ tenantId: TENANT, taskId: task.id, userId: 'bench', variables: { step: i, ok: true } });
    }
  };
  for (let i = 0; i < 50; i++) await once();
  const kinds = [...RUNTIME_AND_HISTORY];
  const before = { json: store.storedBytes(kinds, 'json'), columns: store.storedBytes(kinds, 'columns') };
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await once();
  const ms = performance.now() - t0;
  const perInstance = (measure: 'json' | 'columns') => Math.round((store.storedBytes(kinds, measure) - before[measure]) / count);
  return figures(count, ms, { bytesPerInstance: { json: perInstance('json'), columns: perInstance('columns') } });
}

async function runBpmnEngine(count: number): Promise<Figures> {
  const moddleContext = await new BpmnModdle().fromXML(xml);
  const once = async () => {
    const listener = new EventEmitter();
    let step = 0;
    listener.on('wait', (api: { signal(output?: unknown): void }) => api.signal({ step: step++, ok: true }));
    const engine = new BpmnEngine({ name: 'approval', moddleContext } as never);
    const ended = engine.waitFor('end');
    await engine.execute({ listener } as never);
    await ended;
  };
  for (let i = 0; i < 20; i++) await once();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await once();
  return figures(count, performance.now() - t0);
}

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const ours = await runOurs(count);
  // BENCH_SKIP_REFERENCE=1 profiles our engine alone
  const reference = process.env.BENCH_SKIP_REFERENCE ? figures(1, 1e9) : await runBpmnEngine(Math.max(100, Math.round(count / 4)));
  const ratio = ours.instancesPerSec / reference.instancesPerSec;
  const f = (n: number) => n.toFixed(0);
  process.stderr.write([
    '## Engine: 3-user-task approval (one process, one core)',
    '| engine | instances | instances/s | task completions/s | stored bytes/instance |',
    '|---|---:|---:|---:|---:|',
    `| ours, in-memory store | ${ours.instances} | ${f(ours.instancesPerSec)} | ${f(ours.completionsPerSec)} | ${ours.bytesPerInstance?.columns} column values (${ours.bytesPerInstance?.json} as JSON) |`,
    `| bpmn-engine 25 (in memory, stores nothing) | ${reference.instances} | ${f(reference.instancesPerSec)} | ${f(reference.completionsPerSec)} | – |`,
    `ratio ours / bpmn-engine: ${ratio.toFixed(1)}×`,
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify({ ours, bpmnEngine: reference, ratio })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
