#!/usr/bin/env node
// `npm run tools -- <command>`: compiles the CLI (tools/cli, TypeScript) and the libraries it uses into
// dist/out-tsc with tsc — incremental, so an unchanged tree costs a second or two — then runs it with the
// @kcbx/* aliases pointing at the compiled libraries, the way start-api.js and bench.js run TypeScript.
const { spawnSync } = require('child_process');
const path = require('path');
const { root, out } = require('./register-aliases');

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tools', 'cli', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`命令行工具编译失败 / the CLI did not compile:\n${build.stdout}${build.stderr}`);
  process.exit(2);
}
const { runCli } = require(path.join(out, 'tools', 'cli', 'main.js'));
const { processIo } = require(path.join(out, 'tools', 'cli', 'io.js'));
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`内部错误 / internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
