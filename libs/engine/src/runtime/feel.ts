import { ExpressionError } from './expression-error';
import { evaluateWithBudget } from './feel-budget';

export { ExpressionError };

/** "=expr" is FEEL; anything else is a literal string (the Camunda 8 convention). */
export function isFeel(source: string): boolean {
  return source.trimStart().startsWith('=');
}

export function evalFeel(source: string, vars: Record<string, unknown>): unknown {
  const expression = isFeel(source) ? source.trimStart().slice(1) : source;
  let result: { value: unknown };
  try {
    result = evaluateWithBudget(expression, vars);
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw new ExpressionError(`FEEL "${expression}" failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toPlain(result.value);
}

/** literal or FEEL, as mapping sources and task attributes allow */
export function evalValue(source: string, vars: Record<string, unknown>): unknown {
  return isFeel(source) ? evalFeel(source, vars) : source;
}

/**
 * Conditions must give a boolean. A null (unknown variable, wrong types) or any other value is an error,
 * so a typo in a condition stops the token with an incident instead of silently taking another path.
 */
export function evalCondition(source: string, vars: Record<string, unknown>): boolean {
  const value = evalFeel(source.trim(), vars);
  if (typeof value !== 'boolean') {
    throw new ExpressionError(`condition "${source}" gave ${JSON.stringify(value) ?? 'undefined'}, not true/false`);
  }
  return value;
}

/** FEEL temporal values and other objects become JSON-storable values */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return String(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
}
