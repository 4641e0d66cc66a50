import { makeResidentId } from '@kcbx/cn-codes';
import { studentReturn } from '../test/load-fixture';
import {
  DEFAULT_MAX_ITEMS,
  isPngDataUrl,
  maxItemsOf,
  standardMessage,
  validateFormData,
  validateSubmission,
  valueAt,
  type FormDefinition,
  type JsonSchema,
  type JsonSchemaObject,
  type UiElement,
} from './index';

function formWith(
  key: string,
  properties: Record<string, JsonSchema>,
  extra: JsonSchemaObject = {},
  controls?: UiElement[],
): FormDefinition {
  return {
    key,
    version: 1,
    title: key,
    schema: { type: 'object', properties, ...extra },
    uiSchema: {
      type: 'VerticalLayout',
      elements: controls ?? Object.keys(properties).map((p) => ({ type: 'Control', scope: `#/properties/${p}` })),
    },
  };
}

const complete = {
  name: '马小花',
  residentId: makeResidentId('640422', '2011-05-02', 31, 'female'),
  birthDate: '2011-05-02',
  sex: 'female',
  reason: 'family',
  guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
};

// A 1×1 transparent PNG, as canvas.toDataURL('image/png') would give it.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('every library message is plain Chinese with English', () => {
  // One schema per standard keyword, and data that breaks it.
  const cases: Array<[string, JsonSchemaObject, unknown, RegExp]> = [
    ['type', { type: 'integer' }, 'x', /^请填写整数$/],
    ['minLength', { type: 'string', minLength: 2 }, '马', /至少填写 2 个字/],
    ['maxLength', { type: 'string', maxLength: 3 }, '马马马马', /最多填写 3 个字/],
    ['minimum', { type: 'integer', minimum: 6 }, 3, /不能小于 6/],
    ['maximum', { type: 'integer', maximum: 6 }, 9, /不能大于 6/],
    ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0, /必须大于 0/],
    ['multipleOf', { type: 'number', multipleOf: 5 }, 7, /5 的整数倍/],
    ['pattern', { type: 'string', pattern: '^[0-9]+$' }, 'abc', /格式不正确/],
    ['format', { type: 'string', format: 'uri' }, 'not a uri', /网址/],
    ['formatMinimum', { type: 'string', format: 'date', formatMinimum: '2026-09-01' }, '2026-08-01', /不能早于 2026-09-01/],
    ['enum', { type: 'string', enum: ['a', 'b'] }, 'c', /请从给定的选项中选择/],
    ['const', { const: 'yes' }, 'no', /规定的内容/],
    ['minItems', { type: 'array', minItems: 1, items: { type: 'string' } }, [], /^至少填写 1 项$/],
    ['maxItems', { type: 'array', maxItems: 1, items: { type: 'string' } }, ['a', 'b'], /最多只能填写 1 项/],
    ['uniqueItems', { type: 'array', uniqueItems: true, items: { type: 'string' } }, ['a', 'a'], /重复/],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true, /不符合要求/],
  ];

  it.each(cases)('given a %s error, when worded, then the words are plain Chinese and plain English', (keyword, schema, value, zh) => {
    const def = formWith(`msg-${keyword}`, { field: { ...schema, title: '字段' } });
    const errors = validateFormData(def, { field: value }).errors;
    const error = errors.find((e) => e.keyword === keyword);
    expect(error).toBeDefined();
    expect(error!.message.zh).toMatch(zh);
    // none of ajv-i18n's phrasing ("应当是 integer 类型", "不应少于 1 个项", ">=") and no schema words
    expect(error!.message.zh).not.toMatch(/应当|不应|个项|integer|string|array|>=|<=/);
    expect(error!.message.en).not.toMatch(/NOT have|must be >=|must match pattern/);
  });

  it('given a keyword no wording knows, when worded, then a generic sentence stands in for ajv text', () => {
    const message = standardMessage({ keyword: 'somethingNew', instancePath: '', schemaPath: '', params: {}, message: 'must do X' });
    expect(message).toEqual({ zh: '填写的内容不符合要求', en: 'this answer is not accepted' });
  });
});

describe('every array in a form is bounded (#14.4)', () => {
  const def = formWith('bounded-arrays', {
    tags: { type: 'array', items: { type: 'string' } },
    rows: { type: 'array', maxItems: 3, items: { type: 'object', properties: { notes: { type: 'array', items: { type: 'string' } } } } },
  });

  it(`given an array without maxItems, when more than ${DEFAULT_MAX_ITEMS} entries are sent, then they are refused at the field`, () => {
    const tags = Array.from({ length: DEFAULT_MAX_ITEMS + 1 }, (_, i) => `t${i}`);
    const result = validateSubmission(def, { tags });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: '/tags',
        keyword: 'maxItems',
        message: expect.objectContaining({ zh: `最多只能填写 ${DEFAULT_MAX_ITEMS} 项` }),
      }),
    ]);
    expect(validateSubmission(def, { tags: tags.slice(1) }).valid).toBe(true);
  });

  it("given the author's own maxItems, when checked, then it wins, and arrays nested in rows are bounded too", () => {
    expect(validateSubmission(def, { rows: [{}, {}, {}, {}] }).errors.map((e) => e.path)).toEqual(['/rows']);
    const notes = Array.from({ length: DEFAULT_MAX_ITEMS + 1 }, () => 'n');
    expect(validateSubmission(def, { rows: [{ notes }] }).errors.map((e) => [e.path, e.keyword])).toEqual([['/rows/0/notes', 'maxItems']]);
    expect(maxItemsOf(def.schema.properties?.rows)).toBe(3);
    expect(maxItemsOf(def.schema.properties?.tags)).toBe(DEFAULT_MAX_ITEMS);
  });

  it("given a bounded form, when its hash is taken, then it is the author's definition (the bound is not written into it)", () => {
    validateSubmission(def, { tags: [] });
    expect(valueAt(def.schema, '/properties/tags/maxItems')).toBeUndefined();
  });
});

describe('form data has own properties only (#14.5)', () => {
  const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it.each(inherited)('given %s sent at the top and in a row (as JSON from a client), when submitted, then it is "not in form"', (key) => {
    const body = JSON.parse(
      JSON.stringify({ ...complete, guardians: [{ ...complete.guardians[0] }] })
        .replace('{"name":"马小花"', `{"${key}":{"polluted":true},"name":"马小花"`)
        .replace('{"name":"马建国"', `{"${key}":"x","name":"马建国"`),
    );
    const result = validateSubmission(studentReturn(), body);
    expect(result.valid).toBe(false);
    expect(result.errors.filter((e) => e.keyword === 'notInSchema').map((e) => e.path)).toEqual([`/${key}`, `/guardians/0/${key}`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given a required field named like an inherited member, when the client leaves it out, then it is missing', () => {
    const def = formWith('own-required', { toString: { type: 'string' as const, title: '说明' } }, { required: ['toString'] });
    const result = validateSubmission(def, {});
    expect(result.errors).toEqual([expect.objectContaining({ path: '/toString', keyword: 'required' })]);
  });

  it('given a clean submission, when it is accepted, then the stored objects have no prototype', () => {
    const result = validateSubmission(studentReturn(), complete);
    expect(result.valid).toBe(true);
    expect(Object.getPrototypeOf(result.data)).toBeNull();
    expect(Object.getPrototypeOf((result.data.guardians as object[])[0])).toBeNull();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(complete);
  });
});

describe('signatures are PNG drawings only (#14.12)', () => {
  const def = formWith('signature-only', { sign: { type: 'string', title: '签名' } }, {}, [
    { type: 'Control', scope: '#/properties/sign', options: { widget: 'signature' } },
  ]);

  it('given a PNG data URL, when submitted, then it is accepted', () => {
    expect(isPngDataUrl(PNG)).toBe(true);
    expect(validateSubmission(def, { sign: PNG }).valid).toBe(true);
  });

  it.each([
    ['a link elsewhere', 'https://evil.example/track.png'],
    ['another image type', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['script in the URL', 'javascript:alert(1)'],
    ['a PNG label with junk after it', `${PNG}"><script>`],
  ])('given %s, when submitted, then the signature field refuses it in words', (_what, value) => {
    const result = validateSubmission(def, { sign: value });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/sign', message: expect.objectContaining({ zh: '签名无效，请在签名框内重新签名' }) }),
    ]);
  });

  it('given the data-url format the renderer draws as a signature pad, when another kind of data URL is sent, then it is refused', () => {
    const dataUrl = formWith('data-url-signature', { sign: { type: 'string', format: 'data-url' } });
    expect(validateSubmission(dataUrl, { sign: PNG }).valid).toBe(true);
    expect(validateSubmission(dataUrl, { sign: 'data:text/html,<b>x</b>' }).valid).toBe(false);
  });
});
