import * as fs from 'fs';
import * as path from 'path';
import {
  flattenResolverErrors,
  importFormJs,
  jsonObject,
  importJsonForms,
  importRjsf,
  resolveForm,
  safeKey,
  toResolverErrors,
  validateSubmission,
  type FieldPermissions,
  type FormDefinition,
} from '../src';
import { FIXTURES, studentReturn } from './load-fixture';
import { randomData, rng } from './random-data';
import { describeWithCorpus } from '@kcbx/test-corpora';

/**
 * Acceptance 1: the browser (the renderer's resolver, `resolveForm`) and the API (`validateSubmission`)
 * give the same verdict and the same field errors for random valid and invalid data, on every fixture.
 */
const readJson = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [path.basename(f, '.json'), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))] as const);

/** The fixtures committed with the library. */
function definitions(): FormDefinition[] {
  const out: FormDefinition[] = [studentReturn()];
  for (const [name, s] of readJson(path.join(FIXTURES, 'rjsf'))) out.push(importRjsf(s, { key: `rjsf-${name}` }).definition);
  for (const [name, s] of readJson(path.join(FIXTURES, 'form-js'))) out.push(importFormJs(s, { key: `formjs-${name}` }).definition);
  return out;
}

/** The JSON Forms examples of the shared corpus. */
const corpusDefinitions = (dir: string): FormDefinition[] =>
  readJson(dir).map(([name, s]) => importJsonForms(s, { key: safeKey(`jsonforms-${name}`) }).definition);

function sameVerdicts(definition: FormDefinition): void {
  const r = rng(definition.key.length * 7919);
  const runs = definition.key === 'student-return' ? 300 : 25;
  let invalid = 0;
  for (let i = 0; i < runs; i++) {
    const data = randomData(definition.schema, definition.schema, r);
    const server = serverView(definition, data);
    expect(browserView(definition, data)).toEqual(server);
    if (!server.valid) invalid++;
  }
  if (definition.key === 'student-return') expect(invalid).toBeGreaterThan(0);
}

function serverView(definition: FormDefinition, data: unknown, permissions?: FieldPermissions) {
  const result = validateSubmission(definition, data, { permissions });
  return { valid: result.valid, errors: flattenResolverErrors(toResolverErrors(result.errors, 'zh-CN')) };
}

function browserView(definition: FormDefinition, data: unknown, permissions?: FieldPermissions) {
  const { errors } = resolveForm(definition, data, { locale: 'zh-CN', permissions });
  const flat = flattenResolverErrors(errors);
  return { valid: Object.keys(flat).length === 0, errors: flat };
}

describe('browser and server agree', () => {
  const all = definitions();

  it.each(all.map((d) => [d.key, d] as const))('%s: random data gets one verdict', (_key, definition) => sameVerdicts(definition));

  it('agree under field permissions as well', () => {
    const definition = studentReturn();
    const permissions: FieldPermissions = { name: 'readonly', reviewerComment: 'hidden', 'guardians.*.phone': 'readonly' };
    const r = rng(42);
    for (let i = 0; i < 200; i++) {
      const data = randomData(definition.schema, definition.schema, r);
      // The browser never sends hidden or read-only values (the server takes them from previousData).
      const record = jsonObject(data);
      if (record) {
        delete record.reviewerComment;
        delete record.name;
        if (Array.isArray(record.guardians)) for (const g of record.guardians) delete jsonObject(g)?.phone;
      }
      expect(browserView(definition, data, permissions)).toEqual(serverView(definition, data, permissions));
    }
  });
});

describeWithCorpus('forms/jsonforms', 'browser and server agree on the JSON Forms examples', (dir) => {
  it.each(corpusDefinitions(dir).map((d) => [d.key, d] as const))('%s: random data gets one verdict', (_key, definition) =>
    sameVerdicts(definition),
  );
});
