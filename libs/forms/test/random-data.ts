import { makeResidentId } from '@kcbx/cn-codes';
import { resolveRef, schemaObject, type JsonSchemaObject } from '../src';

/** A small seeded generator (mulberry32) — reproducible failures without a property-testing dependency. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const FORMAT_VALUES: Record<string, (r: () => number) => string> = {
  'resident-id': (r) => {
    const id = makeResidentId(
      pick(r, ['640422', '110101', '440305']),
      `20${10 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      Math.floor(r() * 999),
      pick(r, ['male', 'female'] as const),
    );
    return r() < 0.7 ? id : id.slice(0, 17) + ((Number(id[17]) + 1) % 10 || 'X'); // sometimes a wrong check digit
  },
  'mobile-cn': (r) =>
    r() < 0.7 ? `1${pick(r, ['38', '39', '58', '86'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : `${Math.floor(r() * 1e9)}`,
  'student-number': (r) => (r() < 0.5 ? `L${String(Math.floor(r() * 1e17)).padStart(17, '0')}0` : 'G123'),
  'region-code': (r) => pick(r, ['640422', '64', '6404', 'abc', '1234567890']),
  date: (r) => pick(r, ['2026-02-28', '2026-02-30', '2011-05-02', 'yesterday', '2026-9-1']),
  time: (r) => pick(r, ['14:30', '25:00', '08:00:00']),
  'date-time': (r) => pick(r, ['2026-01-01T08:00:00Z', '2026-01-01 08:00']),
  email: (r) => pick(r, ['a@b.cn', 'not-an-email']),
};

/** Random data shaped by a schema: sometimes right, sometimes missing, sometimes the wrong type or out of range. */
export function randomData(root: JsonSchemaObject, node: unknown, r: () => number, depth = 0): unknown {
  const schema = schemaObject(resolveRef(root, node)) ?? {};
  const roll = r();
  if (roll < 0.06) return pick(r, [null, 42, 'x', true, [], {}]); // wrong type
  if (schema.const !== undefined) return r() < 0.8 ? schema.const : 'other';
  if (Array.isArray(schema.enum)) return r() < 0.85 ? pick(r, schema.enum) : 'not-in-enum';
  const type = Array.isArray(schema.type) ? pick(r, schema.type) : (schema.type ?? (schema.properties ? 'object' : undefined));
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        if (r() < 0.25) continue; // missing
        out[name] = randomData(root, sub, r, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (depth > 4) return [];
      const n = Math.floor(r() * 4);
      const items = schema.items && typeof schema.items === 'object' ? schema.items : {};
      return Array.from({ length: n }, () => randomData(root, items, r, depth + 1));
    }
    case 'string': {
      if (schema.format && FORMAT_VALUES[schema.format]) return FORMAT_VALUES[schema.format](r);
      return pick(r, ['', '张', '马小花', 'Roundhouse kicks', 'C-123', 'x'.repeat(40)]);
    }
    case 'integer':
      return pick(r, [0, 3, 6, 75, -1, 1.5]);
    case 'number':
      return pick(r, [0, 2.5, 1000, 2000, -3]);
    case 'boolean':
      return r() < 0.5;
    default:
      return pick(r, ['text', 7, false]);
  }
}
