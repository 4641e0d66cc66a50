import type { LedgerEntry } from '../database/entities';
import { beijingMonth, monthEnd, statusesAsOf } from './ledger-as-of';

describe('month boundaries in Beijing time', () => {
  it('a month ends at midnight in Beijing, 16:00 UTC the day before', () => {
    expect(monthEnd('2026-11')).toBe('2026-11-30T16:00:00.000Z');
    expect(monthEnd('2026-12')).toBe('2026-12-31T16:00:00.000Z');
    expect(monthEnd('2027-02')).toBe('2027-02-28T16:00:00.000Z');
  });

  it('late evening UTC on the last day is already the next month in Beijing', () => {
    expect(beijingMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
});

describe('the ledger as it stood at an instant', () => {
  it('gives each entry the status of its last change before then, and an entry never changed is open', () => {
    const entry = (id: string) => ({ id }) as LedgerEntry;
    const list = statusesAsOf(
      [entry('a'), entry('b'), entry('c')],
      [
        { entryId: 'a', toStatus: 'in-progress' },
        { entryId: 'b', toStatus: 'in-progress' },
        { entryId: 'a', toStatus: 'signed-off' },
      ],
    );
    expect(list.map((e) => `${e.entry.id}:${e.status}`)).toEqual(['a:signed-off', 'b:in-progress', 'c:open']);
  });
});
