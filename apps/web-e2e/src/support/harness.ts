import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** The checkout root, found upward (this file also runs compiled from dist/out-tsc, for the benchmark). */
function findRoot(dir: string): string {
  while (!fs.existsSync(path.join(dir, 'nx.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const repoRoot = findRoot(__dirname);

/** The renderer harness (apps/web-e2e/harness) builds here, apart from the app's dist/web. */
export const harnessDir = path.join(repoRoot, 'dist', 'form-harness');
const stamp = path.join(harnessDir, '.harness-build-stamp');
const sources = ['apps/web-e2e/harness', 'libs/form-renderer/src', 'libs/forms/src', 'libs/cn-codes/src'];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p))
    if (e !== 'node_modules' && !e.startsWith('.')) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** vite build of the harness unless its output is newer than every source (callers hold /tmp/e2e.lock). */
export function ensureHarnessBuilt(): void {
  const builtAt = newestMtime(stamp);
  if (builtAt > 0 && builtAt > Math.max(...sources.map((s) => newestMtime(path.join(repoRoot, s))))) return;
  console.log('\n[web-e2e] building the form renderer harness (dist/form-harness)…');
  // jest sets NODE_ENV=test, which would bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web-e2e/harness/vite.config.mts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  fs.writeFileSync(stamp, new Date().toISOString());
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves dist/form-harness at <origin>/form-harness/ inside the browser context, so the harness page shares
 * the API server's origin (its /api calls go to the real server, same-origin, no CORS or proxy).
 */
export async function serveHarness(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/form-harness/**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/form-harness\//, '') || 'index.html';
    const file = path.join(harnessDir, rel);
    if (!file.startsWith(harnessDir) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
  });
}
