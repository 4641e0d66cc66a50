// Scale part of `npm run bench` (issue #19): the reads a county's users make, on the empty demo county, the same
// county with years of history and (PostgreSQL) a province of such counties in one database, side by side with a
// verdict per line. Sizes: `npm run bench -- scale --students 70000 --cases 250000 --open 5000 --tenants 22`
// (also --years, --samples, --clerks, --load-seconds (0 skips the completion load); --sqlite-only / --postgres-only). Defaults are small enough for a few minutes.
const path = require('path');
const { printEnvironment } = require('./print-environment');

function options(args) {
  const o = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)$/.exec(args[i]);
    if (!m) continue;
    const next = args[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) ((o[m[1]] = Number(next)), i++);
    else o[m[1]] = true;
  }
  return o;
}

const ms = (n) => `${n.toLocaleString('en', { maximumFractionDigits: 1 })} ms`;

/** each read's p95 per stage; the verdict is the largest stage's against the target (× 2 on SQLite) */
function printReads(r, factor) {
  const names = r.stages.map((s) => s.name);
  console.log(`| read | target p95 | ${names.map((n) => `${n} p50 / p95, API CPU per call`).join(' | ')} | verdict |`);
  console.log(`|---|---:|${names.map(() => '---:|').join('')}:-:|`);
  const idle = r.stages.map((s) => s.reads.find((x) => x.label.includes('no work')));
  for (const [i, read] of r.stages[0].reads.entries()) {
    const target = read.targetMs * factor;
    const cells = r.stages.map(
      (s) => `${ms(s.reads[i].p50)} / ${ms(s.reads[i].p95)}, API CPU ${ms(s.reads[i].apiCpuMs)} (${s.reads[i].returned})`,
    );
    const worst = Math.max(...r.stages.map((s) => s.reads[i].p95));
    let verdict = worst < target ? 'met' : 'NOT met';
    if (read.label.includes('no work')) {
      // acceptance 2: as fast as in the empty county (within 20 %), compared on the median: p95 of 40 calls on
      // a shared machine is one slow call
      const ratio = Math.max(...idle.map((x) => x.p50)) / idle[0].p50;
      verdict += `; ${ratio.toFixed(2)}× the empty county (≤ 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'})`;
      // the same comparison on the API's CPU per call, which other work on the machine does not inflate
      const cpuRatio = Math.max(...idle.map((x) => x.apiCpuMs)) / Math.max(0.1, idle[0].apiCpuMs);
      verdict += `; API CPU ${cpuRatio.toFixed(2)}×`;
    }
    console.log(`| ${read.label} | < ${ms(target)} | ${cells.join(' | ')} | ${verdict} |`);
  }
  const row = (label, f) => console.log(`| ${label} | | ${r.stages.map(f).join(' | ')} | |`);
  row(
    'finished cases / open tasks (measured county)',
    (s) => `${s.finishedCases.toLocaleString('en')} / ${s.openTasks.toLocaleString('en')}`,
  );
  row('counties in the database', (s) => String(s.tenants));
  row('student file: cases of the child', (s) => String(s.studentCases));
  row('audit entries the generator wrote (one per completed step)', (s) =>
    s.generated ? s.generated.copies.auditEntries.toLocaleString('en') : '',
  );
  row('database size', (s) => s.databaseSize ?? '');
  row('built in', (s) => (s.seconds ? `${s.seconds.toFixed(0)} s` : 'seed'));
}

/** acceptance: throughput and p95 within 20 % of the empty county's, in the same run */
function printCompletions(r) {
  const stages = r.stages.filter((s) => s.completions);
  if (!stages.length) return;
  const empty = stages[0].completions;
  console.log(
    `\nTask completion under ${empty.clerks} clerks as in \`npm run bench -- api\` (inbox → complete → next; as fast as answered, ${r.loadSeconds} s after a 5 s warm-up; their schools get no copied history):`,
  );
  console.log(
    '| stage | completions/s | complete p50 / p95 | CPU per completion: API, PostgreSQL | vs the empty county | verdict (within 20 %) |',
  );
  console.log('|---|---:|---:|---:|---:|:-:|');
  for (const s of stages) {
    const c = s.completions;
    const rate = c.completionsPerSec / empty.completionsPerSec;
    const p95 = c.p95 / empty.p95;
    const ok = rate >= 0.8 && p95 <= 1.2 && c.unexpected === 0;
    const pgCpu = c.postgresCpuMs === null ? '–' : ms(c.postgresCpuMs);
    console.log(
      `| ${s.name} | ${c.completionsPerSec.toFixed(1)} | ${ms(c.p50)} / ${ms(c.p95)} | ${ms(c.apiCpuMs)}, ${pgCpu} | throughput ${rate.toFixed(2)}×, p95 ${p95.toFixed(2)}× | ${ok ? 'met' : 'NOT met'}${c.unexpected ? `; ${c.unexpected} unexpected answers` : ''} |`,
    );
  }
}

module.exports = function scaleBench({ out, runJson, args }) {
  const o = options(args ?? []);
  const { spawnSync } = require('child_process');
  const pg = spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status === 0;
  const size = {
    students: o.students,
    cases: o.cases,
    open: o.open,
    years: o.years,
    tenants: o.tenants,
    samples: o.samples,
    clerks: o.clerks,
    loadSeconds: o['load-seconds'],
  };
  const runs = [];
  if (!o['sqlite-only']) runs.push(pg ? 'postgres' : null);
  if (!o['postgres-only']) runs.push('sqlite');
  for (const kind of runs) {
    if (!kind) {
      console.log('\n## History at scale: PostgreSQL skipped, no PostgreSQL at 127.0.0.1:5432');
      continue;
    }
    process.stderr.write(`  scale: ${kind}…\n`);
    const r = runJson(path.join(out, 'apps/api/bench/scale.bench.js'), [kind, JSON.stringify(size)]);
    if (!r) continue;
    const s = r.size;
    const factor = kind === 'sqlite' ? 2 : 1;
    console.log(
      `\n## History at scale on ${kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}: one API process; the county ${s.students.toLocaleString('en')} students, ${s.cases.toLocaleString('en')} finished cases over ${s.years} years, ${s.open.toLocaleString('en')} open tasks${r.tenants > 1 ? `; the province ${r.tenants} such counties` : ''}${factor > 1 ? ' (targets × 2)' : ''}`,
    );
    console.log(
      'Each read by one user at a time, after two unmeasured calls; ANALYZE after each bulk load; the API restarted on each database.',
    );
    printReads(r, factor);
    printCompletions(r);
    if (r.environment) printEnvironment({ ...r.environment, loadAverage1mAfter: r.environment.loadAverage1m }, 3 + r.stages.length);
    for (const e of r.explain ?? []) {
      const big = e.seqScans;
      console.log(
        `\nThe inbox query of ${e.username} at the ${r.stages[r.stages.length - 1].name} (PREPARE and EXPLAIN (ANALYZE, BUFFERS) EXECUTE of the statement the API builds, page 1 of 20 with the badges, plan_cache_mode=${e.planCacheMode} as in the API's sessions): ${big.length ? `sequential scans on ${big.join(', ')}` : 'indexes only, no sequential scan'}`,
      );
      console.log('```\n' + e.plan + '\n```');
    }
  }
};
