import * as fs from 'fs';
import * as path from 'path';
import { checkDefinition, FormValidators, importJsonForms, safeKey, validateFormData } from '../src';
import { describeWithCorpus } from '@kcbx/test-corpora';

/**
 * Every JSON Forms example from the shared corpus imports into a definition our own checks accept, and its
 * sample data validates — except where the example exists to show validation errors. What does not map is
 * listed in jsonforms-unmapped.json beside this spec, one line per item (a committed expectation rather than a jest
 * snapshot, so a clone without the corpus has nothing obsolete; UPDATE_CORPUS_EXPECTATIONS=1 rewrites it).
 */

/** Examples whose sample data is invalid on purpose (JSON Forms shows the errors), with the fields. */
const INTENTIONALLY_INVALID: Record<string, string[]> = {
  '1884.json': ['/age'],
  'additional-errors.json': ['/occupation', '/nationality', '/personalData/height'],
  'array-i18n.json': ['/comments/0/message', '/comments/1/message'],
  'array-with-detail-and-rule.json': ['/nationality', '/comments/0/message', '/comments/1/message'],
  'array-with-detail.json': ['/occupation', '/nationality', '/comments/0/message', '/comments/1/message'],
  'array-with-sorting.json': ['/comments/0/message', '/comments/1/message'],
  'array.json': ['/comments/0/message', '/comments/1/message', '/comments/1/oneOfEnum'],
  'categorization_1713.json': ['/experiments'],
  'control-options.json': ['/hideRequiredAsterisk'],
  'enum.json': ['/enumWithError', '/oneOfEnumWithError'],
  'ifthenelse.json': ['/c'],
  'layout-complex.json': ['/occupation', '/nationality', '/personalData/height'],
  'layout-group.json': ['/occupation', '/nationality', '/personalData/height'],
  'layout-horizontal.json': ['/occupation', '/nationality', '/personalData/height'],
  'layout-vertical.json': ['/occupation', '/nationality', '/personalData/height'],
  'list-with-detail-no-labelref.json': ['/orders/0/customer/name', '/orders/0/processId', '/orders/1/customer/name', '/orders/1/processId'],
  'list-with-detail.json': ['/orders/0/customer/name', '/orders/0/processId', '/orders/1/customer/name', '/orders/1/processId'],
  'login.json': ['/password'],
  'onChange.json': ['/name', '/description'],
  'oneOf_1265_array.json': ['/coloursOrNumbers/0', '/coloursOrNumbers'],
  'oneOf_1265_object.json': ['/coloursOrNumbers/colour', '/coloursOrNumbers'],
  'oneOf_1265_simple.json': ['/coloursOrNumbers'],
  'oneOf_1273.json': ['/quantity/value', '/quantity/valueHigh', '/quantity'],
  'person.json': ['/occupation', '/nationality', '/personalData/height'],
  'stringArray.json': ['/comments/0', '/comments/1'],
  'text.json': ['/zipCodeWithoutTrim', '/zipCodeWithoutRestrict'],
  'validation-nested-same-name.json': ['/name/name/name'],
};

const validators = new FormValidators();
const EXPECTED_FILE = path.join(__dirname, 'jsonforms-unmapped.json');
const EXPECTED_UNMAPPED: Record<string, string[]> = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
const UPDATE = process.env.UPDATE_CORPUS_EXPECTATIONS === '1';
const seen: Record<string, string[]> = {};

describeWithCorpus('forms/jsonforms', 'JSON Forms corpus', (CORPUS) => {
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('holds the 74 examples', () => expect(files).toHaveLength(74));

  it.each(files)('%s imports, passes our definition checks and validates its data', (file) => {
    const example = JSON.parse(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    const { definition, unmapped, data } = importJsonForms(example, { key: safeKey(`jsonforms-${path.basename(file, '.json')}`) });
    expect(checkDefinition(definition)).toEqual([]);
    const invalidAt = data === undefined ? [] : validateFormData(definition, data, { validators }).errors.map((e) => e.path);
    expect([...new Set(invalidAt)]).toEqual(INTENTIONALLY_INVALID[file] ?? []);
    const items = unmapped.map((u) => `${u.path}: ${u.reason}`);
    if (UPDATE) seen[file] = items;
    else expect(items).toEqual(EXPECTED_UNMAPPED[file] ?? []);
  });

  afterAll(() => {
    if (UPDATE) fs.writeFileSync(EXPECTED_FILE, JSON.stringify(seen, null, 2) + '\n');
  });
});
