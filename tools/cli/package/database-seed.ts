import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import type { CountyPackage, ImportReport } from './county-package';
import { printImportReport } from './print-report';

/** The repository root (the folder with nx.json), from the sources or from dist/out-tsc. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) && fs.existsSync(path.join(dir, 'tools', 'scripts'))) return dir;
    if (path.dirname(dir) === dir) throw new CliError('找不到项目根目录（nx.json）', 'cannot find the project root (nx.json)');
  }
}

/**
 * Loads a package straight into the database the server would use (DATABASE_URL, else DATA_DIR/kcbx.sqlite,
 * read from the environment like `npm start`), creating the county when the database has none: for a new
 * county's installation, where nobody can log in yet. Builds the API (tsc, incremental) and runs its
 * county-package/seed-main entry, the same import code the HTTP endpoint runs.
 */
export function seedDatabase(io: Io, pkg: CountyPackage, opts: { dryRun: boolean; initialPassword?: string }): number {
  const root = repositoryRoot();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'apps', 'api', 'tsconfig.app.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new CliError(`API 编译失败：\n${build.stdout}${build.stderr}`, 'the API did not compile (see above)');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-seed-')), 'package.json');
  fs.writeFileSync(file, JSON.stringify(pkg));
  try {
    const entry = path.join(root, 'dist', 'out-tsc', 'apps', 'api', 'src', 'county-package', 'seed-main.js');
    const run = spawnSync(
      process.execPath,
      ['-r', path.join(root, 'tools', 'scripts', 'register-aliases.js'), entry, file, ...(opts.dryRun ? ['--dry-run'] : [])],
      {
        cwd: io.cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        // the password travels in the environment, not on a command line other users can list
        env: { ...process.env, ...io.env, KCBX_INITIAL_PASSWORD: opts.initialPassword ?? '' },
      },
    );
    const last = run.stdout.trim().split('\n').pop() ?? '';
    let result: { ok: boolean; report?: ImportReport; error?: string; message?: string; details?: unknown[] };
    try {
      result = JSON.parse(last);
    } catch {
      throw new CliError(`装入数据库失败：\n${run.stderr || run.stdout}`, 'loading into the database failed (see above)');
    }
    if (!result.ok) {
      io.err(`错误 / error: ${result.error}: ${result.message}`);
      for (const d of result.details ?? []) io.err(`  ${JSON.stringify(d)}`);
      return EXIT.problems;
    }
    printImportReport(io, result.report!);
    return EXIT.ok;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
