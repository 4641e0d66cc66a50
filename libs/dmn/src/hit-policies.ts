import type { DecisionTable } from './dmn-model';
import { DmnError } from './errors';

export interface MatchedRule {
  rule: number;
  outputs: Record<string, unknown>;
}

/** one output → its value; several → the object of them (DMN's context result) */
function resultOf(t: DecisionTable, m: MatchedRule): unknown {
  return t.outputs.length === 1 ? m.outputs[t.outputs[0].name] : m.outputs;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** the position of a rule's outputs in the outputs' priority lists (lower = higher priority), compared in order */
function priorityKey(t: DecisionTable, m: MatchedRule): number[] {
  return t.outputs.map((o) => {
    const at = o.priority?.findIndex((v) => same(v, m.outputs[o.name])) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  });
}

function byPriority(t: DecisionTable, matched: MatchedRule[]): MatchedRule[] {
  return [...matched].sort((a, b) => {
    const ka = priorityKey(t, a);
    const kb = priorityKey(t, b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.rule - b.rule;
  });
}

function aggregate(decisionId: string, t: DecisionTable, values: unknown[]): unknown {
  if (t.aggregation === 'COUNT') return values.length;
  if (values.length === 0) return null;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length !== values.length)
    throw new DmnError('DMN_EXPRESSION_FAILED', `${t.aggregation} needs numbers, got ${JSON.stringify(values)}`, { decisionId });
  if (t.aggregation === 'SUM') return numbers.reduce((s, v) => s + v, 0);
  return t.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** DMN 1.3 §8.2.10: how the matched rules of a table make its result */
export function applyHitPolicy(decisionId: string, t: DecisionTable, matched: MatchedRule[]): unknown {
  switch (t.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1)
        throw new DmnError('DMN_HIT_POLICY_VIOLATED', `UNIQUE table matched rules ${matched.map((m) => m.rule).join(', ')}`, {
          decisionId,
        });
      return matched.length ? resultOf(t, matched[0]) : null;
    case 'ANY':
      if (matched.some((m) => !same(m.outputs, matched[0].outputs)))
        throw new DmnError(
          'DMN_HIT_POLICY_VIOLATED',
          `ANY table matched rules ${matched.map((m) => m.rule).join(', ')} with different outputs`,
          {
            decisionId,
          },
        );
      return matched.length ? resultOf(t, matched[0]) : null;
    case 'FIRST':
      return matched.length ? resultOf(t, matched[0]) : null;
    case 'PRIORITY':
      return matched.length ? resultOf(t, byPriority(t, matched)[0]) : null;
    case 'RULE ORDER':
      return matched.map((m) => resultOf(t, m));
    case 'OUTPUT ORDER':
      return byPriority(t, matched).map((m) => resultOf(t, m));
    case 'COLLECT': {
      const values = matched.map((m) => resultOf(t, m));
      return t.aggregation ? aggregate(decisionId, t, values) : values;
    }
  }
}
