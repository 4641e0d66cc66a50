import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { sourceFiles } from './import-graph';

/**
 * apps/web/vite.config.mts tells the bundler that the form libraries run nothing when imported, so a page that
 * uses two of their helpers leaves the renderer and ajv out (issue #19). That holds while no module of theirs has
 * a bare import (`import './x'`) or a top-level statement other than declarations, imports and exports; a module
 * that registers itself or patches a global on import would be dropped silently. This keeps it true.
 */
const root = join(__dirname, '..', '..');
const PURE_LIBS = ['forms', 'form-renderer', 'cn-codes'];

function sideEffects(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const s of source.statements) {
    const line = source.getLineAndCharacterOfPosition(s.getStart()).line + 1;
    const where = `${relative(root, file)}:${line}`;
    if (ts.isImportDeclaration(s)) {
      if (!s.importClause) found.push(`${where} bare import`);
    } else if (ts.isExpressionStatement(s) || ts.isIfStatement(s) || ts.isForStatement(s) || ts.isForOfStatement(s)) {
      found.push(`${where} top-level statement`);
    }
  }
  return found;
}

describe('the form libraries run nothing on import', () => {
  it.each(PURE_LIBS)('libs/%s', (lib) => {
    const files = sourceFiles(join(root, 'libs', lib, 'src'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(sideEffects)).toEqual([]);
  });
});
