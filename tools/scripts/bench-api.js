// API part of `npm run bench`: 50 simulated clerks completing tasks over HTTP against PostgreSQL for 60 s
// (issue #5), next to the sizing Camunda publishes for its minimal self-managed setup.
const { spawnSync } = require('child_process');
const path = require('path');
const { printEnvironment } = require('./print-environment');

// Camunda 8 self-managed sizing guide, smallest cluster: ~65 task completions/s at peak (not measured here).
const CAMUNDA_MINIMAL_TASKS_PER_SEC = 65;

module.exports = function apiBench({ out, runJson }) {
  if (spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status !== 0) {
    console.log('\n## API under load: skipped, no PostgreSQL at 127.0.0.1:5432');
    return;
  }
  const seconds = process.env.BENCH_LOAD_SECONDS ?? '60';
  const clerks = process.env.BENCH_LOAD_CLERKS ?? '50';
  const processes = (process.env.BENCH_LOAD_PROCESSES ?? '1,2').split(',');
  // A little above the 200/s, so that what the clerks achieve (the first slots are staggered, the run is cut
  // at the end) is still at least 200/s.
  const target = process.env.BENCH_LOAD_TARGET ?? '210';
  console.log(
    `\n## API under load: ${clerks} clerks (inbox → submit form → next), ${seconds} s each way, PostgreSQL, load generator + API + database on one 2-core machine`,
  );
  console.log(
    `Each configuration runs twice: clerks acting the moment an answer arrives (the ceiling), then paced to offer ${target} completions/s (the issue asks for at least 200/s at complete p95 < 100 ms; paced, the latency is that of a server doing that much work, not of a queue).`,
  );
  console.log(
    '| API processes | clerks | task completions/s | complete p50 / p95 / p99 | inbox p50 / p95 | all requests/s | lost or duplicated steps | reference |',
  );
  console.log('|---:|---|---:|---|---|---:|:-:|---|');
  for (const n of processes) {
    process.stderr.write(`  api load: ${n} process(es)…\n`);
    const r = runJson(path.join(out, 'apps/api/bench/load.bench.js'), [seconds, clerks, n, target]);
    if (!r) continue;
    const row = (label, x, checks) => {
      const c = x.complete;
      console.log(
        `| ${n} | ${label} | ${x.completionsPerSec.toFixed(0)} | ${c.p50} / ${c.p95} / ${c.p99} ms | ${x.inbox.p50} / ${x.inbox.p95} ms | ${x.requestsPerSec.toFixed(0)} | ${checks} | Camunda 8 minimal: ~${CAMUNDA_MINIMAL_TASKS_PER_SEC}/s |`,
      );
    };
    const checks = r.lostOrDuplicated ? `YES ${JSON.stringify(r.checks)}` : `none (${r.checks.completionsInDatabase} checked)`;
    row('as fast as answered', r, checks);
    if (r.paced) {
      const p95 = r.paced.complete.p95;
      const met = r.paced.completionsPerSec >= 200 && p95 < 100;
      row(`paced at ${r.paced.offeredPerSec}/s`, r.paced, `(same check) — ≥ 200/s at p95 < 100 ms: ${met ? 'met' : 'NOT met'}`);
    }
    const cpu = r.cpuMsPerCompletion;
    console.log(
      `|  | CPU per completion: API ${cpu.api} ms (${cpu.apiKernel} in the kernel), PostgreSQL ${cpu.postgres} ms (${cpu.postgresBench} of it serving this database), load generator ${cpu.loadGenerator} ms, other work on the machine ${cpu.other} ms | | | | | |`,
    );
    const d = r.databasePerCompletion;
    if (d)
      console.log(
        `|  | per completion in the database: ${d.transactions} transactions (autocommitted statements included), ${d.rollbacks} rolled back, ${d.bufferHits} buffer hits, ${d.bufferReads} buffer reads | | | | | |`,
      );
    if (r.environment) printEnvironment(r.environment);
    if (r.unexpectedCount)
      console.log(`|  | ${r.unexpectedCount} unexpected answers, e.g. ${r.unexpected.slice(0, 3).join('; ')} | | | | | |`);
  }
};
