import * as fs from 'fs';
import * as path from 'path';
import { checkDefinition, feelToCondition, importFormJs, validateFormData, valueAt } from '../src';
import { FIXTURES } from './load-fixture';

/** form-js schemas (fixtures/form-js, see its README) import into definitions our checks accept. */
const dir = path.join(FIXTURES, 'form-js');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (file: string) =>
  importFormJs(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), { key: `formjs-${path.basename(file, '.json')}` });

describe('form-js schemas', () => {
  it.each(files)('%s imports and lists what does not map', (file) => {
    const { definition, unmapped } = load(file);
    expect(checkDefinition(definition)).toEqual([]);
    expect(unmapped.map((u) => `${u.path}: ${u.reason}`)).toMatchSnapshot();
  });

  it('maps fields, options and validation of the invoice form', () => {
    const { definition } = load('form.json');
    expect(definition.schema.required).toEqual(['creditor']);
    expect(definition.schema.properties?.amount).toEqual({ type: 'number', title: 'Amount', minimum: 0, maximum: 1000 });
    expect(valueAt(definition.schema, '/properties/mailto/items/enum')).toEqual(['approver', 'manager', 'regional-manager']);
    const ok = { creditor: 'ACME', invoiceNumber: 'C-123', amount: 10, product: 'camunda-cloud', mailto: ['manager'], language: 'german' };
    expect(validateFormData(definition, ok).valid).toBe(true);
    const bad = validateFormData(definition, { invoiceNumber: 'X', amount: 2000, language: 'french' });
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['/amount', '/creditor', '/invoiceNumber', '/language']);
  });

  it('rebuilds nested data from group paths, dotted keys and dynamic lists', () => {
    const groups = load('groups.json').definition.schema;
    expect(Object.keys(groups.properties ?? {}).sort()).toEqual([
      'pathed',
      'separated',
      'separated2',
      'text_flat',
      'text_nested',
      'text_root',
    ]);
    expect(valueAt(groups, '/properties/separated/properties/path/properties/text_separated')).toEqual({ type: 'string' });
    const lists = load('nested-dynamic-list-required.json').definition;
    expect(valueAt(lists.schema, '/properties/outer/items/properties/inner/items/required')).toEqual(['value']);
    expect(validateFormData(lists, { outer: [{ inner: [{ value: 1 }, {}] }] }).errors.map((e) => e.path)).toEqual([
      '/outer/0/inner/1/value',
    ]);
  });

  it('turns simple conditional.hide FEEL into rules and reports the rest', () => {
    const { definition, unmapped } = load('hidden-fields-conditional.json');
    expect(valueAt(definition.uiSchema, '/elements/2/rule')).toEqual({
      effect: 'HIDE',
      condition: { scope: '#/properties/a', schema: { const: true } },
    });
    expect(unmapped).toContainEqual({ path: '/components/3/conditional/hide', reason: expect.stringContaining('=b and c') });
    expect(feelToCondition('=amount > 2')).toEqual({
      scope: '#/properties/amount',
      schema: { type: 'number', exclusiveMinimum: 2 },
      failWhenUndefined: true,
    });
    expect(feelToCondition('=status = "done"')).toEqual({
      scope: '#/properties/status',
      schema: { const: 'done' },
      failWhenUndefined: true,
    });
    expect(feelToCondition('=a + b > 2')).toBeUndefined();
  });
});
