import { schemaObject, type JsonSchema } from '@kcbx/forms';
import { choicesOf } from './field-kind';

const MALE = ['male', '男', 'M', 'm', '1', 1];
const FEMALE = ['female', '女', 'F', 'f', '2', 2];

/**
 * The value a sibling "sex" field should take for a sex read from an ID number, in that field's own
 * vocabulary (its enum may say male/female, 男/女, 1/2…); undefined when the field offers no match.
 */
export function sexValueFor(sexSchema: JsonSchema | undefined, sex: 'male' | 'female'): unknown {
  const words: unknown[] = sex === 'male' ? MALE : FEMALE;
  const choices = choicesOf(sexSchema);
  if (choices) return choices.find((c) => words.includes(c.value) || words.includes(c.label))?.value;
  return schemaObject(sexSchema)?.type === 'string' ? (sex === 'male' ? '男' : '女') : undefined;
}
