#!/usr/bin/env node
// The README's test command: lint, typecheck, unit suites, database suites (SQLite unless
// TEST_DATABASE_URL is set) and the browser tests, then closing lines with the totals and every suite that
// could not run here (an external corpus absent), by name.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureChromium, INSTALL_COMMAND } = require('./chromium');

const root = path.join(__dirname, '..', '..');
const only = process.argv.slice(2);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-test-'));
const skippedLog = path.join(resultsDir, 'skipped.log');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', KCBX_SKIPPED_LOG: skippedLog };

const jest = (name, config) => ({
  name,
  cmd: process.execPath,
  args: [require.resolve('jest/bin/jest'), '-c', config, '--json', `--outputFile=${path.join(resultsDir, name + '.json')}`],
  json: path.join(resultsDir, name + '.json'),
});
const steps = [
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  jest('unit', 'jest.unit.config.js'),
  jest('db', 'jest.db.config.js'),
  { ...jest('e2e', 'apps/web-e2e/jest.config.js'), needsBrowser: true },
].filter((s) => only.length === 0 || only.includes(s.name));

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  if (step.needsBrowser) {
    const chromium = ensureChromium();
    if (!chromium) {
      console.log(`=== ${step.name}: NOT RUN — no Chromium on this machine. Install it and run npm test again:\n    ${INSTALL_COMMAND}`);
      failedSteps.push(`${step.name} (no Chromium)`);
      continue;
    }
    env.CHROMIUM_PATH = chromium;
  }
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env });
  if (step.json && fs.existsSync(step.json)) {
    const res = JSON.parse(fs.readFileSync(step.json, 'utf8'));
    passed += res.numPassedTests;
    failed += res.numFailedTests;
    skipped += res.numPendingTests;
  }
  console.log(`=== ${step.name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) failedSteps.push(step.name);
}
const skippedSuites = fs.existsSync(skippedLog) ? [...new Set(fs.readFileSync(skippedLog, 'utf8').split('\n').filter(Boolean))] : [];
if (skippedSuites.length) {
  console.log(`\nsuites not run here (${skippedSuites.length}):`);
  for (const line of skippedSuites) console.log(`  skipped: ${line}`);
}
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && failed === 0) failed = failedSteps.length;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length ? 1 : 0);
