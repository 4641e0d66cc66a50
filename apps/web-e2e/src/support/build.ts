import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

const outputs = ['dist/web/index.html', 'dist/out-tsc/apps/api/src/main.js'];
const stamp = path.join(repoRoot, 'dist/web/.e2e-build-stamp');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts', 'apps/api/src', 'libs'];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

/**
 * `npm run build` unless both outputs exist and are newer than every source (a build takes ~10 s).
 * E2E_SKIP_BUILD=1 uses whatever build exists (e.g. `npm start` just built it).
 */
export function ensureBuilt(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && outputs.every((o) => fs.existsSync(path.join(repoRoot, o)))) return;
  if (!outputs.every((o) => fs.existsSync(path.join(repoRoot, o)))) return build();
  // tsc (incremental) leaves unchanged outputs alone, so output mtimes cannot tell when the last build
  // ran; a stamp written after our build can (vite's emptyOutDir removes it on any other web build).
  const builtAt = Math.min(newestMtime(stamp), newestMtime(path.join(repoRoot, outputs[0])));
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(repoRoot, s))));
  if (builtAt <= changedAt) build();
}

function build(): void {
  console.log('\n[web-e2e] building web app and API (npm run build)…');
  // jest sets NODE_ENV=test, which would make vite bundle React's development build.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  fs.writeFileSync(stamp, new Date().toISOString());
}
