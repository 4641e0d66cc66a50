import type { StudentFile } from '@kcbx/api-contract';
import { buildFileTimeline, isInternal, type NameSource } from './fileTimeline';

const names: NameSource = {
  process: (i) => (i.key === 'leave-approval' ? '休学申请' : i.key),
  step: (_instance, activityId) => ({ apply: '班主任填写申请', review: '校长审批' })[activityId ?? ''] ?? null,
};

const ev = (id: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  at,
  elementId: null,
  elementType: null,
  userId: null,
  userName: null,
  taskId: null,
  ...extra,
});

function file(): StudentFile {
  return {
    student: {} as StudentFile['student'],
    instances: [
      {
        id: 'i1',
        key: 'leave-approval',
        state: 'completed',
        startedAt: '2026-11-01T01:00:00.000Z',
        endedAt: '2026-11-03T01:00:00.000Z',
        timeline: [
          ev('h1', 'instance-started', '2026-11-01T01:00:00.000Z', { userName: '王老师' }),
          ev('h2', 'task-claimed', '2026-11-01T01:01:00.000Z', { userName: '王老师', taskId: 't1', elementId: 'apply' }),
          ev('h3', 'task-completed', '2026-11-01T02:00:00.000Z', { userName: '王老师', taskId: 't1', elementId: 'apply' }),
          ev('h5', 'instance-ended', '2026-11-03T01:00:00.000Z'),
        ],
      },
    ],
    submissions: [
      {
        instanceId: 'i1',
        taskId: 't1',
        activityId: 'apply',
        formKey: 'leave-application',
        formVersion: 1,
        data: { reason: 'illness' },
        submittedBy: '王老师',
        submittedAt: '2026-11-01T02:00:00.100Z',
      },
      {
        instanceId: 'i1',
        taskId: 't2',
        activityId: 'review',
        formKey: 'principal-review',
        formVersion: 1,
        data: { decision: 'approve' },
        submittedBy: '李校长',
        submittedAt: '2026-11-02T09:00:00.000Z',
      },
    ],
    comments: [{ id: 'c1', body: '家长已联系', authorName: '王老师', createdAt: '2026-11-01T03:00:00.000Z', instanceId: 'i1' }],
    returns: [
      { id: 'r1', instanceId: 'i1', reason: '缺少病历', byName: '李校长', at: '2026-11-01T05:00:00.000Z', fromActivityId: 'review' },
    ],
    attachments: [{ id: 'a1', name: '病历.pdf', instanceId: 'i1', uploadedByName: '王老师', uploadedAt: '2026-11-01T01:30:00.000Z' }],
  };
}

describe('buildFileTimeline', () => {
  it('puts every kind of event of a student in time order, with who and the step names', () => {
    const lines = buildFileTimeline(file(), names).map((e) => [e.kind, e.stepName, e.who, e.text ?? e.attachment?.name ?? null]);
    expect(lines).toEqual([
      ['started', null, '王老师', null],
      ['attachment', null, '王老师', '病历.pdf'],
      ['step', '班主任填写申请', '王老师', null],
      ['comment', null, '王老师', '家长已联系'],
      ['return', '校长审批', '李校长', '缺少病历'],
      ['step', '校长审批', '李校长', null],
      ['ended', null, null, null],
    ]);
  });

  it('shows a completed step and the form submitted with it as one line carrying the form', () => {
    const steps = buildFileTimeline(file(), names).filter((e) => e.kind === 'step');
    expect(steps.map((s) => s.submission?.formKey)).toEqual(['leave-application', 'principal-review']);
    expect(steps[0].processName).toBe('休学申请');
  });
});

describe('internal instances', () => {
  it('given a called 县级流程参数 instance with no step for a person, when the file is built, then none of its lines appear', () => {
    const f = file();
    f.instances.push({
      id: 'i9',
      key: 'county-parameters',
      state: 'completed',
      startedAt: '2026-11-01T01:00:00.000Z',
      endedAt: '2026-11-01T01:00:00.000Z',
      // The starter's id is inherited from the calling case: a user id alone does not make it a person's act.
      timeline: [
        ev('p1', 'instance-started', '2026-11-01T01:00:00.000Z', { userId: 'u1', userName: '王老师' }),
        ev('p2', 'instance-ended', '2026-11-01T01:00:00.000Z', { userId: 'u1' }),
      ],
    });
    const events = buildFileTimeline(f, names);
    expect(events.filter((e) => e.instanceId === 'i9')).toEqual([]);
    expect(events.some((e) => e.instanceId === 'i1')).toBe(true);
  });

  it('given an instance with a step for a person, then it is not internal', () => {
    const f = file();
    expect(isInternal(f.instances[0], f)).toBe(false);
  });
});
