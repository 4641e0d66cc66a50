import { cutoffOf, retentionOf } from './history-retention';

describe('the history retention period', () => {
  it('is read from the county parameters as the model stores them (XML-escaped) and as written', () => {
    expect(retentionOf('<x expression="={&#10;  historyRetention: &quot;P3Y&quot;,&#10;}" />')).toBe('P3Y');
    expect(retentionOf('historyRetention: "P18M"')).toBe('P18M');
    expect(retentionOf('<x expression="={ renewalLead: &quot;P10D&quot; }" />')).toBeNull();
    expect(retentionOf(null)).toBeNull();
  });

  it('refuses a value that is not a period of years, months, weeks or days', () => {
    expect(() => retentionOf('historyRetention: "three years"')).toThrow(/not an ISO 8601 period/);
    expect(() => retentionOf('historyRetention: "PT5H"')).toThrow(/not an ISO 8601 period/);
  });

  it('counts back on the calendar from now', () => {
    const now = Date.parse('2026-12-07T08:00:00.000Z');
    expect(new Date(cutoffOf(now, 'P3Y')).toISOString()).toBe('2023-12-07T08:00:00.000Z');
    expect(new Date(cutoffOf(now, 'P1Y6M')).toISOString()).toBe('2025-06-07T08:00:00.000Z');
    expect(new Date(cutoffOf(now, 'P2W3D')).toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });
});
