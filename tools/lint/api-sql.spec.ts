import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

/** Only repositories and database/ talk SQL, and engine tables are not named in the API (eslint.config.mjs): the rule bites. */
const root = path.join(__dirname, '..', '..');

describe('SQL stays in repositories (eslint)', () => {
  jest.setTimeout(60_000);
  beforeAll(() => {
    execSync('npx nx show projects', { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  // The real eslint CLI on source given through stdin as if it lived at `file` (nothing is written).
  const errorsFor = (file: string, code: string): string[] => {
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', file], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => ['no-restricted-imports', 'no-restricted-syntax'].includes(m.ruleId)).map((m) => m.message);
  };
  const usesDataSource = "import { DataSource } from 'typeorm';\nexport const probe = (ds: DataSource) => ds.query('SELECT 1');\n";
  const usesManager = "import type { EntityManager } from 'typeorm';\nexport const probe = (m: EntityManager) => m.query('SELECT 1');\n";
  const namesEngineTable = "export const probe = `SELECT * FROM bpmn_task`;\nexport const other = 'bpmn_variable';\n";

  it('given a service that injects the DataSource or takes an EntityManager, then lint fails', () => {
    expect(errorsFor('apps/api/src/ledgers/probe.service.ts', usesDataSource).join()).toMatch(/move this SQL into a repository/);
    expect(errorsFor('apps/api/src/workflow/probe.ts', usesManager).join()).toMatch(/move this SQL into a repository/);
  });

  it('given a file outside the engine store that names a bpmn_ table, then lint fails for each', () => {
    expect(errorsFor('apps/api/src/dashboard/probe.ts', namesEngineTable)).toHaveLength(2);
  });

  it('given a repository or the database layer, then both are allowed', () => {
    expect(errorsFor('apps/api/src/ledgers/probe.repository.ts', usesDataSource)).toEqual([]);
    expect(errorsFor('apps/api/src/database/probe.ts', usesManager + namesEngineTable)).toEqual([]);
  });
});
