import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';

/** The repository root (the folder with nx.json), from the sources or from dist/out-tsc. */
export function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) && fs.existsSync(path.join(dir, 'tools', 'scripts'))) return dir;
    if (path.dirname(dir) === dir) throw new CliError('找不到项目根目录（nx.json）', 'cannot find the project root (nx.json)');
  }
}

export type EntryOutcome<T> = { ok: true; result: T } | { ok: false; error: string; message: string; details?: unknown[] };

/**
 * Runs one of the API's server-side entries (`apps/api/src/<folder>/<name>-main.ts`, compiled with tsc,
 * incremental) against the database the server uses — DATABASE_URL, else DATA_DIR/kcbx.sqlite, read from the
 * environment exactly as `npm start` reads it. The CLI imports no API code (module boundaries): it talks to the
 * entry through its arguments, the environment (secrets never go on a command line other users can list) and
 * the one JSON line the entry prints last.
 */
export async function runApiEntry<T>(io: Io, entry: string, args: string[], env: Record<string, string> = {}): Promise<EntryOutcome<T>> {
  const root = repositoryRoot();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'apps', 'api', 'tsconfig.app.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new CliError(`API 编译失败：\n${build.stdout}${build.stderr}`, 'the API did not compile (see above)');
  const file = path.join(root, 'dist', 'out-tsc', 'apps', 'api', 'src', `${entry}.js`);
  // asynchronous: a caller in the same process (a test's in-process server) keeps serving while the entry works
  const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.join(root, 'tools', 'scripts', 'register-aliases.js'), file, ...args], {
      cwd: io.cwd,
      env: { ...process.env, ...io.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-64 * 1024)));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as EntryOutcome<T>;
  } catch {
    throw new CliError(`数据库操作失败：\n${run.stderr || run.stdout}`, 'the database step failed (see above)');
  }
}

/** A refusal from the entry, printed in both languages with its details; the exit code for it. */
export function printRefusal(io: Io, outcome: { error: string; message: string; details?: unknown[] }): number {
  io.err(`错误 / error: ${outcome.error}: ${outcome.message}`);
  for (const d of outcome.details ?? [])
    io.err(`  ${typeof d === 'object' && d && 'message' in d ? String(d.message) : JSON.stringify(d)}`);
  return EXIT.problems;
}
