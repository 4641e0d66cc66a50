import * as fs from 'fs';
import * as path from 'path';
import {
  applyDefaults,
  checkDefinition,
  importRjsf,
  validateFormData,
  validateSubmission,
  type FormDefinition,
  type LayoutElement,
} from '../src';

const elementsOf = (definition: FormDefinition) => (definition.uiSchema as LayoutElement).elements;
const controlAt = (definition: FormDefinition, scope: string) =>
  elementsOf(definition).find((e) => e.type === 'Control' && e.scope === scope);
import { FIXTURES } from './load-fixture';

/**
 * The react-jsonschema-form playground samples (fixtures/rjsf, see its README) import into definitions our
 * checks accept; their formData (with schema defaults applied, as rjsf and our renderer do) validates the
 * same on the "server" path; unmapped items are listed in the snapshot.
 */
const dir = path.join(FIXTURES, 'rjsf');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Sample data that is invalid upstream too. */
const INVALID_UPSTREAM: Record<string, string[]> = {
  // formData is {}: `animal` is required, and both `if`s hold vacuously while animal is absent.
  'ifThenElse.json': ['/animal', '/food', '/water'],
  // `contact` matches both oneOf branches (same property names) — the sample's point; ajv says oneOf fails.
  'references.json': ['/contact'],
  // the default ['carp', 'trout', 'bream'] is shorter than the list's minItems 5.
  'arrays.json': ['/defaultsAndMinItems'],
};

describe('rjsf playground samples', () => {
  it('holds the ten named samples', () => {
    expect(files).toEqual(
      [
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
      ].map((n) => `${n}.json`),
    );
  });

  it.each(files)('%s imports and validates its formData', (file) => {
    const sample = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const { definition, unmapped, data } = importRjsf(sample, { key: `rjsf-${path.basename(file, '.json')}` });
    expect(checkDefinition(definition)).toEqual([]);
    const filled = applyDefaults(definition.schema, data);
    const browser = validateFormData(definition, filled);
    const server = validateSubmission(definition, filled);
    expect(server.errors).toEqual(browser.errors);
    expect([...new Set(browser.errors.map((e) => e.path))].sort()).toEqual((INVALID_UPSTREAM[file] ?? []).sort());
    expect(unmapped.map((u) => `${u.path}: ${u.reason}`)).toMatchSnapshot();
  });

  it('maps widgets, order, labels and conditional fields', () => {
    const simple = importRjsf(JSON.parse(fs.readFileSync(path.join(dir, 'simple.json'), 'utf8')), { key: 'simple' }).definition;
    expect(controlAt(simple, '#/properties/bio')?.options).toEqual({ multi: true });
    expect(controlAt(simple, '#/properties/password')?.options).toEqual({ format: 'password' });
    expect(controlAt(simple, '#/properties/age')?.label).toBe('Age of person');

    const refs = importRjsf(JSON.parse(fs.readFileSync(path.join(dir, 'references.json'), 'utf8')), { key: 'refs' }).definition;
    expect(elementsOf(refs).map((e) => (e.type === 'Control' ? e.scope : e.label))).toEqual([
      'Shipping address',
      'Billing address',
      '#/properties/contact',
      'Recursive references',
    ]);

    const ite = importRjsf(JSON.parse(fs.readFileSync(path.join(dir, 'ifThenElse.json'), 'utf8')), { key: 'ite' }).definition;
    const water = controlAt(ite, '#/properties/water');
    expect(water?.rule).toEqual({ effect: 'SHOW', condition: { scope: '#', schema: { properties: { animal: { const: 'Fish' } } } } });
    expect(validateFormData(ite, { animal: 'Fish', food: 'worms' }).errors.map((e) => e.path)).toEqual(['/water']);
    // declared at the top so the field gets a widget: the one branch's schema, or the type the branches share
    expect(ite.schema.properties?.water).toEqual({ type: 'string', enum: ['lake', 'sea'] });
    expect(ite.schema.properties?.food).toEqual({ type: 'string' });
  });
});
