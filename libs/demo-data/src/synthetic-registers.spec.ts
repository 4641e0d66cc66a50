import { isResidentId } from '@kcbx/cn-codes';
import { syntheticChildren } from './synthetic-registers';

describe('synthetic registers', () => {
  it('makes unique, checksum-valid ID numbers in the requested shares', () => {
    const rows = [
      ...syntheticChildren({ children: 20000, registeredShare: 0.95, dropoutShare: 0.02, povertyShare: 0.1, referenceYear: 2026 }),
    ];
    const ids = new Set(rows.map((r) => r.row.idNumber));
    expect(ids.size).toBe(20000);
    expect(rows.slice(0, 500).every((r) => isResidentId(r.row.idNumber))).toBe(true);
    const registered = rows.filter((r) => r.registered).length / rows.length;
    expect(registered).toBeGreaterThan(0.94);
    expect(registered).toBeLessThan(0.96);
  });
});
