import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** The repository the tests run from (tools/cli/test/support → root). */
export const ROOT = path.join(__dirname, '..', '..', '..', '..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `npm run tools -- <argv>` as IT types it: a real process, the working folder and environment given. */
export function runTools(cwd: string, env: Record<string, string>, ...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'scripts', 'cli.js'), ...argv], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Compiles the API of a checkout (this one by default) as `npm run build:api` does, incremental; throws with tsc's output. */
export function compileApi(root = ROOT): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'apps/api/tsconfig.app.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the API in ${root} did not compile:\n${r.stdout}${r.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** everything the process printed so far */
  log(): string;
  stop(): Promise<void>;
}

/**
 * The API as `npm start` runs it after building (tools/scripts/start-api.js over dist/out-tsc; the API must have
 * been compiled — the database tools compile it), on a port the OS gave, until `GET /api/health` answers.
 * `root` is the checkout to run: this one, or an older commit's tree (the upgrade test).
 */
export async function startServer(env: Record<string, string>, logFile: string, root = ROOT): Promise<RunningServer> {
  const port = await freePort();
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(root, 'tools', 'scripts', 'start-api.js')], {
    cwd: root,
    env: { ...process.env, WEB_DIST: '/nonexistent', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // generous: a first start migrates and seeds, and CI machines are shared
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); its log:\n${log().slice(-3000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`no /api/health on ${port} after 300 s; its log ends:\n${log().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** JSON over real HTTP; throws with the answer when the status is not the expected one. */
export async function call<T = any>(
  url: string,
  method: string,
  route: string,
  opts: { token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  const want = opts.expect ?? (method === 'POST' ? 201 : 200);
  if (res.status !== want) throw new Error(`${method} ${route}: ${res.status} (expected ${want}) ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  return (await call<{ accessToken: string }>(url, 'POST', '/api/auth/login', { body: { username, password }, expect: 200 })).accessToken;
}
