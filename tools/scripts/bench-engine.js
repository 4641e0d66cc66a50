// Engine part of `npm run bench`: our engine in memory and on SQLite (every command committed) against
// bpmn-engine in memory, on the same procedures, in one run.
const { spawnSync } = require('child_process');
const path = require('path');

module.exports = function engineBench({ root, out, runJson }) {
  const build = spawnSync('npx', ['tsc', '-p', 'libs/engine/bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return;
  const instances = process.env.BENCH_INSTANCES ?? '2000';
  process.stderr.write('  engine: in-memory vs bpmn-engine…\n');
  const memory = runJson(path.join(out, 'libs/engine/bench/engine.bench.js'), [instances]);
  process.stderr.write('  engine: SQLite…\n');
  const sqlite = runJson(path.join(out, 'apps/api/bench/engine-sqlite.bench.js'), [String(Math.round(Number(instances) / 2))]);
  if (!memory) return;
  const f = (n) => n.toLocaleString('en', { maximumFractionDigits: 0 });
  const ref = memory.approval.bpmnEngine;
  console.log('\n## BPMN engine: approval (3 user tasks) and parallel (5-way multi-instance + timer)');
  console.log('| procedure | runner | instances | instances/s | task completions/s | vs bpmn-engine | stored per instance |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const [name, r] of Object.entries(memory)) {
    console.log(
      `| ${name} | ours, in memory | ${r.ours.instances} | ${f(r.ours.instancesPerSec)} | ${f(r.ours.completionsPerSec)} | ${r.ratio.toFixed(1)}× | ${r.ours.bytesPerInstance?.columns ?? '–'} B of column values |`,
    );
    console.log(
      `| ${name} | bpmn-engine 25, in memory, parsed definition reused | ${r.bpmnEngine.instances} | ${f(r.bpmnEngine.instancesPerSec)} | ${f(r.bpmnEngine.completionsPerSec)} | 1.0× | nothing stored |`,
    );
  }
  if (sqlite) {
    console.log(
      `| approval | ours, SQLite, every command committed | ${sqlite.instances} | ${f(sqlite.instancesPerSec)} | ${f(sqlite.completionsPerSec)} | ${(sqlite.instancesPerSec / ref.instancesPerSec).toFixed(1)}× | ${sqlite.bytesPerInstance} B of database pages (runtime + history + indexes) |`,
    );
  }
};
