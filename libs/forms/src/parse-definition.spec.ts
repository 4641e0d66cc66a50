import { readFixture } from '../test/load-fixture';
import { canonicalJson, contentHash, parseFormDefinition, sha256Hex, type DefinitionError } from './index';

const good = readFixture('definitions/student-return.form.json');

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture lacks ${needle}`);
  return text.slice(0, index).split('\n').length;
}

function failures(text: string): DefinitionError[] {
  const result = parseFormDefinition(text, 'student-return.form.json');
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

describe('parseFormDefinition', () => {
  it('accepts the shipped example and pins it with a sha256 content hash', () => {
    const result = parseFormDefinition(good, 'student-return.form.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reports JSON syntax errors at their line and column', () => {
    const broken = good.replace('"version": 1,', '"version": 1');
    const [error] = failures(broken);
    expect(error).toMatchObject({ file: 'student-return.form.json', line: lineOf(good, '"title": { "zh": "劝返'), keyword: 'syntax' });
    expect(error.message.en).toMatch(/Expected "," or "}"/);
  });

  it('reports a wrong value type at the line of that value', () => {
    const bad = good.replace('"version": 1,', '"version": "one",');
    const [error] = failures(bad);
    expect(error).toMatchObject({ path: '/version', line: lineOf(good, '"version": 1'), column: 14, keyword: 'type' });
    expect(error.message).toEqual({ zh: '请填写整数', en: 'must be a whole number' });
  });

  it('reports a misspelled UI property at the line of the key', () => {
    const bad = good.replace('"scope": "#/properties/returnedOn"', '"scop": "#/properties/returnedOn"');
    const errors = failures(bad);
    const line = lineOf(good, '"#/properties/returnedOn"');
    expect(errors.map((e) => e.line)).toContain(line);
    expect(errors.find((e) => e.keyword === 'additionalProperties')?.message.en).toMatch(/"scop"/);
  });

  it('refuses unknown schema keywords at their line', () => {
    const bad = good.replace('"minItems": 1,', '"minItem": 1,');
    const [error] = failures(bad);
    expect(error).toMatchObject({
      keyword: 'unknownKeyword',
      path: '/schema/properties/guardians/minItem',
      line: lineOf(good, '"minItems": 1'),
    });
    expect(error.message.zh).toBe('未知的关键字 "minItem"');
  });

  it('refuses unknown formats at their line', () => {
    const bad = good.replace('"format": "mobile-cn"', '"format": "mobile"');
    const [error] = failures(bad);
    expect(error).toMatchObject({ keyword: 'unknownFormat', line: lineOf(good, '"format": "mobile-cn"') });
  });

  it('refuses controls whose scope is not in the schema', () => {
    const bad = good.replace('"#/properties/returnedOn" }', '"#/properties/returnDate" }');
    const [error] = failures(bad);
    expect(error).toMatchObject({
      keyword: 'scope',
      path: '/uiSchema/elements/3/scope',
      line: lineOf(good, '"#/properties/returnedOn" }'),
    });
    expect(error.message.zh).toContain('#/properties/returnDate');
  });

  it('refuses a missing key and a bad rule effect', () => {
    const noKey = good.replace('"key": "student-return",', '');
    expect(failures(noKey)[0]).toMatchObject({ path: '', line: 1, keyword: 'required' });
    const badRule = good.replace('"effect": "SHOW"', '"effect": "REVEAL"');
    expect(failures(badRule)[0]).toMatchObject({ path: '/uiSchema/elements/2/rule/effect', line: lineOf(good, '"effect": "SHOW"') });
  });
});

describe('content hash', () => {
  it('is the standard SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('劝返'.repeat(100))).toBe(require('crypto').createHash('sha256').update('劝返'.repeat(100)).digest('hex'));
  });

  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
