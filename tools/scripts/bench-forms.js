// Forms part of `npm run bench`: (a) in Node, one validation of a 200-field form with a 50-row table — ours
// (the cached validator the renderer and the API share) vs the stock @hookform/resolvers ajv resolver;
// (b) in headless Chromium, mount and keystroke times of a 500-field form and a 200-row × 4-column table —
// our FormRenderer vs @rjsf/core 6 with @rjsf/validator-ajv8, and a bare <input> as the keystroke floor. Builds the renderer harness into
// dist/form-harness with vite: run it holding /tmp/e2e.lock where others build too.
const { spawnSync } = require('child_process');
const path = require('path');

module.exports = function formsBench({ root, out, runJson }) {
  const build = spawnSync('npx', ['tsc', '-p', 'apps/web-e2e/bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return;
  process.stderr.write('  forms: validation in Node…\n');
  const v = runJson(path.join(out, 'apps/web-e2e/bench/validation.bench.js'), [process.env.BENCH_FORMS_MS ?? '2000']);
  process.stderr.write('  forms: headless Chromium…\n');
  const b = runJson(path.join(out, 'apps/web-e2e/bench/browser.bench.js'), []);

  const us = (r) =>
    `${r.usPerCall.toLocaleString('en', { maximumFractionDigits: r.usPerCall < 100 ? 1 : 0 })} µs (${Math.round(r.opsPerSec).toLocaleString('en')}/s)`;
  if (v) {
    console.log(
      `\n## Forms: one validation of a ${v.fields}-field form with a ${v.rows}-row × 4-column table (Node, as a react-hook-form resolver runs it)`,
    );
    console.log(
      '| data | ours: @kcbx/forms cached validator | stock @hookform/resolvers ajvResolver | ours faster by | plain ajv, compiled once (floor) |',
    );
    console.log('|---|---:|---:|---:|---:|');
    for (const kind of ['valid', 'invalid']) {
      const r = v[kind];
      const label = kind === 'valid' ? 'valid' : `${v.errorsInInvalid} errors`;
      console.log(
        `| ${label} | ${us(r.ours)} | ${us(r.stock)} | ${(r.stock.usPerCall / r.ours.usPerCall).toFixed(0)}× | ${us(r.plainAjv)} |`,
      );
    }
    console.log(
      `(same verdicts: ${v.agree ? 'yes' : 'NO'}; ours compiled the form ${v.compiles}×, the stock resolver compiles it on every call)`,
    );
  }
  if (b) {
    const ms = (x) => `${x.toFixed(0)} ms`;
    console.log(
      `\n## Forms in headless Chromium: ours (FormRenderer, antd) vs @rjsf/core 6 + @rjsf/validator-ajv8, both validating the whole form on every change`,
    );
    console.log(
      `| form | renderer | mount to first paint (median of ${b.mounts}) | keystroke work in the page to layout, median / p95 | keystroke to next frame, median / p95 (${b.keystrokes} keys) | DOM elements after mount |`,
    );
    console.log('|---|---|---:|---:|---:|---:|');
    const names = { form500: '500 fields', table200: '200-row × 4-column table' };
    for (const scenario of ['form500', 'table200']) {
      for (const renderer of ['ours', 'rjsf']) {
        const r = b[scenario][renderer];
        console.log(
          `| ${names[scenario]} | ${renderer === 'ours' ? 'ours' : '@rjsf/core 6'} | ${ms(r.mountMs)} | ${r.workMedianMs.toFixed(1)} / ${r.workP95Ms.toFixed(1)} ms | ${r.keyMedianMs.toFixed(1)} / ${r.keyP95Ms.toFixed(1)} ms | ${r.elements.toLocaleString('en')} |`,
        );
      }
      const f = b[scenario].floor;
      if (f)
        console.log(
          `| (floor) | a bare <input>, no framework | — | ${f.workMedianMs.toFixed(1)} / ${f.workP95Ms.toFixed(1)} ms | ${f.keyMedianMs.toFixed(1)} / ${f.keyP95Ms.toFixed(1)} ms | 1 |`,
        );
    }
    console.log(
      "(keystroke work = from the page receiving the key (a capturing keydown listener, so the browser's delivery of the key is not in it) through the input handlers and the renderer's commit to style and layout of the result, forced in the first task after the input event; both renderers update synchronously on input, so all their work is in it, paint and compositing are not.)",
    );
    console.log(
      '(keystroke to next frame = key event to the next painted frame. (floor) is a bare <input> on the same page, timed the same way in the same rotation: the wait for the next frame and its paint, which every renderer pays too — what a renderer adds is its figure minus the floor)',
    );
  }
};
