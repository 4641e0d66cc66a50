import { feelSyntaxError, feelVariableNames } from '../validate/feel-syntax';

/** What an expression reads decides the unknown-variable warning; function names and local names are not reads. */
describe('FEEL reading', () => {
  it.each([
    ['=decision = "return"', ['decision']],
    ['=count(visits) > 2 and today() > deadline', ['visits', 'deadline']],
    ['=some v in visits satisfies v.ok', ['visits']],
    ['=item.amount > limit', ['item', 'limit']],
    ['=date(from) + duration("P10D")', ['from']],
  ])('%s reads %j', (source, names) => {
    expect(feelVariableNames(source)).toEqual(names);
  });

  it.each([
    ['=(a > 1', 7],
    ['=a = "x" and', 12],
    ['=', 1],
  ])('%s stops parsing at offset %i', (source, at) => {
    expect(feelSyntaxError(source)).toEqual({ offset: at });
  });

  it('accepts what parses', () => {
    expect(feelSyntaxError('=decision = "return" and count(visits) >= 2')).toBeNull();
  });
});
