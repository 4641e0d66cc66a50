import { basename, join, relative, sep } from 'node:path';
import { importGraph } from './import-graph';

/**
 * The API's folders in layers, lowest first (ARCHITECTURE.md "Layers"). A file may import its own folder and any
 * folder of a lower layer — never one of its own layer or above, so a feature can be read and changed without
 * the ones built on it. Entry files (the app module, the factory, `main.ts` and every `*-main.ts` process entry)
 * sit above everything; nothing but another entry file imports them.
 */
export const API_LAYERS: string[][] = [
  ['common', 'config'],
  ['database', 'tool-main'],
  ['audit-log'],
  ['identity', 'backup'],
  [
    'calendar',
    'org',
    'audit',
    'attachments',
    'first-admin',
    'regions',
    'health',
    'monitoring',
    'data-export',
    'web-app',
    'outbox',
    'retention',
  ],
  ['engine'],
  ['task-visibility'],
  // below the ledgers: a service task's notices are written in the step's transaction (#14 point 11)
  ['notifications'],
  ['imports', 'students', 'ledgers'],
  ['registers', 'comparison', 'visit-assignments'],
  ['workflow'],
  ['case-file', 'forms-design', 'county-package', 'dashboard', 'external-tasks', 'rectification'],
  // period reports and 三统一 read the dashboard's ledger figures as of a date
  ['reports'],
  ['seed'],
  ['startup'],
];

const src = join(__dirname, '..', '..', 'apps', 'api', 'src');
const ENTRY = Number.MAX_SAFE_INTEGER;

const folderOf = (file: string) => relative(src, file).split(sep)[0];
const isEntry = (file: string) =>
  ['app.module.ts', 'app.factory.ts', 'main.ts'].includes(relative(src, file)) || basename(file).endsWith('-main.ts');

function layerOf(file: string): number {
  if (isEntry(file)) return ENTRY;
  return API_LAYERS.findIndex((folders) => folders.includes(folderOf(file)));
}

/** every import that runs sideways or upward, as "from → to" */
export function violations(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => folderOf(to) !== folderOf(from) || isEntry(to))
      .filter((to) => (isEntry(to) ? !isEntry(from) : layerOf(to) >= layerOf(from)))
      .map((to) => `${relative(src, from)} → ${relative(src, to)}`),
  );
}

describe('apps/api/src layers', () => {
  const graph = importGraph(src);

  it('given every file, then its folder has a layer (a new folder is placed on purpose)', () => {
    const unplaced = [...graph.keys()].filter((f) => layerOf(f) < 0).map((f) => relative(src, f));
    expect(unplaced).toEqual([]);
  });

  it('given every import, then none runs sideways or upward', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(violations(graph)).toEqual([]);
  });

  it('given an upward, a sideways and an entry import, then each is found (the check itself works)', () => {
    const at = (path: string) => join(src, path);
    const probe = new Map([
      [at('database/x.ts'), [at('seed/y.ts'), at('config/app-config.ts')]],
      [at('students/x.ts'), [at('ledgers/y.ts'), at('students/z.ts')]],
      [at('county-package/x.ts'), [at('app.module.ts')]],
      [at('county-package/seed-main.ts'), [at('app.module.ts')]],
    ]);
    expect(violations(probe)).toEqual(['database/x.ts → seed/y.ts', 'students/x.ts → ledgers/y.ts', 'county-package/x.ts → app.module.ts']);
  });
});
