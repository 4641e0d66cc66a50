/**
 * Client data as plain records without a prototype. A submission is JSON from a browser: a key such as
 * `__proto__`, `constructor` or `toString` is only ever a name the client sent, never something inherited.
 * On an ordinary object `data.toString` is a function even when the client sent nothing, and ajv's
 * `required` (which reads `data.name !== undefined`) would count it as filled; on these copies it is absent.
 */
export function hasOwn(target: unknown, key: string | number): boolean {
  return target !== null && typeof target === 'object' && Object.prototype.hasOwnProperty.call(target, key);
}

/** A deep copy of JSON-like data whose objects have no prototype (arrays stay arrays; `__proto__` stays a plain key). */
export function ownCopy<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object') return value;
  // JSON nested deeper than this is refused by the API's body limits long before; stop rather than overflow.
  if (depth > 256) throw new RangeError('data nested too deeply');
  if (Array.isArray(value)) return value.map((item) => ownCopy(item, depth + 1)) as T;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    // defineProperty, not assignment: `out.__proto__ = …` would be a prototype change, not a key.
    Object.defineProperty(out, key, {
      value: ownCopy((value as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}
