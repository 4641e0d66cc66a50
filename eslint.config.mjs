// Module boundaries are enforced here, not by convention: see ARCHITECTURE.md "Boundaries".
import nx from '@nx/eslint-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

const frameworks = [
  '@nestjs/*',
  'typeorm',
  'express',
  'pg',
  'better-sqlite3',
  'react',
  'react-dom',
  'react-*',
  'antd',
  '@ant-design/*',
  'bpmn-js',
  'bpmn-js-*',
];

// Where the API talks SQL (ARCHITECTURE.md "The API in layers"): repositories, the database layer, the engine's
// wiring and the task-visibility rule. Elsewhere importing TypeORM's DataSource or EntityManager, or naming an
// engine table (bpmn_*), is a lint error.
const SQL_PLACES = [
  'apps/api/src/database/**',
  'apps/api/src/**/*.repository.ts',
  'apps/api/src/engine/**',
  'apps/api/src/task-visibility/**',
  // the county's complete export reads every table, the engine's included, in one snapshot: that is its job
  'apps/api/src/data-export/**',
];
const sqlOutsideRepositories = {
  paths: [
    {
      name: 'typeorm',
      importNames: ['DataSource', 'EntityManager'],
      message: 'Only repositories (*.repository.ts) and database/ use the DataSource: move this SQL into a repository.',
    },
  ],
};
const engineTableMessage = 'Engine tables (bpmn_*) are read through @kcbx/engine-store-typeorm, not named in the API.';

// What the wire contract (libs/api-contract) exports, read from its sources: the web imports these, never declares
// its own copy (a copy drifts from the API without the compiler noticing). Types and enums by name; values (the
// enum-like lists such as LEDGER_KINDS and their guards) by name too.
const CONTRACT_DIR = 'libs/api-contract/src';
function contractExports() {
  const types = new Set();
  const values = new Set();
  for (const file of readdirSync(CONTRACT_DIR).filter((f) => f.endsWith('.ts') && !/\.spec\.ts$/.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(`${CONTRACT_DIR}/${file}`, 'utf8'), ts.ScriptTarget.Latest);
    for (const node of source.statements) {
      if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) types.add(node.name.text);
      else if (ts.isEnumDeclaration(node)) (types.add(node.name.text), values.add(node.name.text));
      else if (ts.isFunctionDeclaration(node) && node.name) values.add(node.name.text);
      else if (ts.isClassDeclaration(node) && node.name) (types.add(node.name.text), values.add(node.name.text));
      else if (ts.isVariableStatement(node))
        for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) values.add(d.name.text);
    }
  }
  return { types: [...types].sort(), values: [...values].sort() };
}
const contract = contractExports();
const named = (names) => `/^(${names.join('|')})$/`;
const contractCopyMessage = 'This name is exported by @kcbx/api-contract: import it from there instead of declaring a copy in the web app.';
const contractCopies = [
  ...['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSEnumDeclaration', 'ClassDeclaration'].map((node) => ({
    selector: `${node}[id.name=${named(contract.types)}]`,
    message: contractCopyMessage,
  })),
  ...['VariableDeclarator', 'FunctionDeclaration'].map((node) => ({
    selector: `${node}[id.name=${named(contract.values)}]`,
    message: contractCopyMessage,
  })),
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'framework:none', bannedExternalImports: frameworks },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [...SQL_PLACES, 'apps/api/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', sqlOutsideRepositories] },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [...SQL_PLACES, 'apps/api/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/\\bbpmn_/]', message: engineTableMessage },
        { selector: 'TemplateElement[value.raw=/\\bbpmn_/]', message: engineTableMessage },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...contractCopies] },
  },
  // A component file is read in one sitting (issue #15): a page that grows splits into its tables, dialogs and hooks.
  {
    files: ['apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/**/*.spec.tsx'],
    rules: { 'max-lines': ['error', { max: 120 }] },
  },
  // The libraries are read on their own, so every value crossing them is typed (the engine's moddle elements
  // through model/moddle.ts's ModdleElement): `any` is an error there. The three form libraries still hold
  // JSON Schema values typed `any` (issue #15) and come under the rule once those are typed.
  {
    files: ['libs/**/*.ts', 'libs/**/*.tsx'],
    ignores: ['libs/forms/**', 'libs/form-renderer/**', 'libs/form-builder/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
];
