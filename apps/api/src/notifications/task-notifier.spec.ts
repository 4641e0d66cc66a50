import { pathAndAncestors } from './task-notifier';

describe('who is told of an unassigned task', () => {
  it('looks for role holders at the task unit and every unit above it', () => {
    expect(pathAndAncestors('/640422/640422100/64042210001/')).toEqual(['/640422/', '/640422/640422100/', '/640422/640422100/64042210001/']);
    expect(pathAndAncestors('/640422/')).toEqual(['/640422/']);
  });
});
