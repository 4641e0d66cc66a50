import type { JsonSchema } from '@kcbx/forms';
import { sexValueFor } from './resident-id-derive';

describe('sex filled from an ID number, in the sex field’s own vocabulary', () => {
  it.each<[JsonSchema, string, unknown]>([
    [{ enum: ['male', 'female'] }, 'female', 'female'],
    [{ enum: ['男', '女'] }, 'male', '男'],
    [{ enum: ['1', '2'] }, 'female', '2'],
    [{ type: 'integer', enum: [1, 2] }, 'male', 1],
    [
      {
        oneOf: [
          { const: 'M', title: '男' },
          { const: 'F', title: '女' },
        ],
      },
      'female',
      'F',
    ],
    [{ type: 'string' }, 'male', '男'],
  ])('%j for %s → %j', (schema, sex, expected) => {
    expect(sexValueFor(schema, sex as 'male' | 'female')).toBe(expected);
  });

  it('leaves a field alone when none of its choices means that sex', () => {
    expect(sexValueFor({ enum: ['unknown'] }, 'male')).toBeUndefined();
    expect(sexValueFor({ type: 'boolean' }, 'male')).toBeUndefined();
  });
});
