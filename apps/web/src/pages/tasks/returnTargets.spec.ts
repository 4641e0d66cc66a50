import type { HistoryEvent, ProcessInstance, TaskDetail } from '@kcbx/api-contract';
import { returnTargets } from './returnTargets';

const done = (elementId: string): HistoryEvent => ({
  type: 'task-completed',
  at: '2026-11-01T01:00:00.000Z',
  elementId,
  elementType: 'bpmn:UserTask',
  userId: null,
  userName: null,
  taskId: null,
});
const task = { activityId: 'review', earlierSteps: [{ activityId: 'apply' }, { activityId: 'check' }] } as unknown as TaskDetail;
const instance = (history: HistoryEvent[]) => ({ history }) as unknown as ProcessInstance;

describe('returnTargets', () => {
  it('lists the steps done before in the case, newest first, each once and never the task’s own', () => {
    const history = [done('apply'), done('review'), done('check'), done('apply'), done('notify')];
    expect(returnTargets(task, instance(history), { apply: '申请', notify: '通知' })).toEqual([
      { id: 'notify', name: '通知' },
      { id: 'apply', name: '申请' },
      { id: 'check', name: 'check' },
    ]);
  });

  it('falls back to the earlier forms while the instance is not known', () => {
    expect(returnTargets(task, null, {}).map((s) => s.id)).toEqual(['check', 'apply']);
  });
});
