import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DmnError, evaluateDecision, parseDmn, type DmnModel } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('decision tables: the DMN 1.3 hit policies (TCK-style cases, fixtures/hit-policies.dmn)', () => {
  let model: DmnModel;
  beforeAll(async () => {
    model = await parseDmn(fixture('hit-policies.dmn'));
  });
  const decide = (id: string, vars: Record<string, unknown>) => evaluateDecision(model, id, vars);

  it.each([
    ['unique', { age: 12 }, 'minor', [1]],
    ['unique', { age: 40 }, 'adult', [2]],
    ['first', { score: 95 }, 'A', [1, 2, 3]],
    ['first', { score: 70 }, 'pass', [2, 3]],
    ['first', { score: 10 }, 'fail', [3]],
    ['priority', { amount: 150 }, 'high', [1, 2, 3]],
    ['priority', { amount: 50 }, 'medium', [1, 2]],
    ['any', { kind: '病休' }, 'county', [1, 2, 4]],
    ['any', { kind: '其他' }, 'county', [4]],
    ['ruleOrder', { amount: 150 }, ['big', 'medium', 'any'], [1, 2, 3]],
    ['outputOrder', { amount: 150 }, ['high', 'medium', 'low'], [1, 2, 3]],
    ['collect', { amount: 50 }, [5, 1], [2, 3]],
    ['collectSum', { amount: 150 }, 16, [1, 2, 3]],
    ['collectMin', { amount: 150 }, 1, [1, 2, 3]],
    ['collectMax', { amount: 50 }, 5, [2, 3]],
    ['collectCount', { amount: 5 }, 1, [3]],
  ])('given %s and %j, when decided, then the result is %j from rules %j', (id, vars, value, rules) => {
    expect(decide(id, vars)).toEqual({ decisionId: id, value, matchedRules: rules });
  });

  it('given no specific rule matches, then a single-hit table gives null and a multi-hit one only the catch-all result', () => {
    expect(decide('unique', { age: null }).value).toBeNull();
    expect(decide('collect', { amount: null }).value).toEqual([1]);
    expect(decide('ruleOrder', { amount: null }).value).toEqual(['any']);
  });

  it('given COLLECT SUM matches nothing but COUNT counts, then SUM is null and COUNT is 0 (DMN 1.3 §8.2.10)', async () => {
    const empty = await parseDmn(fixture('hit-policies.dmn').replace(/<text>-<\/text>/g, '<text>&lt; 0</text>'));
    expect(evaluateDecision(empty, 'collectSum', { amount: 5 }).value).toBeNull();
    expect(evaluateDecision(empty, 'collectCount', { amount: 5 }).value).toBe(0);
  });

  it('given UNIQUE rules overlap, when both match, then it refuses naming the rules', () => {
    expect(() => decide('uniqueOverlap', { age: 15 })).toThrow(expect.objectContaining({ code: 'DMN_HIT_POLICY_VIOLATED' }));
    expect(() => decide('uniqueOverlap', { age: 15 })).toThrow(/rules 1, 2/);
    expect(decide('uniqueOverlap', { age: 5 }).value).toBe('minor');
  });

  it('given ANY rules with different outputs match, then it refuses', () => {
    expect(() => decide('any', { kind: '缓学' })).toThrow(DmnError);
  });

  it('given two outputs, then the result is an object of both, and output entries are expressions', () => {
    expect(decide('twoOutputs', { reason: '身体原因', months: 3 }).value).toEqual({ approver: 'township', days: 5 });
    expect(decide('twoOutputs', { reason: '家庭原因', months: 4 }).value).toEqual({ approver: 'county', days: 8 });
  });

  it('given a literal expression requiring a table, then the table decides first and its result is read by id', () => {
    expect(decide('discount', { amount: 150, base: 1 })).toEqual({ decisionId: 'discount', value: 33, matchedRules: [] });
  });

  it('given an unknown decision id, then DMN_DECISION_MISSING', () => {
    expect(() => decide('nope', {})).toThrow(expect.objectContaining({ code: 'DMN_DECISION_MISSING' }));
  });
});

describe('parseDmn refuses what it cannot decide with', () => {
  const wrap = (body: string) =>
    `<?xml version="1.0"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">${body}</definitions>`;

  it.each([
    ['not XML', 'hello', /not a DMN 1.3 file/],
    ['no decision', wrap(''), /no decision/],
    [
      'a missing required decision',
      wrap(
        '<decision id="a"><informationRequirement id="r"><requiredDecision href="#b"/></informationRequirement><literalExpression id="l"><text>1</text></literalExpression></decision>',
      ),
      /requires b/,
    ],
    [
      'a rule with too few entries',
      wrap(
        '<decision id="a"><decisionTable id="t"><input id="i"><inputExpression id="e"><text>x</text></inputExpression></input><output id="o" name="y"/><rule id="r"><outputEntry id="oe"><text>1</text></outputEntry></rule></decisionTable></decision>',
      ),
      /rule 1 has 0 input/,
    ],
    [
      'a cycle of required decisions',
      wrap(
        '<decision id="a"><informationRequirement id="r1"><requiredDecision href="#b"/></informationRequirement><literalExpression id="l1"><text>b</text></literalExpression></decision><decision id="b"><informationRequirement id="r2"><requiredDecision href="#a"/></informationRequirement><literalExpression id="l2"><text>a</text></literalExpression></decision>',
      ),
      /requires itself/,
    ],
  ])('given %s, then it says why', async (_, xml, reason) => {
    await expect(parseDmn(xml)).rejects.toThrow(reason);
  });

  it('given more rules than a table may have, then DMN_TOO_LARGE before anything is evaluated', async () => {
    const rule = (n: number) =>
      `<rule id="r${n}"><inputEntry id="i${n}"><text>${n}</text></inputEntry><outputEntry id="o${n}"><text>1</text></outputEntry></rule>`;
    const rules = Array.from({ length: 2_001 }, (_, n) => rule(n)).join('');
    const xml = wrap(
      `<decision id="a"><decisionTable id="t"><input id="in"><inputExpression id="e"><text>x</text></inputExpression></input><output id="out" name="y"/>${rules}</decisionTable></decision>`,
    );
    await expect(parseDmn(xml)).rejects.toMatchObject({ code: 'DMN_TOO_LARGE' });
  });
});

describe('evaluateDecision with the host’s FEEL functions', () => {
  it('given a host evaluation that refuses (an exhausted budget), then the decision fails with DMN_EXPRESSION_FAILED', async () => {
    const model = await parseDmn(readFileSync(join(__dirname, 'fixtures', 'hit-policies.dmn'), 'utf8'));
    const refusing = {
      evaluate: () => {
        throw new Error('budget exceeded');
      },
      unaryTest: () => ({ value: true }),
    };
    expect(() => evaluateDecision(model, 'unique', { age: 3 }, refusing)).toThrow(/budget exceeded/);
    // the default comes back afterwards
    expect(evaluateDecision(model, 'unique', { age: 3 }).value).toBe('minor');
  });
});
