import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * No import circles in the engine and its TypeORM store: a module in a circle cannot be read, tested or
 * changed on its own, and the order in which its parts initialise depends on who imports first. Type-only
 * imports count too — they tie the modules together for a reader just the same.
 */
const LIBS = [join(__dirname), join(__dirname, '..', '..', 'engine-store-typeorm', 'src')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !/\.(spec|int-spec|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** the files a module imports from its own library (relative specifiers; packages are leaves) */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const target = resolve(dirname(file), spec);
      return existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts');
    });
}

/** strongly connected components with more than one module (Tarjan), i.e. the circles */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('module graph', () => {
  it.each(LIBS.map((dir) => [relative(join(__dirname, '..', '..', '..'), dir), dir]))(
    'given %s, then no module imports itself through others',
    (_name, dir) => {
      const graph = new Map(sourceFiles(dir).map((file) => [file, localImports(file)]));
      expect(graph.size).toBeGreaterThan(5);
      expect(circles(graph).map((c) => c.map((file) => relative(dir, file)).sort())).toEqual([]);
    },
  );

  it('given a circle, then it is found (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(circles(graph).map((c) => c.sort())).toEqual([['a', 'b', 'c']]);
  });
});
