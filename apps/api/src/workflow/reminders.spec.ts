import { durationMs, reminderPlan } from './reminders';

describe('reminder plan', () => {
  it('reads ISO durations of days, hours, minutes and seconds', () => {
    expect(durationMs('P1D')).toBe(86_400_000);
    expect(durationMs('PT4H')).toBe(4 * 3_600_000);
    expect(durationMs('P1DT12H30M')).toBe(86_400_000 + 12.5 * 3_600_000);
    expect(durationMs('PT0S')).toBe(0);
    expect(durationMs('P')).toBeNull();
    expect(durationMs('1 day')).toBeNull();
  });

  it('gives each stage its time and recipients; a supervisor or escalation stage without its role is left out', () => {
    const due = Date.parse('2026-05-08T01:00:00Z');
    const plan = reminderPlan(
      { remindBefore: 'P1D, PT2H', remindOverdue: 'holder:PT0S,supervisor:P1D,escalate:P2D', supervisorRole: 'township-official' },
      due,
    );
    expect(plan).toEqual([
      { stage: 'before:P1D', at: due - 86_400_000, to: 'holder', role: null },
      { stage: 'before:PT2H', at: due - 7_200_000, to: 'holder', role: null },
      { stage: 'overdue:holder', at: due, to: 'holder', role: null },
      { stage: 'overdue:supervisor', at: due + 86_400_000, to: 'supervisor', role: 'township-official' },
    ]);
    expect(reminderPlan({}, due)).toEqual([]);
  });
});
