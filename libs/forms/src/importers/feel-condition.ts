import type { RuleCondition } from '../definition';
import { propertyScope } from './import-result';

/**
 * The FEEL expressions form-js uses in `conditional.hide` that have an exact JSON Schema equivalent:
 * `=flag`, `=not(flag)`, `=name = "x"`, `=name != "x"`, `=amount > 2` (and <, >=, <=). Anything else is
 * reported by the caller, because guessing at FEEL semantics would hide fields at the wrong time.
 */
const IDENT = '([A-Za-z_][A-Za-z0-9_]*)';
const LITERAL = '("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?|true|false|null)';

export function feelToCondition(expression: string): RuleCondition | undefined {
  const text = expression.trim().replace(/^=/, '').trim();
  let m = new RegExp(`^${IDENT}$`).exec(text);
  if (m) return { scope: propertyScope('#', m[1]), schema: { const: true } };
  m = new RegExp(`^not\\(\\s*${IDENT}\\s*\\)$`).exec(text);
  if (m) return { scope: propertyScope('#', m[1]), schema: { not: { const: true } } };
  m = new RegExp(`^${IDENT}\\s*(=|!=|>=|<=|>|<)\\s*${LITERAL}$`).exec(text);
  if (!m) return undefined;
  const [, name, op, literal] = m;
  const value = JSON.parse(literal);
  const scope = propertyScope('#', name);
  switch (op) {
    case '=':
      return { scope, schema: { const: value }, failWhenUndefined: true };
    case '!=':
      return { scope, schema: { not: { const: value } } };
    default: {
      if (typeof value !== 'number') return undefined;
      const keyword = { '>': 'exclusiveMinimum', '<': 'exclusiveMaximum', '>=': 'minimum', '<=': 'maximum' }[op]!;
      // FEEL compares null as null (false); so must the schema: a missing value does not satisfy it.
      return { scope, schema: { type: 'number', [keyword]: value }, failWhenUndefined: true };
    }
  }
}
