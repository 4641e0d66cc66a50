import { schemaHasPath } from '../validate/field-permissions';

/** Field permissions may name nested fields, table columns and fields a condition adds; all of them count as fields. */
describe('schemaHasPath', () => {
  const schema = {
    type: 'object',
    $defs: { guardian: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' } } } },
    properties: {
      reason: { type: 'string' },
      guardians: { type: 'array', items: { $ref: '#/$defs/guardian' } },
      visits: { type: 'array', items: { type: 'object', properties: { date: { type: 'string' } } } },
    },
    if: { properties: { reason: { const: 'other' } } },
    then: { properties: { reasonOther: { type: 'string' } } },
  };

  it.each(['reason', '/reason', 'guardians', '/guardians/*/phone', '/visits/0/date', 'reasonOther'])('finds %s', (path) => {
    expect(schemaHasPath(schema, path)).toBe(true);
  });

  it.each(['reasn', '/guardians/*/email', '/visits/*/time', 'reason/x'])('does not find %s', (path) => {
    expect(schemaHasPath(schema, path)).toBe(false);
  });
});
