import type { HistoryEvent } from '@kcbx/api-contract';
import { returnInto } from './returnNotice';

const h = (type: string, at: string, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
  type,
  at,
  elementId: null,
  elementType: null,
  userId: null,
  userName: null,
  taskId: null,
  ...extra,
});

describe('returnInto', () => {
  const history = [
    h('task-completed', '2026-11-01T01:00:00.000Z', { elementId: 'apply' }),
    h('task-returned', '2026-11-01T02:00:00.000Z', {
      elementId: 'review',
      userName: '李校长',
      data: { reason: '请补充诊断证明', toActivityId: 'apply' },
    }),
    h('task-created', '2026-11-01T02:00:00.000Z', { elementId: 'apply' }),
  ];

  it('tells the clerk of a returned step why, by whom and when', () => {
    expect(returnInto(history, 'apply', '2026-11-01T02:00:00.000Z')).toEqual({
      reason: '请补充诊断证明',
      by: '李校长',
      at: '2026-11-01T02:00:00.000Z',
    });
  });

  it('says nothing on other steps, or once the returned step was done again and reached normally later', () => {
    expect(returnInto(history, 'review', '2026-11-01T03:00:00.000Z')).toBeNull();
    const later = [...history, h('task-completed', '2026-11-01T04:00:00.000Z', { elementId: 'apply' })];
    expect(returnInto(later, 'apply', '2026-11-02T00:00:00.000Z')).toBeNull();
  });
});
