import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  applyDefaults,
  controlLabel,
  flattenResolverErrors,
  importFormJs,
  importJsonForms,
  importRjsf,
  isLayout,
  pointerTokens,
  safeKey,
  schemaAtPointer,
  scopeToDataPath,
  toResolverErrors,
  validateFormData,
  validateSubmission,
  valueAt,
  type FormDefinition,
  type ImportResult,
  type UiElement,
} from '@kcbx/forms';
import { launchBrowser } from './support/browser';
import { harnessPage } from './support/form-harness-page';
import { ensureHarnessBuilt } from './support/harness';
import { repoRoot } from './support/paths';
import { corpusDir, describeWithCorpus } from '@kcbx/test-corpora';

/**
 * Issue #4, acceptance 2: every imported fixture (react-jsonschema-form playground samples, Camunda form-js
 * schemas, the JSON Forms examples of the shared corpus) imports, renders in Chromium with its sample data
 * (its unconditional top-level fields under their labels, no page or console error), and submits with the
 * verdict `validateSubmission` gives for the values the form holds, each of the API's messages on screen (at
 * its field, or in the form's list of errors without a field). What does not map is listed in
 * libs/forms/test/fixtures/UNMAPPED.md, which the last test regenerates and compares (UPDATE_FIXTURE_REPORT=1
 * rewrites it). One browser page for all: the harness swaps definitions.
 */

const FIXTURES = path.join(repoRoot, 'libs/forms/test/fixtures');
const REPORT = path.join(FIXTURES, 'UNMAPPED.md');

interface Fixture {
  group: 'rjsf' | 'form-js' | 'jsonforms';
  file: string;
  dir: string;
  load: (source: any) => ImportResult;
}

const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
const base = (file: string) => path.basename(file, '.json');
const rjsfDir = path.join(FIXTURES, 'rjsf');
const formJsDir = path.join(FIXTURES, 'form-js');
// Absent in a clone without shared/ beside it: the suite below is then skipped and named by `npm test`.
const jsonFormsDir = corpusDir('forms/jsonforms');
const fixtures: Fixture[] = [
  ...jsonFiles(rjsfDir).map((file) => ({
    group: 'rjsf' as const,
    file,
    dir: rjsfDir,
    load: (s: any) => importRjsf(s, { key: `rjsf-${base(file)}` }),
  })),
  ...jsonFiles(formJsDir).map((file) => ({
    group: 'form-js' as const,
    file,
    dir: formJsDir,
    load: (s: any) => importFormJs(s, { key: `formjs-${base(file)}` }),
  })),
  ...(jsonFormsDir ? jsonFiles(jsonFormsDir) : []).map((file) => ({
    group: 'jsonforms' as const,
    file,
    dir: jsonFormsDir ?? '',
    load: (s: any) => importJsonForms(s, { key: safeKey(`jsonforms-${base(file)}`) }),
  })),
];
const idOf = (f: Fixture) => `${f.group}/${f.file}`;

/**
 * Sample data that is invalid on purpose (the node specs in libs/forms/test give the reasons), with the fields
 * the schema refuses. Every other sample must submit cleanly unless the form changed it on its way (a value
 * with no field, an empty object it added): then UNMAPPED.md says so. form-js schemas carry no sample data:
 * they start empty (plus their defaults), so their required fields are what is refused.
 */
const INVALID_SAMPLES: Record<string, string[]> = {
  'rjsf/ifThenElse.json': ['/animal', '/food', '/water'],
  'rjsf/references.json': ['/contact'],
  'rjsf/arrays.json': ['/defaultsAndMinItems'],
  'jsonforms/1884.json': ['/age'],
  'jsonforms/additional-errors.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/array-i18n.json': ['/comments/0/message', '/comments/1/message'],
  'jsonforms/array-with-detail-and-rule.json': ['/nationality', '/comments/0/message', '/comments/1/message'],
  'jsonforms/array-with-detail.json': ['/occupation', '/nationality', '/comments/0/message', '/comments/1/message'],
  'jsonforms/array-with-sorting.json': ['/comments/0/message', '/comments/1/message'],
  'jsonforms/array.json': ['/comments/0/message', '/comments/1/message', '/comments/1/oneOfEnum'],
  'jsonforms/categorization_1713.json': ['/experiments'],
  'jsonforms/control-options.json': ['/hideRequiredAsterisk'],
  'jsonforms/enum.json': ['/enumWithError', '/oneOfEnumWithError'],
  'jsonforms/ifthenelse.json': ['/c'],
  'jsonforms/layout-complex.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/layout-group.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/layout-horizontal.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/layout-vertical.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/list-with-detail-no-labelref.json': [
    '/orders/0/customer/name',
    '/orders/0/processId',
    '/orders/1/customer/name',
    '/orders/1/processId',
  ],
  'jsonforms/list-with-detail.json': ['/orders/0/customer/name', '/orders/0/processId', '/orders/1/customer/name', '/orders/1/processId'],
  'jsonforms/login.json': ['/password'],
  'jsonforms/onChange.json': ['/name', '/description'],
  'jsonforms/oneOf_1265_array.json': ['/coloursOrNumbers/0', '/coloursOrNumbers'],
  'jsonforms/oneOf_1265_object.json': ['/coloursOrNumbers/colour', '/coloursOrNumbers'],
  'jsonforms/oneOf_1265_simple.json': ['/coloursOrNumbers'],
  'jsonforms/oneOf_1273.json': ['/quantity/value', '/quantity/valueHigh', '/quantity'],
  'jsonforms/person.json': ['/occupation', '/nationality', '/personalData/height'],
  'jsonforms/stringArray.json': ['/comments/0', '/comments/1'],
  'jsonforms/text.json': ['/zipCodeWithoutTrim', '/zipCodeWithoutRestrict'],
  'jsonforms/validation-nested-same-name.json': ['/name/name/name'],
};

interface ExpectedField {
  name: string;
  label?: string;
}

/** The controls a clerk always sees at the form's top level (not under a rule), with the label each shows. */
function expectedFields(definition: FormDefinition): ExpectedField[] {
  const out: ExpectedField[] = [];
  const walk = (element: UiElement, ruled: boolean) => {
    if (element.rule) ruled = true;
    if (element.type === 'Control') {
      const dataPath = scopeToDataPath(element.scope);
      const schema = schemaAtPointer(definition.schema, element.scope);
      if (ruled || dataPath === '' || dataPath.includes('*') || schema === undefined) return;
      out.push({
        name: pointerTokens(dataPath).join('.'),
        label: element.label === false ? undefined : controlLabel(element, schema, dataPath).zh,
      });
    } else if (isLayout(element)) {
      for (const child of element.elements ?? []) walk(child, ruled);
    }
  };
  walk(definition.uiSchema, false);
  return out;
}

const nameToPointer = (name: string) =>
  name === ''
    ? ''
    : `/${name
        .split('.')
        .map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/')}`;

/** The API's verdict, in the shape the renderer shows it (one message per field, the first). */
function serverErrors(definition: FormDefinition, data: unknown): Record<string, string> {
  const result = validateSubmission(definition, data);
  const flat = flattenResolverErrors(toResolverErrors(result.errors, 'zh-CN'));
  expect(result.valid).toBe(Object.keys(flat).length === 0);
  return flat;
}

interface Item {
  by: 'importer' | 'browser';
  path: string;
  reason: string;
}

/** What the browser changed in the sample data on its way to the API (both with the schema defaults filled). */
function dataDifferences(sample: unknown, sent: unknown, at = ''): Item[] {
  if (JSON.stringify(sample) === JSON.stringify(sent)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
  if (isObj(sample) && isObj(sent) && Array.isArray(sample) === Array.isArray(sent)) {
    const keys = [...new Set([...Object.keys(sample), ...Object.keys(sent)])];
    return keys.flatMap((k) =>
      dataDifferences((sample as any)[k], (sent as any)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  const path = at || '/';
  const json = (v: unknown) => (JSON.stringify(v) ?? 'undefined').replace(/^(.{60}).+$/s, '$1…');
  if (sent === undefined)
    return [{ by: 'browser', path, reason: `sample value ${json(sample)} is not submitted (no field on the form holds it)` }];
  if (sample === undefined) return [{ by: 'browser', path, reason: `submitted as ${json(sent)}, which the sample does not have` }];
  return [{ by: 'browser', path, reason: `sample value ${json(sample)} is submitted as ${json(sent)}` }];
}

/** Only empty lists and objects, however nested ({"a": [], "b": {}}). */
function isEmptyShape(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isEmptyShape);
  if (value && typeof value === 'object') return Object.values(value).every(isEmptyShape);
  return false;
}

/** Per fixture: what the importer could not map, and what the browser could not show or keep. */
const report = new Map<string, Item[]>();

let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ensureHarnessBuilt();
  browser = await launchBrowser();
  ({ context, page } = await harnessPage(browser));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

type HarnessWindow = Window & { __mount: (c: unknown) => void };

/** Mounts a definition with data; waits for the new form (not the previous fixture's) to be in the page. */
async function mountFresh(definition: FormDefinition, data: Record<string, unknown>): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.kcbx-form').forEach((f) => f.setAttribute('data-stale', '1')));
  await page.evaluate((c) => (window as unknown as HarnessWindow).__mount(c), { definition, data });
  await page.locator('.kcbx-form:not([data-stale])').waitFor();
}

describeWithCorpus('forms/jsonforms', 'imported fixtures in the browser', () => {
  it('covers every fixture, the JSON Forms examples the issue names among them', () => {
    expect(fixtures.filter((f) => f.group === 'rjsf').map((f) => base(f.file))).toEqual([
      'arrays',
      'date',
      'files',
      'ifThenElse',
      'large',
      'nested',
      'propertyDependencies',
      'references',
      'schemaDependencies',
      'simple',
    ]);
    expect(fixtures.filter((f) => f.group === 'form-js')).toHaveLength(8);
    expect(fixtures.filter((f) => f.group === 'jsonforms')).toHaveLength(74);
    const sources = fixtures
      .filter((f) => f.group === 'jsonforms')
      .map((f) => JSON.parse(fs.readFileSync(path.join(f.dir, f.file), 'utf8')).source as string);
    for (const example of [
      'person',
      'rule',
      'ruleInheritance',
      'categorization',
      'categorization-stepper',
      'arrays-with-detail-and-rule',
      'nestedArrays',
      'list-with-detail',
      'huge',
    ]) {
      expect(sources).toContain(`eclipsesource/jsonforms packages/examples/src/examples/${example}.ts`);
    }
  });

  it.each(fixtures.map((f) => [idOf(f), f] as const))(
    '%s: imports, renders its sample data and submits as the API judges',
    async (id, fixture) => {
      const source = JSON.parse(fs.readFileSync(path.join(fixture.dir, fixture.file), 'utf8'));
      const { definition, unmapped, data } = fixture.load(source);
      const sample = (data ?? {}) as Record<string, unknown>;
      const items: Item[] = unmapped.map((u) => ({ by: 'importer', path: u.path, reason: u.reason }));
      report.set(id, items);

      problems.length = 0;
      await mountFresh(definition, sample);

      // The fields: every unconditional top-level control has its frame, under its label.
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.kcbx-form .kcbx-field[data-field]')].map((el) => ({
          name: el.getAttribute('data-field')!,
          label: el.querySelector(':scope > .kcbx-field-label')?.textContent?.replace(/^\*/, '') ?? undefined,
          visible: (el as HTMLElement).offsetParent !== null,
          unsupported: !!el.querySelector(':scope > .kcbx-unsupported, :scope > .kcbx-too-deep'),
        })),
      );
      const expected = expectedFields(definition);
      const missing = expected.filter((e) => !shown.some((s) => s.name === e.name && s.label === e.label));
      expect(missing.map((e) => ({ ...e, shown: shown.filter((s) => s.name === e.name).map((s) => s.label) }))).toEqual([]);
      if (expected.length > 0) expect(shown.filter((s) => s.visible).length).toBeGreaterThan(0);
      for (const s of shown)
        if (s.unsupported)
          items.push({ by: 'browser', path: nameToPointer(s.name), reason: 'no widget for this schema: the field shows "—"' });

      // Submit: the browser's verdict is the API's for the values the form holds, and each message shown is the API's.
      await page.getByRole('button', { name: '提交' }).click();
      await page.waitForFunction(() =>
        ['submitted', 'refused'].some((id) => (document.querySelector(`[data-testid=${id}]`)?.textContent ?? '') !== ''),
      );
      const submittedText = await page.getByTestId('submitted').textContent();
      const accepted = submittedText !== '';
      const values = JSON.parse(accepted ? submittedText! : (await page.getByTestId('refused').textContent())!);
      const server = serverErrors(definition, values);
      expect(accepted).toBe(Object.keys(server).length === 0);
      // Every error is in front of the clerk with the API's message: at its field, or, when the form has no field
      // for it, in the list above the submit button (which marks the submit it has looked over).
      await page.locator('.kcbx-form .kcbx-unshown-errors[data-checked="1"]').waitFor({ state: 'attached' });
      const atFields = await page.evaluate(() =>
        [...document.querySelectorAll('.kcbx-form .kcbx-field[data-field]')]
          .map((el) => [el.getAttribute('data-field')!, el.querySelector(':scope > .kcbx-field-message')?.textContent ?? ''] as const)
          .filter(([, m]) => m !== ''),
      );
      const listed = await page.evaluate(() =>
        [...document.querySelectorAll('.kcbx-form [data-field-error]')].map(
          (el) => [el.getAttribute('data-field-error')!, el.querySelector('.kcbx-unshown-message')?.textContent ?? ''] as const,
        ),
      );
      const shownErrors = Object.fromEntries([...atFields.map(([n, m]) => [nameToPointer(n), m] as const), ...listed]);
      expect(atFields.length + listed.length).toBe(Object.keys(shownErrors).length); // each error in one place
      // Property names the form cannot hold (the importer lists them) put values where the schema does not have
      // them; the API then refuses more than the browser checks, and those errors are listed.
      const unholdable = unmapped.some((u) => u.reason.includes('cannot name a form field'));
      if (unholdable) {
        expect(shownErrors).toEqual(Object.fromEntries(Object.keys(shownErrors).map((p) => [p, server[p]])));
        for (const [p, m] of Object.entries(server))
          if (!(p in shownErrors))
            items.push({
              by: 'browser',
              path: p || '/',
              reason: `the API refuses "${m}" here; the browser does not check it (its values are not where the schema has them)`,
            });
      } else {
        expect(shownErrors).toEqual(server);
      }
      for (const [p, m] of listed)
        items.push({
          by: 'browser',
          path: p || '/',
          reason: `no field on the form for this error ("${m}"): the form lists it above the submit button`,
        });

      // The sample: invalid exactly where the fixture means it to be (form-js schemas have none), and what the
      // browser changed on its way to the API is listed; an unchanged sample meant to be valid must be accepted.
      const filled = applyDefaults(definition.schema, sample) as Record<string, unknown>;
      const changed = dataDifferences(filled, values);
      // Empty lists and objects the form adds (a table with no rows, an object no field of which is filled) are
      // one row per fixture; everything else the form changed is a row of its own.
      const added = changed.filter((c) => c.reason.startsWith('submitted as ') && isEmptyShape(valueAt(values, c.path)));
      items.push(...changed.filter((c) => !added.includes(c)));
      if (added.length) {
        const paths = added.map((c) => c.path);
        const shown = paths.length > 8 ? `${paths.slice(0, 8).join(', ')} and ${paths.length - 8} more` : paths.join(', ');
        items.push({
          by: 'browser',
          path: paths[0],
          reason: `the form adds empty lists or objects the sample does not have, at ${paths.length === 1 ? 'this place' : `${paths.length} places: ${shown}`}`,
        });
      }
      if (fixture.group !== 'form-js') {
        // as the node specs judge it: the schema alone (the API also refuses undeclared properties, which the
        // browser never sends; those show up above as sample values not submitted)
        const invalidAt = [...new Set(validateFormData(definition, filled).errors.map((e) => e.path))];
        expect(invalidAt.sort()).toEqual([...(INVALID_SAMPLES[id] ?? [])].sort());
        if (!INVALID_SAMPLES[id] && changed.length === 0) expect(server).toEqual({});
        // a verdict other than the sample's own comes from those changes, and is said
        if (!INVALID_SAMPLES[id] && !accepted)
          items.push({ by: 'browser', path: '/', reason: 'the sample is valid, but with the changes above the form refuses it' });
        if (INVALID_SAMPLES[id] && accepted)
          items.push({
            by: 'browser',
            path: '/',
            reason: `the sample is invalid (at ${INVALID_SAMPLES[id].join(', ')}), but the form does not submit those values and passes`,
          });
      }
      expect(problems).toEqual([]);
    },
  );

  it('libs/forms/test/fixtures/UNMAPPED.md lists what does not map, fixture by fixture', () => {
    expect(fixtures.filter((f) => !report.has(idOf(f))).map(idOf)).toEqual([]); // run the whole file, not a part
    const text = reportText();
    if (process.env.UPDATE_FIXTURE_REPORT === '1') fs.writeFileSync(REPORT, text);
    const committed = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '';
    if (committed !== text) {
      const before = new Set(committed.split('\n'));
      const after = new Set(text.split('\n'));
      const diff = [
        ...[...before].filter((l) => !after.has(l)).map((l) => `- ${l}`),
        ...[...after].filter((l) => !before.has(l)).map((l) => `+ ${l}`),
      ];
      throw new Error(
        `${path.relative(repoRoot, REPORT)} is out of date; rewrite it with UPDATE_FIXTURE_REPORT=1 and review the change:\n${diff.join('\n')}`,
      );
    }
  });
});

const GROUPS: Array<{ group: Fixture['group']; title: string; where: string }> = [
  { group: 'rjsf', title: 'react-jsonschema-form playground samples', where: 'libs/forms/test/fixtures/rjsf' },
  { group: 'form-js', title: 'Camunda form-js schemas (no sample data: they start empty)', where: 'libs/forms/test/fixtures/form-js' },
  { group: 'jsonforms', title: 'JSON Forms examples', where: 'shared/corpus/forms/jsonforms' },
];

function reportText(): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const lines = [
    '# What the imported fixtures do not map',
    '',
    'Generated by `apps/web-e2e/src/form-fixtures.e2e.ts`, which fails while this file is out of date; rewrite it with',
    '`UPDATE_FIXTURE_REPORT=1 npx jest -c apps/web-e2e/jest.config.js apps/web-e2e/src/form-fixtures.e2e.ts`.',
    '',
    'Each fixture is imported by `@kcbx/forms` (**importer** rows: what it could not map, with its reason), then rendered',
    'in Chromium by `FormRenderer` with its sample data and submitted (**browser** rows: a field with no widget, a sample',
    'value the form does not submit or submits changed, an error with no field on the form, which the form then lists',
    'above its submit button).',
    'The browser’s verdict and the errors it shows equal `validateSubmission` for the values it submitted (where',
    'property names cannot name a form field, the API refuses more: those rows say so).',
    '',
    '| source | fixtures | with items | importer items | browser items |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const g of GROUPS) {
    const ids = fixtures.filter((f) => f.group === g.group).map(idOf);
    const all = ids.flatMap((id) => report.get(id) ?? []);
    const withItems = ids.filter((id) => (report.get(id) ?? []).length > 0).length;
    lines.push(
      `| ${g.title.replace(/ \(.*\)$/, '')} | ${ids.length} | ${withItems} | ${all.filter((i) => i.by === 'importer').length} | ${all.filter((i) => i.by === 'browser').length} |`,
    );
  }
  for (const g of GROUPS) {
    lines.push(
      '',
      `## ${g.title}`,
      '',
      `From \`${g.where}\`.`,
      '',
      '| fixture | found by | path | what does not map |',
      '| --- | --- | --- | --- |',
    );
    for (const f of fixtures.filter((x) => x.group === g.group)) {
      const items = report.get(idOf(f)) ?? [];
      if (items.length === 0) lines.push(`| ${f.file} | | | everything maps |`);
      for (const i of items) lines.push(`| ${f.file} | ${i.by} | \`${cell(i.path)}\` | ${cell(i.reason)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
