#!/usr/bin/env node
// Runs the compiled API (dist/out-tsc) with the @kcbx/* aliases pointing at the compiled libs.
const path = require('path');
const root = path.join(__dirname, '..', '..');
const out = path.join(root, 'dist', 'out-tsc');
const tsconfig = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({
  baseUrl: out,
  paths: Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => p.replace(/\.ts$/, '.js'))]),
  ),
});
process.env.WEB_DIST = process.env.WEB_DIST || path.join(root, 'dist', 'web');
require(path.join(out, 'apps', 'api', 'src', 'main.js'));
