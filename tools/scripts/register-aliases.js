// Maps the @kcbx/* path aliases onto the compiled libraries in dist/out-tsc (for node running compiled code).
const path = require('path');
const root = path.join(__dirname, '..', '..');
const out = path.join(root, 'dist', 'out-tsc');
const tsconfig = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({
  baseUrl: out,
  paths: Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => p.replace(/\.ts$/, '.js'))])),
});
module.exports = { root, out };
