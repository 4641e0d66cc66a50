import { statusesAt } from './status-as-of';

describe("a student's status at a period's end, from the status history", () => {
  const students = [
    { id: 'a', status: 'enrolled' as const },
    { id: 'b', status: 'returned' as const },
    { id: 'c', status: 'suspended' as const },
  ];
  const changes = [
    { studentId: 'b', fromStatus: 'enrolled' as const, toStatus: 'suspected-dropout' as const, at: '2026-03-10T02:00:00.000Z' },
    { studentId: 'c', fromStatus: 'enrolled' as const, toStatus: 'suspended' as const, at: '2026-04-02T02:00:00.000Z' },
    { studentId: 'b', fromStatus: 'suspected-dropout' as const, toStatus: 'returned' as const, at: '2026-05-20T02:00:00.000Z' },
  ];

  it('the last change before the end holds; a later change tells what the child was before it; no change: today’s', () => {
    expect(Object.fromEntries(statusesAt(students, changes, '2026-03-31T16:00:00.000Z'))).toEqual({
      a: 'enrolled',
      b: 'suspected-dropout',
      c: 'enrolled',
    });
    expect(Object.fromEntries(statusesAt(students, changes, '2026-02-28T16:00:00.000Z'))).toEqual({
      a: 'enrolled',
      b: 'enrolled',
      c: 'enrolled',
    });
    expect(Object.fromEntries(statusesAt(students, changes, '2026-06-30T16:00:00.000Z'))).toEqual({
      a: 'enrolled',
      b: 'returned',
      c: 'suspended',
    });
  });
});
