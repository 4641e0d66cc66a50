import { beyondRetention, dueSlotName } from './backup-slots';

describe('scheduled backup slots and retention', () => {
  const at = { hour: 2, minute: 30 };

  it('after the set time, today’s slot; before it, yesterday’s (a missed night is caught up once)', () => {
    expect(dueSlotName(at, new Date(2026, 11, 6, 2, 30))).toBe('kcbx-20261206-0230.tar.gz');
    expect(dueSlotName(at, new Date(2026, 11, 6, 23, 59))).toBe('kcbx-20261206-0230.tar.gz');
    expect(dueSlotName(at, new Date(2026, 11, 6, 2, 29))).toBe('kcbx-20261205-0230.tar.gz');
    expect(dueSlotName(at, new Date(2027, 0, 1, 0, 5))).toBe('kcbx-20261231-0230.tar.gz');
  });

  it('keeps the newest N of ours and never names a file that is not a scheduled backup', () => {
    const names = [
      'kcbx-20261201-0230.tar.gz',
      'kcbx-20261203-0230.tar.gz',
      'kcbx-20261202-0230.tar.gz',
      'before-upgrade.tar.gz',
      'kcbx-20261204-0230.tar.gz.partial',
      'notes.txt',
    ];
    expect(beyondRetention(names, 2)).toEqual(['kcbx-20261201-0230.tar.gz']);
    expect(beyondRetention(names, 5)).toEqual([]);
  });
});
