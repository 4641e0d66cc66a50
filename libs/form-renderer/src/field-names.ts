import { pointerTokens, scopeToDataPath } from '@kcbx/forms';

/**
 * react-hook-form names fields with dots ("guardians.0.phone"); errors and permissions use JSON pointers
 * ("/guardians/0/phone"). These convert between the two.
 */
export function pointerToName(pointer: string): string {
  return pointerTokens(pointer).join('.');
}

export function nameToPointer(name: string): string {
  return name === ''
    ? ''
    : `/${name
        .split('.')
        .map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/')}`;
}

// Scopes repeat (every row of a table has the same columns); their names are worked out once.
const relativeNames = new Map<string, string>();

/** A control's field name: its scope made concrete under `base` (a row of a table, or the form root). */
export function scopeToName(scope: string, base = ''): string {
  let relative = relativeNames.get(scope);
  if (relative === undefined) {
    relative = pointerToName(scopeToDataPath(scope));
    relativeNames.set(scope, relative);
  }
  if (!base) return relative;
  return relative ? `${base}.${relative}` : base;
}

/** "guardians.0.phone" → "guardians.*.phone", the form permissions and labels are written in. */
export function genericName(name: string): string {
  return name.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
}
