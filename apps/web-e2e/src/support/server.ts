import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  logFile: string;
  child: ChildProcess;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The production start script on a fresh data directory: the demo county is seeded on first start.
 * `demoWorkflows` also deploys the county package and plays the demo cases (as `npm start` does).
 */
export async function startServer(opts: { demoWorkflows?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-web-e2e-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL; // always the embedded SQLite here
  delete env.NODE_ENV; // as `npm start` runs it, not with jest's NODE_ENV=test
  // The browser suites deploy what they test and count inbox rows: no demo procedures unless a run asks for them.
  env.SEED_DEMO_WORKFLOWS = opts.demoWorkflows ? 'true' : (process.env.SEED_DEMO_WORKFLOWS ?? 'false');
  // 企业微信 for the demo county, pointing at a port where nothing listens: a receiver that is down. No user or role
  // gets it unless a suite chooses it (notification-outbox.e2e.ts); two quick tries, then a dead letter.
  env.NOTIFY_CHANNELS = JSON.stringify({ '640422': { wecom: { webhook: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e' } } });
  env.NOTIFY_MAX_ATTEMPTS = '2';
  env.NOTIFY_RETRY_BASE_MS = '0';
  env.NOTIFY_POLL_MS = '500';
  const child = spawn(process.execPath, [path.join(repoRoot, 'tools/scripts/start-api.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log); // the child holds its own copy
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, logFile);
  return { baseUrl, dataDir, logFile, child };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; log:\n${tail(logFile)}`);
    const ok = await healthy(`${baseUrl}/api/health`);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill();
  throw new Error(`server did not answer /api/health within 60 s; log:\n${tail(logFile)}`);
}

/** Plain http without keep-alive: a pooled fetch socket would keep jest from exiting. */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

function tail(file: string): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
