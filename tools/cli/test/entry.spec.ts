import { spawnSync } from 'child_process';
import * as path from 'path';
import { copyPackage } from './support/package-copy';

const root = path.join(__dirname, '..', '..', '..');
const cli = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [path.join(root, 'tools', 'scripts', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

/** The real entry point `npm run tools` runs: compiles the CLI, then runs it with exit codes a script can test. */
describe('tools/scripts/cli.js', () => {
  it('prints the command list in Chinese and English', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法 / usage: npm run tools -- <命令 command>');
    for (const name of ['validate', 'deploy', 'export', 'import', 'seed', 'new-county'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  }, 120_000);

  it('exits 0 on a good package and 1 with file:line on a broken one', () => {
    const pkg = copyPackage();
    try {
      expect(cli(['validate', 'forms', 'workflows'], pkg.dir).status).toBe(0);
      pkg.remove('forms/leave-application.form.json');
      const r = cli(['validate', 'forms', 'workflows'], pkg.dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('workflows/leave-approval.bpmn:9 (apply) [FORM_NOT_FOUND]');
    } finally {
      pkg.cleanup();
    }
  }, 120_000);

  it('refuses an unknown command with exit code 2 and the command list', () => {
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令“frobnicate” / unknown command "frobnicate"');
  }, 120_000);
});
