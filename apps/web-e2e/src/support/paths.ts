import fs from 'node:fs';
import path from 'node:path';

/** The checkout root, found upward (this file also runs compiled from dist/out-tsc, for the web benchmark). */
function findRoot(dir: string): string {
  while (!fs.existsSync(path.join(dir, 'nx.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
export const repoRoot = findRoot(__dirname);
export const screenshotsDir = path.join(repoRoot, 'apps', 'web-e2e', 'screenshots');
export const runScreenshotsDir = path.join(repoRoot, 'dist', 'web-e2e', 'screenshots');
/** Set by the global setup; jest workers start after it and inherit the environment. */
export const BASE_URL_ENV = 'KCBX_E2E_BASE_URL';
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Xiji@2026';

interface ChromiumFinder {
  findChromium(): string | undefined;
  INSTALL_COMMAND: string;
}
/** The one place that knows where Chromium lives (tools/scripts/chromium.js, shared with `npm test` and the bench). */
const finder = (): ChromiumFinder => require(path.join(repoRoot, 'tools', 'scripts', 'chromium.js'));

/** The browser to drive: `npm test` passes the one it found or installed; a direct jest run looks for itself. */
export function chromiumPath(): string {
  const found = finder().findChromium();
  if (!found) throw new Error(`no Chromium found (CHROMIUM_PATH or the system's paths); install it: ${finder().INSTALL_COMMAND}`);
  return found;
}
