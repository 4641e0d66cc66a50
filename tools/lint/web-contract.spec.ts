import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

/** The web app imports the wire contract's types and lists from @kcbx/api-contract and declares no copy (eslint.config.mjs). */
const root = path.join(__dirname, '..', '..');

describe('the web declares no copy of a contract type (eslint)', () => {
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
    return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('given a web file declaring a contract interface, type, or enum-like list, then lint fails for each', () => {
    const copies = [
      'export interface KindCounts { total: number }',
      "export type LedgerKind = 'dropout' | 'unregistered';",
      "export const LEDGER_KINDS = ['dropout'] as const;",
      "export enum StudentStatus { Enrolled = 'enrolled' }",
    ].join('\n');
    const errors = errorsFor('apps/web/src/pages/probe.ts', copies);
    expect(errors).toHaveLength(4);
    expect(errors.join()).toMatch(/exported by @kcbx\/api-contract/);
  });

  it('given a web file importing them, or a component that only shares a name with a type, then lint passes', () => {
    const imports = [
      "import { LEDGER_KINDS, type KindCounts } from '@kcbx/api-contract';",
      'export const kinds: readonly string[] = LEDGER_KINDS;',
      'export const empty = (c: KindCounts) => c;',
      'export function Student() { return null; }',
      'interface LocalRow { id: string }',
      'export const row: LocalRow = { id: "1" };',
    ].join('\n');
    expect(errorsFor('apps/web/src/pages/probe.ts', imports)).toEqual([]);
  });

  it('given the API declaring its own type of the same name, then the rule does not apply there', () => {
    expect(errorsFor('apps/api/src/probe.ts', 'export interface KindCounts { total: number }')).toEqual([]);
  });
});
