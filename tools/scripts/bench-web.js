// Web part of `npm run bench` (issue #19, the first screen on a phone): Lighthouse's mobile preset on the login,
// inbox, task and student-file pages of the built app (apps/web-e2e/bench/web.bench.ts), printed beside the
// targets. Builds the app first when its sources changed (npm run build). BENCH_WEB_RUNS=3 takes the median.
const { spawnSync } = require('child_process');
const path = require('path');

const TARGET = { score: 90, lcpMs: 2500, tbtMs: 200, initialJsKiB: 170 };

module.exports = function webBench({ root, out, runJson }) {
  const build = spawnSync('npx', ['tsc', '-p', 'apps/web-e2e/bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return;
  process.stderr.write('  web: build, server with the demo county, Lighthouse…\n');
  const r = runJson(path.join(out, 'apps/web-e2e/bench/web.bench.js'), []);
  if (!r) return;

  const kib = (b) => `${(b / 1024).toFixed(0)} KB`;
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const verdict = (ok) => (ok ? '✓' : '✗');
  const t = r.throttling;
  console.log('\n## First screen on a phone: Lighthouse mobile preset, cold cache, the demo class teacher');
  console.log(
    `(${r.browser}, Lighthouse ${r.lighthouse}, ${r.formFactor}, throttling ${r.throttlingMethod}: RTT ${t.rttMs} ms, ` +
      `${(t.throughputKbps / 1024).toFixed(1)} Mbit/s down, CPU ×${t.cpuSlowdownMultiplier}; host ${r.cpus} CPUs ` +
      `(${r.cpuModel}), benchmark index ${r.benchmarkIndex}; ${r.runs === 1 ? 'one run' : `median of ${r.runs} runs`} per page)`,
  );
  console.log(
    `| page | performance (≥ ${TARGET.score}) | FCP | LCP (≤ ${s(TARGET.lcpMs)}) | TBT (≤ ${TARGET.tbtMs} ms) | JS transferred | JS loaded, gzipped (≤ ${TARGET.initialJsKiB} KB) | all transferred |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.pages) {
    const where = p.finalUrl === p.path ? p.name : `${p.name} (ended on ${p.finalUrl}!)`;
    console.log(
      `| ${where} | ${p.score} ${verdict(p.score >= TARGET.score)} | ${s(p.fcpMs)} | ${s(p.lcpMs)} ${verdict(p.lcpMs <= TARGET.lcpMs)} | ` +
        `${p.tbtMs.toFixed(0)} ms ${verdict(p.tbtMs <= TARGET.tbtMs)} | ${kib(p.scriptTransferBytes)} (${p.scriptFiles} files) | ` +
        `${kib(p.scriptGzipBytes)} ${verdict(p.scriptGzipBytes <= TARGET.initialJsKiB * 1024)} | ${kib(p.totalTransferBytes)} |`,
    );
  }
  const e = r.entry;
  console.log(
    `(entry chunks — index.html's module script and modulepreloads, what every page loads first: ${e.files.length} files, ` +
      `${kib(e.rawBytes)} raw, ${kib(e.gzipBytes)} gzipped ${verdict(e.gzipBytes <= TARGET.initialJsKiB * 1024)}. ` +
      `"JS loaded, gzipped" adds the chunks the page loads on demand, weighed as the build's gzip -9 copies; ` +
      `"JS transferred" is what the server sent: its brotli copies, which Chromium accepts here)`,
  );
};
