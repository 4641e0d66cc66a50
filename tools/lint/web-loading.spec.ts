import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { sourceFiles } from './import-graph';

/**
 * Pages load data one way (issue #15): through useLoad, or LatestRequest for a load a user's action starts, so a
 * slow answer never overwrites a newer one. A useEffect that calls the API client itself is the shape that lets
 * it happen; this finds every such call in apps/web/src.
 */
const root = join(__dirname, '..', '..');
const webSrc = join(root, 'apps', 'web', 'src');
const apiDir = join(webSrc, 'api');
const ALLOWED = new Set([
  join(webSrc, 'util', 'useLoad.ts'),
  // the session's start: one /me at mount with no inputs that change (nothing can answer out of order), plus the
  // token plumbing (unauthorised handler, refresh timer) that is not a data load at all
  join(webSrc, 'auth', 'auth.tsx'),
]);

/** the shared client (apps/web/src/api/*) or a page folder's own endpoints (pages/ledgers/ledgersApi.ts, …) */
const isApiModule = (target: string): boolean => target.startsWith(apiDir) || /Api(\.ts)?$/.test(target);

/** names a file imports from the web's API client, including namespace imports */
function apiNames(file: string, source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const spec = statement.moduleSpecifier.text;
    if (!spec.startsWith('.') || !isApiModule(resolve(dirname(file), spec))) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) bindings.elements.filter((e) => !e.isTypeOnly).forEach((e) => names.add(e.name.text));
  }
  return names;
}

/** the leftmost identifier of a call's callee: `api.get(...)` → api, `listUsers(...)` → listUsers */
function calleeRoot(expression: ts.Expression): string | undefined {
  let node: ts.Expression = expression;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? node.text : undefined;
}

/** `requests.run(…)` / `latest.current.run(…)`: a load handed to LatestRequest, which drops late answers */
const isLatestRequestRun = (n: ts.CallExpression): boolean =>
  ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'run';

/** the calls in `node` whose callee starts with one of `names`, outside loads handed to LatestRequest */
function calls(node: ts.Node, names: Set<string>): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && isLatestRequestRun(n)) return;
    // a callback handed to a constructor is kept for later (bpmn-js's catalog asks for a form's fields on demand)
    if (ts.isNewExpression(n)) return;
    if (ts.isCallExpression(n)) {
      const name = calleeRoot(n.expression);
      if (name && names.has(name)) found.push(n);
    }
    ts.forEachChild(n, walk);
  };
  walk(node);
  return found;
}

/**
 * The file's own functions that reach the API client, directly or through each other (`const load = () =>
 * api.get(…)` called from an effect is the same fetch), added to `names` until nothing new is found.
 */
function addLoaders(source: ts.SourceFile, names: Set<string>): void {
  const functions: [string, ts.Node][] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body) functions.push([n.name.text, n.body]);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) functions.push([n.name.text, n.initializer]);
    ts.forEachChild(n, collect);
  };
  collect(source);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, body] of functions) {
      if (!names.has(name) && calls(body, names).length > 0) {
        names.add(name);
        grew = true;
      }
    }
  }
}

export function fetchesInEffects(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = apiNames(file, source);
  if (names.size === 0) return [];
  addLoaders(source, names);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && calleeRoot(node.expression) === 'useEffect' && node.arguments[0]) {
      for (const call of calls(node.arguments[0], names)) {
        const { line } = source.getLineAndCharacterOfPosition(call.getStart());
        found.push(`${relative(root, file)}:${line + 1} ${calleeRoot(call.expression)}`);
      }
    } else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web pages load data through useLoad', () => {
  it('given every source file of the web app, then no useEffect calls the API client itself', () => {
    const offenders = sourceFiles(webSrc)
      .filter((f) => !ALLOWED.has(f))
      .flatMap(fetchesInEffects);
    expect(offenders).toEqual([]);
  });
});
