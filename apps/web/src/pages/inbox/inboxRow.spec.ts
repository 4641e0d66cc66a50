import type { InboxTask } from '@kcbx/api-contract';
import { dueSoon, maskIdNumber, studentOf } from './inboxRow';

const task = (over: Partial<InboxTask>): InboxTask => ({
  id: 't1',
  name: '劝返走访',
  activityId: 'visit',
  instanceId: 'i1',
  processKey: 'persuasion-return',
  businessKey: null,
  orgUnit: '64042210001',
  orgUnitName: '吉强镇中心小学',
  assignee: null,
  createdAt: '2026-12-01T08:00:00Z',
  dueAt: null,
  overdue: false,
  ...over,
});

describe('an inbox row', () => {
  it('given a full ID number, when shown, then only its first 6 and last 4 digits appear', () => {
    expect(maskIdNumber('640422200801011234')).toBe('640422…1234');
  });
  it('given a number the server masked already, then it is shown as it came', () => {
    expect(maskIdNumber('640422********1234')).toBe('640422********1234');
  });
  it('given no student fields (an older server), then every part is empty, not "undefined"', () => {
    expect(studentOf(task({}))).toEqual({ name: null, id: null, school: null });
  });
  it('given the student fields, then name, masked ID and school', () => {
    expect(studentOf(task({ studentName: '马小明', studentIdNumber: '640422200801011234', schoolName: '吉强镇中心小学' }))).toEqual({
      name: '马小明',
      id: '640422…1234',
      school: '吉强镇中心小学',
    });
  });
  it('is due soon within three days, not when overdue or without a deadline', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(dueSoon(task({ dueAt: '2026-12-03T00:00:00Z' }), now)).toBe(true);
    expect(dueSoon(task({ dueAt: '2026-12-09T00:00:00Z' }), now)).toBe(false);
    expect(dueSoon(task({ dueAt: '2026-11-30T00:00:00Z', overdue: true }), now)).toBe(false);
    expect(dueSoon(task({}), now)).toBe(false);
  });
});
