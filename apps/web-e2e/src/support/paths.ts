import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const screenshotsDir = path.join(repoRoot, 'apps', 'web-e2e', 'screenshots');
export const runScreenshotsDir = path.join(repoRoot, 'dist', 'web-e2e', 'screenshots');
/** Set by the global setup; jest workers start after it and inherit the environment. */
export const BASE_URL_ENV = 'KCBX_E2E_BASE_URL';
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Xiji@2026';
