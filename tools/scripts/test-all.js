#!/usr/bin/env node
// The README's test command: lint, typecheck, unit suites, database suites (SQLite unless
// TEST_DATABASE_URL is set) and the browser tests, then one closing line with the totals.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const only = process.argv.slice(2);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-test-'));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

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
  jest('e2e', 'apps/web-e2e/jest.config.js'),
].filter((s) => only.length === 0 || only.includes(s.name));

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env });
  if (step.json && fs.existsSync(step.json)) {
    const res = JSON.parse(fs.readFileSync(step.json, 'utf8'));
    passed += res.numPassedTests;
    failed += res.numFailedTests;
  }
  console.log(`=== ${step.name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) failedSteps.push(step.name);
}
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && failed === 0) failed = failedSteps.length;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
