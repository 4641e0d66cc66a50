import { sha256Hex } from './sha256';

/** JSON with object keys sorted at every level, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const hashes = new WeakMap<object, string>();

/**
 * "sha256:<hex>" of the canonical JSON; remembered per object so a hot path never re-hashes. Definitions are
 * treated as immutable values: edit by copying, never in place, or the remembered hash goes stale.
 */
export function contentHash(value: object): string {
  let hash = hashes.get(value);
  if (!hash) {
    hash = `sha256:${sha256Hex(canonicalJson(value))}`;
    hashes.set(value, hash);
  }
  return hash;
}
