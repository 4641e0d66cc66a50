import { makeResidentId } from '@kcbx/cn-codes';

/**
 * Synthetic registers for benchmarks and scale tests: `children` household records (ages 3–17), a student
 * register holding `registeredShare` of them (plus a few IDs unknown to the household register), an in-school
 * roster missing `dropoutShare` of the registered, and a poor-household list. All invented; checksum-valid.
 */
export interface SyntheticOptions {
  children: number;
  registeredShare: number;
  dropoutShare: number;
  povertyShare: number;
  referenceYear: number;
}

export interface SyntheticRow {
  idNumber: string;
  name: string;
  birthDate: string;
  township: string;
}

export function* syntheticChildren(
  o: SyntheticOptions,
): Generator<{ row: SyntheticRow; registered: boolean; enrolled: boolean; poor: boolean }> {
  let x = 2463534242;
  const rand = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const townships = ['吉强镇', '兴隆镇', '平峰镇', '将台堡镇', '新营乡', '红耀乡', '田坪乡', '马建乡'];
  for (let i = 0; i < o.children; i++) {
    const age = 3 + (i % 15);
    const day = 1 + (Math.floor(i / 15) % 365);
    const date = new Date(Date.UTC(o.referenceYear - age - 1, 0, day));
    const birthDate = date.toISOString().slice(0, 10);
    // The sequence varies with i so that IDs are unique: 1000 sequence numbers × 365 days × 15 ages.
    const idNumber = makeResidentId(
      `6404${String(22 + (i % 4)).padStart(2, '0')}`,
      birthDate,
      Math.floor(i / 5475) * 2,
      i % 2 ? 'female' : 'male',
    );
    const registered = rand() < o.registeredShare;
    yield {
      row: { idNumber, name: `儿童${i}`, birthDate, township: townships[i % townships.length] },
      registered,
      enrolled: registered && rand() >= o.dropoutShare,
      poor: rand() < o.povertyShare,
    };
  }
}
