import { execSync, spawnSync } from 'child_process';
import * as path from 'path';

/** A web component file stays short enough to read in one sitting: eslint's max-lines at 120 (eslint.config.mjs). */
const root = path.join(__dirname, '..', '..');

describe('web component files stay short (eslint)', () => {
  jest.setTimeout(60_000);
  beforeAll(() => {
    execSync('npx nx show projects', { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  const rulesFor = (file: string, lines: number): string[] => {
    const code = Array.from({ length: lines }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', file], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    return result.messages.map((m) => m.ruleId);
  };

  it('given a component of 121 lines, then lint fails; at 120 it passes', () => {
    expect(rulesFor('apps/web/src/pages/probe.tsx', 121)).toContain('max-lines');
    expect(rulesFor('apps/web/src/pages/probe.tsx', 120)).not.toContain('max-lines');
  });

  it('given a spec or a plain module of the same length, then the rule does not apply', () => {
    expect(rulesFor('apps/web/src/pages/probe.spec.tsx', 200)).not.toContain('max-lines');
    expect(rulesFor('apps/web/src/pages/probe.ts', 200)).not.toContain('max-lines');
  });
});
