import { evaluate, unaryTest } from 'feelin';
import type { Decision, DecisionTable, DmnModel } from './dmn-model';
import { DmnError } from './errors';
import { applyHitPolicy, type MatchedRule } from './hit-policies';

export interface DecisionResult {
  decisionId: string;
  /** single-hit tables and literals: the value (one output) or an object of outputs, null when no rule matched;
   *  multi-hit tables: a list of those, or the aggregate */
  value: unknown;
  /** the rules that matched, 1-based, for the history line a clerk reads */
  matchedRules: number[];
}

type Vars = Record<string, unknown>;

/**
 * The FEEL evaluation a decision uses: feelin's by default; a host with an evaluation budget (the engine's
 * feel-budget) passes its own, so a modeler's table cannot loop for ever.
 */
export interface FeelFunctions {
  evaluate(expression: string, context: Vars): { value: unknown };
  unaryTest(expression: string, context: Vars): { value: boolean | null };
}

let feelFns: FeelFunctions = { evaluate, unaryTest };

function feel(expression: string, context: Vars, decisionId: string, rule?: number): unknown {
  try {
    return feelFns.evaluate(expression, context).value ?? null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DmnError('DMN_EXPRESSION_FAILED', `"${expression}": ${reason}`, { decisionId, rule });
  }
}

function entryMatches(entry: string, input: unknown, context: Vars, decisionId: string, rule: number): boolean {
  if (entry === '' || entry === '-') return true;
  try {
    return feelFns.unaryTest(entry, { ...context, '?': input }).value === true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DmnError('DMN_EXPRESSION_FAILED', `input entry "${entry}": ${reason}`, { decisionId, rule });
  }
}

function decideTable(d: Decision, t: DecisionTable, context: Vars): DecisionResult {
  const inputs = t.inputs.map((i) => (i.expression ? feel(i.expression, context, d.id) : null));
  const matched: MatchedRule[] = [];
  t.rules.forEach((rule, n) => {
    if (!rule.inputEntries.every((entry, i) => entryMatches(entry, inputs[i], context, d.id, n + 1))) return;
    const outputs = Object.fromEntries(
      t.outputs.map((o, i) => [o.name, rule.outputEntries[i] ? feel(rule.outputEntries[i], context, d.id, n + 1) : null]),
    );
    matched.push({ rule: n + 1, outputs });
  });
  return { decisionId: d.id, value: applyHitPolicy(d.id, t, matched), matchedRules: matched.map((m) => m.rule) };
}

/**
 * Decides `decisionId` for the given variables: its required decisions first (their results join the variables
 * under their ids, as Camunda 8 passes them), then its own table or literal expression.
 */
export function evaluateDecision(model: DmnModel, decisionId: string, variables: Vars, functions?: FeelFunctions): DecisionResult {
  const previous = feelFns;
  feelFns = functions ?? { evaluate, unaryTest };
  try {
    return decideWith(model, decisionId, variables);
  } finally {
    feelFns = previous;
  }
}

function decideWith(model: DmnModel, decisionId: string, variables: Vars): DecisionResult {
  const results = new Map<string, DecisionResult>();
  const decide = (id: string): DecisionResult => {
    const done = results.get(id);
    if (done) return done;
    const d = model.decisions.get(id);
    if (!d) throw new DmnError('DMN_DECISION_MISSING', `no decision "${id}" in ${model.name || model.id}`, { decisionId: id });
    const context: Vars = { ...variables };
    for (const r of d.requires) context[r] = decide(r).value;
    const result =
      d.logic.kind === 'table'
        ? decideTable(d, d.logic, context)
        : { decisionId: d.id, value: feel(d.logic.expression, context, d.id), matchedRules: [] };
    results.set(id, result);
    return result;
  };
  return decide(decisionId);
}
