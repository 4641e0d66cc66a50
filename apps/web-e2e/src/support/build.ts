import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

const outputs = ['dist/web/index.html', 'dist/out-tsc/apps/api/src/main.js'];
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

/** `npm run build` unless both outputs exist and are newer than every source (a build takes ~10 s). */
export function ensureBuilt(): void {
  const builtAt = Math.min(...outputs.map((o) => fs.statSync(path.join(repoRoot, o), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(repoRoot, s))));
  if (builtAt > changedAt) return;
  console.log('\n[web-e2e] building web app and API (npm run build)…');
  // jest sets NODE_ENV=test, which would make vite bundle React's development build.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
