import { makeResidentId } from '@kcbx/cn-codes';
import type { ElementOptions, JsonSchema, JsonSchemaObject, Rule } from '@kcbx/forms';
import { displayValue } from './display-value';
import { genericName, nameToPointer, pointerToName, scopeToName } from './field-names';
import { choicesOf, fieldKind, type FieldKind } from './field-kind';
import { regionOptions, regionPath } from './region-options';
import { residentIdHint } from './resident-id-hints';
import { ruleDependencies } from './rule-deps';
import { isRequired, propertyNamesOf, schemaAt } from './schema-at';
import { tableColumns } from './table-columns';
import { acceptAttribute, uploadRefusal } from './upload-limits';

const tree = [
  {
    code: '64',
    name: '宁夏回族自治区',
    children: [
      { code: '6404', name: '固原市', children: [{ code: '640422', name: '西吉县', children: [{ code: '640422100', name: '吉强镇' }] }] },
    ],
  },
];

describe('field names', () => {
  it('converts between pointers, react-hook-form names and scopes', () => {
    expect(pointerToName('/guardians/0/phone')).toBe('guardians.0.phone');
    expect(nameToPointer('guardians.0.phone')).toBe('/guardians/0/phone');
    expect(scopeToName('#/properties/phone', 'guardians.3')).toBe('guardians.3.phone');
    expect(scopeToName('#', 'tags.2')).toBe('tags.2');
    expect(scopeToName('#/properties/a/properties/b')).toBe('a.b');
    expect(genericName('guardians.12.phone')).toBe('guardians.*.phone');
  });
});

describe('widget choice', () => {
  it.each<[JsonSchema, ElementOptions, FieldKind]>([
    [{ type: 'string' }, {}, 'text'],
    [{ type: 'string' }, { multi: true }, 'textarea'],
    [{ type: 'string', format: 'resident-id' }, {}, 'resident-id'],
    [{ type: 'string', format: 'mobile-cn' }, {}, 'phone'],
    [{ type: 'string', format: 'region-code' }, {}, 'region'],
    [{ type: 'string', format: 'date' }, {}, 'date'],
    [{ type: 'array', items: { type: 'string', format: 'date' }, dateRange: true }, {}, 'date-range'],
    [{ type: 'string', enum: ['a', 'b'] }, {}, 'select'],
    [{ type: 'string', enum: ['a', 'b'] }, { format: 'radio' }, 'radio'],
    [{ oneOf: [{ const: 1, title: 'One' }] }, {}, 'select'],
    [{ type: 'array', items: { enum: ['x', 'y'] }, uniqueItems: true }, {}, 'checkbox-group'],
    [{ type: 'boolean' }, { toggle: true }, 'switch'],
    [{ type: 'integer' }, {}, 'integer'],
    [{ type: 'object', fileUpload: { maxBytes: 10 } }, {}, 'file'],
    [{ type: 'array', items: { type: 'object', fileUpload: {} } }, {}, 'files'],
    [{ type: 'string', format: 'data-url' }, { widget: 'signature' }, 'signature'],
    [{ type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } }, {}, 'table'],
    [{ type: 'array', items: { type: 'string' } }, {}, 'list'],
    [{ type: 'object', properties: {} }, {}, 'object'],
    [{ const: 'http://my_schema/1.0.0#//Import' }, {}, 'select'],
    [{ allOf: [{ $ref: '#/definitions/address' }, { type: 'object', properties: { type: { type: 'string' } } }] }, {}, 'object'],
    [{ type: 'array', items: { allOf: [{ properties: { a: { type: 'string' } } }] } }, {}, 'table'],
  ])('%j with %j → %s', (schema, options, kind) => {
    expect(fieldKind(schema, options)).toBe(kind);
  });

  it('lists the properties of an object amended through allOf, as table columns too', () => {
    const root = {
      definitions: { base: { allOf: [{ properties: { id: { type: 'string' } } }] } },
      properties: {
        rows: { type: 'array', items: { allOf: [{ $ref: '#/definitions/base' }, { properties: { name: { type: 'string' } } }] } },
      },
    } satisfies JsonSchemaObject;
    expect(propertyNamesOf(root, root.properties.rows.items)).toEqual(['id', 'name']);
    expect(tableColumns(root, root.properties.rows).map((c) => c.scope)).toEqual(['#/properties/id', '#/properties/name']);
  });

  it('reads labelled choices from oneOf const/title', () => {
    expect(
      choicesOf({
        oneOf: [
          { const: 'm', title: '男' },
          { const: 'f', title: '女' },
        ],
      }),
    ).toEqual([
      { value: 'm', label: '男' },
      { value: 'f', label: '女' },
    ]);
  });
});

describe('review and print values', () => {
  const id = makeResidentId('640422', '2011-05-02', 31, 'female');
  it('shows values the way people read them', () => {
    const zh = { locale: 'zh-CN' as const };
    expect(displayValue('checkbox', {}, true, zh)).toBe('是');
    expect(displayValue('select', { oneOf: [{ const: 'f', title: '女' }] }, 'f', zh)).toBe('女');
    expect(displayValue('checkbox-group', { items: { enum: ['a', 'b'] } }, ['a', 'b'], zh)).toBe('a、b');
    expect(displayValue('phone', {}, '13995412345', zh)).toBe('139 9541 2345');
    expect(displayValue('resident-id', {}, id, { ...zh, maskIds: true })).toBe(`640422********${id.slice(-4)}`);
    expect(displayValue('date-range', {}, ['2026-09-01', '2026-12-31'], zh)).toBe('2026-09-01 ~ 2026-12-31');
    expect(displayValue('text', {}, undefined, zh)).toBe('');
  });
});

describe('resident ID hints', () => {
  const id = makeResidentId('640422', '2011-05-02', 31, 'female');
  it('derives birth date and sex and flags disagreeing siblings', () => {
    expect(residentIdHint(id)).toEqual({ birthDate: '2011-05-02', sex: 'female', mismatches: [], problem: null });
    expect(residentIdHint(id, { birthDate: '2011-05-03', sex: '男' }).mismatches).toEqual(['birthDate', 'sex']);
    expect(residentIdHint(id, { birthDate: '2011-05-02', sex: 'female' }).mismatches).toEqual([]);
    expect(residentIdHint('6404')).toEqual({ mismatches: [] });
    expect(residentIdHint(id.slice(0, 17) + (id[17] === '1' ? '2' : '1')).problem).toBe('checksum');
  });
});

describe('region cascader', () => {
  it('builds options and finds the path of a stored code', () => {
    expect(regionOptions(tree)[0].children![0].children![0].children![0]).toEqual({ value: '640422100', label: '吉强镇' });
    expect(regionOptions(tree, 3)[0].children![0].children![0].children).toBeUndefined();
    expect(regionPath(tree, '640422100')).toEqual(['64', '6404', '640422', '640422100']);
    expect(regionPath(tree, '110101')).toEqual([]);
  });
});

describe('rules and layouts', () => {
  it('subscribes a rule to the fields its condition reads', () => {
    const rule: Rule = { effect: 'SHOW', condition: { scope: '#/properties/reason', schema: { const: 'other' } } };
    expect(ruleDependencies(rule)).toEqual(['reason']);
    const or = {
      effect: 'HIDE',
      condition: {
        type: 'OR',
        conditions: [
          { scope: '#/properties/a', schema: {} },
          { scope: '#/properties/b/properties/c', schema: {} },
        ],
      },
    } as unknown as Rule;
    expect(ruleDependencies(or)).toEqual(['a', 'b.c']);
    expect(ruleDependencies({ effect: 'SHOW', condition: { scope: '#', schema: {} } })).toBeUndefined();
  });

  it('finds sub-schemas, required flags and table columns', () => {
    const root = {
      type: 'object',
      required: ['rows'],
      $defs: { row: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, phone: { type: 'string' } } } },
      properties: { rows: { type: 'array', items: { $ref: '#/$defs/row' } } },
    } satisfies JsonSchemaObject;
    expect(schemaAt(root, root, '#/properties/rows/items/properties/phone')).toEqual({ type: 'string' });
    expect(isRequired(root, root, '#/properties/rows')).toBe(true);
    expect(isRequired(root, root.$defs.row, '#/properties/name')).toBe(true);
    expect(tableColumns(root, root.properties.rows).map((c) => c.scope)).toEqual(['#/properties/name', '#/properties/phone']);
    const detail = { type: 'VerticalLayout' as const, elements: [{ type: 'Control' as const, scope: '#/properties/phone' }] };
    expect(tableColumns(root, root.properties.rows, detail).map((c) => c.scope)).toEqual(['#/properties/phone']);
    expect(tableColumns(root, { type: 'array', items: { type: 'string' } })).toEqual([{ type: 'Control', scope: '#', label: false }]);
  });
});

describe('upload limits', () => {
  it('refuses oversize and wrong-type files before they are sent', () => {
    const limits = { maxBytes: 1024 * 1024, accept: ['image/*', '.pdf'] };
    expect(acceptAttribute(limits)).toBe('image/*,.pdf');
    expect(uploadRefusal(limits, { name: 'a.jpg', size: 1000, type: 'image/jpeg' }, 'zh-CN')).toBeNull();
    expect(uploadRefusal(limits, { name: 'a.jpg', size: 2 * 1024 * 1024, type: 'image/jpeg' }, 'zh-CN')).toBe('文件不能超过 1 MB');
    expect(uploadRefusal(limits, { name: 'a.doc', size: 10, type: 'application/msword' }, 'en')).toBe(
      'Only these file types are accepted: image/*, .pdf',
    );
  });
});
