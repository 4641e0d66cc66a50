import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Real files from other tools (BPMN from other modelers, JSON Forms examples) are not ours to commit: CI lays
 * `shared/` beside the checkout, and a developer can point `KCBX_CORPUS_DIR` at a copy of `shared/corpus`.
 * Those two places and nothing else are searched, so a clone elsewhere never reads a stray machine path. A suite
 * whose corpus is absent does not run; it is named in the closing summary of `npm test` (never silently).
 */
export type CorpusName = 'bpmn-miwg' | 'forms/jsonforms';

/** `npm test` sets this to a file; each suite skipped for a missing corpus appends one line to it. */
export const SKIPPED_LOG_ENV = 'KCBX_SKIPPED_LOG';

function repoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root (nx.json) above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The folders searched for `shared/corpus`, in order. */
export function corpusSearch(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env.KCBX_CORPUS_DIR ? [path.resolve(env.KCBX_CORPUS_DIR)] : [];
  return [...fromEnv, path.join(repoRoot(__dirname), '..', 'shared', 'corpus')];
}

/** The corpus folder, or undefined when none of the searched places holds it. */
export function corpusDir(name: CorpusName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return corpusSearch(env)
    .map((root) => path.join(root, name))
    .find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

/**
 * `describe(title, …)` with the corpus folder when it is there. When it is not, the suite is recorded as skipped
 * for that reason (jest counts it, `npm test` names it) instead of failing a clone that has no `shared/` beside it.
 */
export function describeWithCorpus(name: CorpusName, title: string, body: (dir: string) => void): void {
  const dir = corpusDir(name);
  if (dir) {
    describe(title, () => body(dir));
    return;
  }
  const reason = `corpus ${name} not found (looked in ${corpusSearch().join(', ')}; set KCBX_CORPUS_DIR to a copy of shared/corpus)`;
  const log = process.env[SKIPPED_LOG_ENV];
  if (log) fs.appendFileSync(log, `${title} — ${reason}\n`);
  // Skipped on purpose: the corpus is outside the repository and absent here; the line above names the suite.
  describe.skip(`${title} (${reason})`, () => {
    it('needs the corpus', () => expect(dir).toBeDefined());
  });
}

/**
 * `describe` when what a suite needs from outside the repository's files is there (e.g. git history in a shallow
 * clone); otherwise skipped for the given reason, which `npm test` names in its closing lines, as for a corpus.
 */
export function describeWhen(available: boolean, title: string, reason: string, body: () => void): void {
  if (available) {
    describe(title, body);
    return;
  }
  const log = process.env[SKIPPED_LOG_ENV];
  if (log) fs.appendFileSync(log, `${title} — ${reason}\n`);
  // Skipped on purpose: what the suite needs is absent here; the line above names the suite and the reason.
  describe.skip(`${title} (${reason})`, () => {
    it('needs it', () => expect(available).toBe(true));
  });
}
