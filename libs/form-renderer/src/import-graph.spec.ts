import * as fs from 'fs';
import * as path from 'path';

/** Relative imports of every source file (type-only imports are erased and cannot make a circle at run time). */
function importGraph(root: string): Map<string, string[]> {
  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f))
    .map((f) => path.join(root, f));
  const resolve = (from: string, spec: string) =>
    ['.ts', '.tsx', '/index.ts'].map((ext) => path.resolve(path.dirname(from), spec) + ext).find((f) => fs.existsSync(f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)]
      .map((m) => resolve(file, m[1]))
      .filter((f): f is string => !!f);
    graph.set(file, targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('form-renderer modules', () => {
  it('given the sources, when their imports are followed, then no module imports itself round a circle (the field registry breaks layout ⇄ fields)', () => {
    const root = __dirname;
    const cycle = findCycle(importGraph(root));
    expect(cycle?.map((f) => path.relative(root, f))).toBeUndefined();
  });

  it("given the sources, when searched, then only rhf-adapter.ts reads react-hook-form's private members", () => {
    const root = __dirname;
    // `control._formValues` and the same members reached otherwise (`const { _formState } = control`, `f._fields`)
    const privateMember =
      /control\._[a-zA-Z]|\b_(formValues|defaultValues|formState|fields|names|state|subjects|subscribe|options|proxyFormState|getWatch)\b/;
    const touching = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f))
      .filter((f) => privateMember.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(touching).toEqual(['rhf-adapter.ts']);
  });
});
