// Web part of `npm run bench`: Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown, phone screen) on
// the real built server with the demo county, cold cache, on the four pages a class teacher opens first: login,
// inbox, a task and a student file. Signed-in pages get the demo teacher's token in sessionStorage (where the
// app keeps it) before Lighthouse navigates the same tab. Prints one JSON line; tools/scripts/bench-web.js
// formats it beside the targets of issue #19.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ensureBuilt } from '../src/support/build';
import { DEMO_PASSWORD, chromiumPath, repoRoot } from '../src/support/paths';
import { startServer, stopServer } from '../src/support/server';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const USER = 'teacher';
const SESSION_KEY = 'kcbx.session'; // apps/web/src/api/session.ts
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 1);
const ASSETS = path.join(repoRoot, 'dist/web/assets');
/** Each page's last Lighthouse report, to open in the Lighthouse viewer when a figure needs explaining. */
const REPORTS = path.join(repoRoot, 'dist/web-bench');

interface PageResult {
  name: string;
  path: string;
  finalUrl: string;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  scriptTransferBytes: number;
  scriptFiles: number;
  /** Every script the page loaded, as the build's gzip copies (level 9) weigh them. */
  scriptGzipBytes: number;
  totalTransferBytes: number;
}

async function api<T>(base: string, method: string, url: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The gzip size of a built asset: the .gz copy the build wrote, or the file itself when too small to have one. */
function gzipBytes(file: string): number {
  const gz = fs.statSync(`${file}.gz`, { throwIfNoEntry: false });
  return gz ? gz.size : (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0);
}

/** The scripts index.html loads before anything runs (its module script and modulepreloads). */
function entryChunks(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = fs.readFileSync(path.join(repoRoot, 'dist/web/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  return {
    files,
    gzipBytes: files.reduce((s, f) => s + gzipBytes(path.join(ASSETS, f)), 0),
    rawBytes: files.reduce((s, f) => s + fs.statSync(path.join(ASSETS, f)).size, 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function measure(browser: Browser, base: string, name: string, pagePath: string, token?: { accessToken: string; expiresIn: number }) {
  const { default: lighthouse } = await import('lighthouse');
  const page: Page = await browser.newPage();
  // A plain JSON answer of the same origin: the tab's sessionStorage for it, without loading the app first.
  await page.goto(`${base}/api/health`);
  await page.evaluate(
    (key, value) => (value ? sessionStorage.setItem(key, value) : sessionStorage.removeItem(key)),
    SESSION_KEY,
    token ? JSON.stringify({ accessToken: token.accessToken, issuedAt: Date.now(), expiresAt: Date.now() + token.expiresIn * 1000 }) : '',
  );
  // Lighthouse's own storage reset would drop the token too: keep storage, empty the HTTP cache ourselves (a cold
  // first visit, every chunk over the slow line).
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const result = await lighthouse(
    `${base}${pagePath}`,
    { logLevel: 'error', output: 'json', onlyCategories: ['performance'], disableStorageReset: true },
    undefined,
    page,
  );
  await page.close();
  if (!result) throw new Error(`no Lighthouse result for ${pagePath}`);
  const lhr = result.lhr;
  fs.mkdirSync(REPORTS, { recursive: true });
  fs.writeFileSync(path.join(REPORTS, `${name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`${pagePath}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id];
  const requests = (audit('network-requests').details as { items: { url: string; resourceType?: string; transferSize?: number }[] }).items;
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const scriptGzip = scripts.reduce((s, r) => {
    const m = /\/assets\/([^/?#]+\.js)/.exec(r.url);
    return s + (m ? gzipBytes(path.join(ASSETS, m[1])) : 0);
  }, 0);
  const out: PageResult = {
    name,
    path: pagePath,
    finalUrl: lhr.finalDisplayedUrl.replace(base, ''),
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: audit('first-contentful-paint').numericValue ?? NaN,
    lcpMs: audit('largest-contentful-paint').numericValue ?? NaN,
    tbtMs: audit('total-blocking-time').numericValue ?? NaN,
    scriptTransferBytes: scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    scriptFiles: scripts.length,
    scriptGzipBytes: scriptGzip,
    totalTransferBytes: requests.reduce((s, r) => s + (r.transferSize ?? 0), 0),
  };
  return { out, settings: lhr.configSettings, env: lhr.environment, version: lhr.lighthouseVersion };
}

async function main() {
  ensureBuilt();
  const server = await startServer({ demoWorkflows: true });
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  const puppeteer = await import('puppeteer-core');
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    const base = server.baseUrl;
    const login = await api<{ accessToken: string; expiresIn: number }>(base, 'POST', '/api/auth/login', undefined, {
      username: USER,
      password: DEMO_PASSWORD,
    });
    const tasks = await api<{ items: { id: string; studentId?: string | null }[] }>(
      base,
      'GET',
      '/api/tasks?pageSize=50',
      login.accessToken,
    );
    const task = tasks.items[0];
    if (!task) throw new Error(`the demo ${USER} has no task`);
    const students = await api<{ items: { id: string }[] }>(base, 'GET', '/api/students?pageSize=1', login.accessToken);
    const studentId = task.studentId ?? students.items[0]?.id;
    if (!studentId) throw new Error(`the demo ${USER} sees no student`);
    const pages: [string, string, boolean][] = [
      ['login', '/login', false],
      ['inbox', '/inbox', true],
      ['task', `/tasks/${task.id}`, true],
      ['student file', `/students/${studentId}`, true],
    ];
    const results: PageResult[] = [];
    let settings: unknown;
    let env: unknown;
    let version = '';
    for (const [name, pagePath, signedIn] of pages) {
      const runs: PageResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        process.stderr.write(`  web: ${name} (${i + 1}/${RUNS})…\n`);
        // Lighthouse now and then loses a trace (NO_NAVSTART): one more try before giving up.
        const once = () => measure(browser, base, name, pagePath, signedIn ? login : undefined);
        const r = await once().catch((err: Error) => {
          process.stderr.write(`  web: ${name}: ${err.message.split('\n')[0]}; again…\n`);
          return once();
        });
        runs.push(r.out);
        settings = r.settings;
        env = r.env;
        version = r.version;
      }
      // The run with the median score stands for the page (its figures belong together).
      const mid = median(runs.map((r) => r.score));
      results.push(runs.find((r) => r.score === mid)!);
    }
    const s = settings as {
      throttlingMethod: string;
      formFactor: string;
      throttling: Record<string, number>;
      screenEmulation: Record<string, unknown>;
    };
    const e = env as { benchmarkIndex: number; hostUserAgent: string };
    console.log(
      JSON.stringify({
        runs: RUNS,
        browser: await browser.version(),
        lighthouse: version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        benchmarkIndex: e.benchmarkIndex,
        formFactor: s.formFactor,
        throttlingMethod: s.throttlingMethod,
        throttling: s.throttling,
        screen: s.screenEmulation,
        entry: entryChunks(),
        pages: results,
      }),
    );
  } finally {
    await browser.disconnect();
    chrome.kill();
    await stopServer(server);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
