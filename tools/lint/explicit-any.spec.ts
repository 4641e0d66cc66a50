import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

/** `any` is an error in the libraries (eslint.config.mjs, the override for libs/): the engine's and the forms'. */
const root = path.join(__dirname, '..', '..');

describe('no explicit any in the engine and form libraries', () => {
  jest.setTimeout(60_000);
  beforeAll(() => {
    execSync('npx nx show projects', { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  // The real eslint CLI on source given through stdin as if it lived at `file` (nothing is written).
  const anyErrors = (file: string): number => {
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', file], {
      cwd: root,
      input: 'export const probe = (value: any) => value;\n',
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: number }[] }[];
    return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-explicit-any' && m.severity === 2).length;
  };

  it.each([
    'libs/engine/src/probe.ts',
    'libs/engine/src/runtime/probe.ts',
    'libs/engine-store-typeorm/src/probe.ts',
    'libs/forms/src/probe.ts',
    'libs/forms/src/importers/probe.ts',
    'libs/form-renderer/src/probe.ts',
    'libs/form-renderer/src/fields/probe.tsx',
    'libs/form-builder/src/probe.ts',
  ])('given `any` in %s, then lint fails', (file) => expect(anyErrors(file)).toBe(1));
});
