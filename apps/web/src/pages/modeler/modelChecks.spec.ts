import { checkSteps, type StepFacts } from './modelChecks';

const step = (over: Partial<StepFacts>): StepFacts => ({
  id: 'apply',
  name: '班主任填写申请',
  type: 'userTask',
  formId: 'leave-application',
  candidateGroups: ['class-teacher'],
  assignee: '',
  ...over,
});
const forms = new Set(['leave-application', 'principal-review']);
const roles = new Set(['class-teacher', 'principal']);

describe('checks before deploying', () => {
  it('given a complete step, then nothing is reported', () => {
    expect(checkSteps([step({})], forms, roles)).toEqual([]);
  });

  it('given a user task without a form or anyone to work it, then both are named with the step', () => {
    const problems = checkSteps([step({ formId: '', candidateGroups: [] })], forms, roles);
    expect(problems.map((p) => p.message)).toEqual(['modeler.check.noForm', 'modeler.check.noRoles']);
    expect(problems[0]).toMatchObject({ elementId: 'apply', params: { step: '班主任填写申请' } });
  });

  it('given a role the county does not have, then it is reported; a FEEL expression is left to run time', () => {
    const problems = checkSteps([step({ candidateGroups: ['class-teacher', 'ghost-role', '=reviewers'] })], forms, roles);
    expect(problems).toEqual([
      { elementId: 'apply', message: 'modeler.check.unknownRole', params: { step: '班主任填写申请', role: 'ghost-role' } },
    ]);
  });

  it('given an unpublished form, then it is reported; an assignee alone is enough to work a step', () => {
    const problems = checkSteps([step({ formId: 'nope', candidateGroups: [], assignee: '=startedBy' })], forms, roles);
    expect(problems.map((p) => p.message)).toEqual(['modeler.check.unknownForm']);
  });

  it('given a start event, then a form and starter roles are optional, but an unknown starter role is reported', () => {
    expect(checkSteps([step({ id: 'start', name: null, type: 'startEvent', formId: '', candidateGroups: [] })], forms, roles)).toEqual([]);
    expect(checkSteps([step({ id: 'start', name: null, type: 'startEvent', candidateGroups: ['guardian'] })], forms, roles)).toEqual([
      { elementId: 'start', message: 'modeler.check.unknownStarter', params: { step: 'start', role: 'guardian' } },
    ]);
  });
});
