// Engine part of `npm run bench`: our engine in memory and on SQLite (every command committed) against
// bpmn-engine in memory, on the same procedures, in one run. Prints the settings it ran with and, beside the
// approval figures, the targets of issue #19 with a verdict.
const { spawnSync } = require('child_process');
const os = require('os');
const path = require('path');

/** issue #19: approvals (instances of the 3-step approval) per second */
const TARGETS = { memory: 10_000, sqlite: 1_000 };
const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

module.exports = function engineBench({ root, out, runJson }) {
  const build = spawnSync('npx', ['tsc', '-p', 'libs/engine/bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return;
  const instances = process.env.BENCH_INSTANCES ?? '2000';
  const loadBefore = os.loadavg();
  process.stderr.write('  engine: in-memory vs bpmn-engine…\n');
  const memory = runJson(path.join(out, 'libs/engine/bench/engine.bench.js'), [instances]);
  process.stderr.write('  engine: SQLite…\n');
  const sqlite = runJson(path.join(out, 'apps/api/bench/engine-sqlite.bench.js'), [String(Math.round(Number(instances) / 2))]);
  const loadAfter = os.loadavg();
  if (!memory) return;
  const f = (n) => n.toLocaleString('en', { maximumFractionDigits: 0 });
  const cpus = os.cpus();
  const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
  console.log('\n## BPMN engine: approval (3 user tasks) and parallel (5-way multi-instance + timer)');
  console.log(
    `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}; load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadAfter)} after` +
      ' — a load above the core count means other work shared the machine, and the clock figures fall with it; CPU-time figures (instances per CPU-second of this process) move less.',
  );
  console.log(
    `Each runner first runs unmeasured for ${Number(process.env.BENCH_WARM_UP_MS ?? 3000) / 1000} s (BENCH_WARM_UP_MS), so the figures are a warmed process's, not V8 compiling the hot path; the "instances" column counts the measured ones, the warm-up's are in brackets.`,
  );
  if (sqlite?.settings) {
    const s = sqlite.settings;
    console.log(
      `SQLite ${s.sqlite} (the app's own connection settings): journal_mode=${s.journal_mode}, synchronous=${SYNCHRONOUS[s.synchronous] ?? s.synchronous}, ` +
        `wal_autocheckpoint=${s.wal_autocheckpoint} pages, page_size=${s.page_size}, cache_size=${s.cache_size}, busy_timeout=${s.busy_timeout} ms`,
    );
  }
  const verdict = (value, target) => `${f(target)}/s: ${value >= target ? 'met' : `not met (${((100 * value) / target).toFixed(0)} %)`}`;
  const perCpu = (r) => (r.instancesPerCpuSec ? f(r.instancesPerCpuSec) : '–');
  const ref = memory.approval.bpmnEngine;
  console.log(
    '| procedure | runner | instances | instances/s | target (issue #19) | instances per CPU-second | task completions/s | vs bpmn-engine | vs bpmn-engine, per CPU-second | stored per instance |',
  );
  console.log('|---|---|---:|---:|---|---:|---:|---:|---:|---|');
  const cpuRatio = (ours, theirs) =>
    ours.instancesPerCpuSec && theirs.instancesPerCpuSec ? `${(ours.instancesPerCpuSec / theirs.instancesPerCpuSec).toFixed(1)}×` : '–';
  for (const [name, r] of Object.entries(memory)) {
    const target = name === 'approval' ? verdict(r.ours.instancesPerSec, TARGETS.memory) : '–';
    console.log(
      `| ${name} | ours, in memory | ${r.ours.instances} (+${r.ours.warmUpInstances ?? '?'}) | ${f(r.ours.instancesPerSec)} | ${target} | ${perCpu(r.ours)} | ${f(r.ours.completionsPerSec)} | ${r.ratio.toFixed(1)}× | ${cpuRatio(r.ours, r.bpmnEngine)} | ${r.ours.bytesPerInstance?.columns ?? '–'} B of column values |`,
    );
    console.log(
      `| ${name} | bpmn-engine 25, in memory, parsed definition reused | ${r.bpmnEngine.instances} (+${r.bpmnEngine.warmUpInstances ?? '?'}) | ${f(r.bpmnEngine.instancesPerSec)} | – | ${perCpu(r.bpmnEngine)} | ${f(r.bpmnEngine.completionsPerSec)} | 1.0× | 1.0× | nothing stored |`,
    );
  }
  if (sqlite) {
    console.log(
      `| approval | ours, SQLite, every command committed | ${sqlite.instances} (+${sqlite.warmUpInstances ?? '?'}) | ${f(sqlite.instancesPerSec)} | ${verdict(sqlite.instancesPerSec, TARGETS.sqlite)} | ${perCpu(sqlite)} | ${f(sqlite.completionsPerSec)} | ${(sqlite.instancesPerSec / ref.instancesPerSec).toFixed(1)}× | ${cpuRatio(sqlite, ref)} | ${sqlite.bytesPerInstance} B of database pages (runtime + history + indexes) |`,
    );
  }
};
