// Forms benchmark, Node part: validating a 200-field form with a 50-row table, as a react-hook-form resolver
// does on every change. Ours (the cached validator from @kcbx/forms, the API's own check) against the stock
// @hookform/resolvers ajv resolver, plus plain ajv compiled once as the floor. Prints one JSON line.
import { ajvResolver } from '@hookform/resolvers/ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FormValidators, largeForm, resolveForm } from '@kcbx/forms';

const { definition, data } = largeForm(196, 50);
// The same data with 12 wrong values (the error path builds messages and the nested error tree).
const invalid: Record<string, unknown> = { ...data, rows: (data.rows as object[]).map((r, i) => (i < 4 ? { ...r, name: '' } : r)) };
for (const i of [0, 1, 2, 3, 4, 10, 11, 12]) invalid[`f${i}`] = i % 5 === 1 ? -1 : '';
const rhfOptions = { fields: {}, shouldUseNativeValidation: false } as any;

/** Calls per second and µs per call over at least `minMs` of calls (after a warm-up call). */
async function measure(run: () => unknown, minMs: number): Promise<{ opsPerSec: number; usPerCall: number; calls: number }> {
  await run();
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10; i++) await run();
    calls += 10;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { opsPerSec: (calls / elapsed) * 1000, usPerCall: (elapsed * 1000) / calls, calls };
}

async function main() {
  const minMs = Number(process.argv[2] ?? 2000);
  const validators = new FormValidators();
  const stock = ajvResolver(definition.schema as any, { strict: false });
  const plain = addFormats(new Ajv({ allErrors: true, strict: false })).compile(definition.schema);

  // Same verdicts before timing anything.
  const oursValid = resolveForm(definition, data, { locale: 'zh-CN', validators });
  const stockValid = await stock(data, undefined, rhfOptions);
  const oursInvalid = resolveForm(definition, invalid, { locale: 'zh-CN', validators });
  const stockInvalid = await stock(invalid, undefined, rhfOptions);
  const count = (tree: object): number =>
    Object.values(tree).reduce((n: number, v: any) => n + (typeof v?.message === 'string' ? 1 : count(v ?? {})), 0);
  const agree =
    Object.keys(oursValid.errors).length === 0 &&
    Object.keys(stockValid.errors).length === 0 &&
    count(oursInvalid.errors) === count(stockInvalid.errors);

  const result = {
    fields: 196,
    rows: 50,
    agree,
    errorsInInvalid: count(oursInvalid.errors),
    valid: {
      ours: await measure(() => resolveForm(definition, data, { locale: 'zh-CN', validators }), minMs),
      stock: await measure(() => stock(data, undefined, rhfOptions), minMs),
      plainAjv: await measure(() => plain(data), minMs),
    },
    invalid: {
      ours: await measure(() => resolveForm(definition, invalid, { locale: 'zh-CN', validators }), minMs),
      stock: await measure(() => stock(invalid, undefined, rhfOptions), minMs),
      plainAjv: await measure(() => plain(invalid), minMs),
    },
    compiles: validators.compileCount,
  };
  console.log(JSON.stringify(result));
}

void main();
