#!/usr/bin/env node
// `npm run bench`: builds the benchmark code, runs each part in its own process (so peak memory is its own)
// and prints the figures side by side with the reference named in each issue. Not a test: it asserts nothing.
// Parts: `npm run bench -- comparison` runs only that part; BENCH_SIZES=100000 limits the sizes.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..', '..');
const out = path.join(root, 'dist', 'out-tsc');
const wanted = process.argv.slice(2);
// `--name value` pairs after the parts are the parts' own arguments (e.g. `scale --students 70000`)
const partNames = wanted.filter((a, i) => !a.startsWith('--') && !(wanted[i - 1] ?? '').startsWith('--'));
const want = (part) => partNames.length === 0 || partNames.includes(part);

function build() {
  const r = spawnSync('npx', ['tsc', '-p', 'apps/api/tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function runJson(script, args) {
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'register-aliases.js'), script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function pgReachable() {
  return spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status === 0;
}

function comparisonPart() {
  const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
  const dbs = pgReachable() ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log('\n## Register comparison (三比对): ours (set operations writing findings) vs plain SQL LEFT JOINs');
  console.log('| database | household | registrations | fill | ours | plain SQL join | agree | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|:-:|---:|');
  for (const size of sizes) {
    for (const db of dbs) {
      process.stderr.write(`  comparison: ${db} ${size}…\n`);
      const r = runJson(path.join(out, 'apps/api/bench/comparison.bench.js'), [db, String(size)]);
      if (!r) continue;
      const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `| ${db} | ${r.household.toLocaleString('en')} | ${r.student.toLocaleString('en')} | ${s(r.fillMs)} | ${s(r.oursMs)} | ${s(r.refMs)} | ${r.agrees ? 'yes' : 'NO'} | ${r.peakMiB} MiB |`,
      );
    }
  }
}

// The forms and web parts build their own code (apps/web-e2e/bench); the others need the API's bench build.
if (['comparison', 'engine', 'api', 'abuse', 'scale'].some(want)) build();
const parts = { comparison: comparisonPart };
for (const extra of ['engine', 'forms', 'api', 'abuse', 'web', 'scale']) {
  const file = path.join(__dirname, `bench-${extra}.js`);
  if (fs.existsSync(file)) parts[extra] = () => require(file)({ root, out, runJson, args: wanted });
}
for (const [name, run] of Object.entries(parts)) if (want(name)) run();
