import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { request } from './http-client';

/** Real API processes (the compiled server, as `npm start` runs it) on one PostgreSQL database. */
export interface ApiServer {
  base: string;
  child: ChildProcess;
  logFile: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`API exited with ${child.exitCode}; log: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    const ok = await request(base, 'GET', '/api/health').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API at ${base} did not become healthy; log: ${logFile}`);
}

/** `extraEnv` overrides the defaults below (the scale bench plays the demo cases: SEED_DEMO_CASES=true). */
export async function startApiServer(
  repoRoot: string,
  databaseUrl: string | null,
  extraEnv: Record<string, string> = {},
): Promise<ApiServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-load-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    JWT_SECRET: 'load-bench-secret-'.padEnd(48, 'x'),
    SEED_DEMO: 'true',
    SEED_DEMO_CASES: 'false',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  // BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the servers (NODE_OPTIONS refuses it).
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'tools/scripts/start-api.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child, logFile);
  return { base, child, logFile };
}

export async function stopApiServer(server: ApiServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}
