// `npm run screenshots`: the README's pictures, taken from the real thing. Starts the built server on a fresh
// data directory with the demo county's procedures and cases (as `npm start` does), signs in as each role in
// Debian's Chromium and photographs its main page at a desk (1440×900) and on a phone (390×844), in zh-CN.
// Writes apps/web-e2e/screenshots/roles/<role>-<page>-<desk|phone>.png. Run `npm run build` first.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { findChromium, INSTALL_COMMAND } = require('./chromium');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'apps', 'web-e2e', 'screenshots', 'roles');
const PASSWORD = process.env.DEMO_PASSWORD || 'Xiji@2026';
const SIZES = { desk: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

/** Each role's main page; `:task` is the user's first open step about a child. `ready` says the page is there. */
const SHOTS = [
  { user: 'teacher', name: 'teacher-inbox', url: '/inbox', ready: '[data-testid="inbox-table"]' },
  { user: 'teacher', name: 'teacher-task', url: '/tasks/:task', ready: '[data-testid="task-form"]' },
  { user: 'principal', name: 'principal-review', url: '/tasks/:task', ready: '[data-testid="task-form"]' },
  { user: 'principal', name: 'principal-home', url: '/', ready: '[data-testid="home-work"]' },
  { user: 'township', name: 'township-ledgers', url: '/ledgers', ready: '[data-testid="ledger-table"]' },
  { user: 'basic-edu', name: 'bureau-dashboard', url: '/dashboard', ready: '.ant-statistic' },
  { user: 'designer', name: 'designer-processes', url: '/design/processes', ready: 'table' },
  { user: 'admin', name: 'admin-users', url: '/admin/users', ready: '[data-testid="users-table"]' },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-screenshots-'));
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO_WORKFLOWS: 'true' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(process.execPath, [path.join(root, 'tools/scripts/start-api.js')], { cwd: root, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await healthy(`${base}/api/health`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the server did not start; see ${path.join(dataDir, 'server.log')}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { base, dataDir, child };
}

async function api(base, method, url, token, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function firstTask(base, user) {
  const { accessToken } = await api(base, 'POST', '/api/auth/login', undefined, { username: user, password: PASSWORD });
  const inbox = await api(base, 'GET', '/api/tasks?scope=all&pageSize=50', accessToken);
  const task = inbox.items.find((t) => t.studentId) ?? inbox.items[0];
  if (!task) throw new Error(`${user} has no open task in the demo county`);
  return task.id;
}

async function shoot(browser, base, shot, size, file) {
  const context = await browser.newContext({
    viewport: SIZES[size],
    hasTouch: size === 'phone',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    baseURL: base,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto('/login');
  await page.locator('#username').fill(shot.user);
  await page.locator('#password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-display-name').waitFor();
  const url = shot.url.includes(':task') ? shot.url.replace(':task', await firstTask(base, shot.user)) : shot.url;
  await page.goto(url);
  await page.locator(shot.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: file });
  await context.close();
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('no built web app: run `npm run build` first');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`no Chromium found; install it: ${INSTALL_COMMAND}`);
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const shot of SHOTS) {
      for (const size of Object.keys(SIZES)) {
        const file = path.join(outDir, `${shot.name}-${size}.png`);
        await shoot(browser, server.base, shot, size, file);
        console.log(`${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KiB)`);
      }
    }
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
