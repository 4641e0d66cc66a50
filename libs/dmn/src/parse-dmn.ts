import { DmnModdle, type DmnElement } from 'dmn-moddle';
import { evaluate } from 'feelin';
import { DMN_LIMITS, type Aggregation, type Decision, type DecisionTable, type DmnModel, type HitPolicy } from './dmn-model';
import { DmnError } from './errors';

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

const list = (value: unknown): DmnElement[] => (Array.isArray(value) ? (value as DmnElement[]) : []);
const child = (value: unknown): DmnElement | null => (value && typeof value === 'object' ? (value as DmnElement) : null);
const text = (el: DmnElement | null): string => (typeof el?.text === 'string' ? el.text.trim() : '');

function table(decisionId: string, el: DmnElement): DecisionTable {
  const hitPolicy = (el.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) throw new DmnError('DMN_INVALID', `hit policy ${hitPolicy} is not DMN 1.3`, { decisionId });
  const aggregation = (el.aggregation ?? null) as Aggregation | null;
  if (aggregation && (!AGGREGATIONS.includes(aggregation) || hitPolicy !== 'COLLECT'))
    throw new DmnError('DMN_INVALID', `aggregation ${aggregation} needs the COLLECT hit policy`, { decisionId });
  const inputs = list(el.input).map((i) => ({ label: i.label ?? null, expression: text(child(i.inputExpression)) }));
  const outputs = list(el.output).map((o, n) => {
    const values = text(child(o.outputValues));
    let priority: unknown[] | null = null;
    if (values) {
      const parsed = evaluate(`[${values}]`).value;
      priority = Array.isArray(parsed) ? parsed : null;
    }
    return { name: o.name ?? (list(el.output).length === 1 ? 'result' : `output${n + 1}`), label: o.label ?? null, priority };
  });
  if (inputs.length > DMN_LIMITS.inputs || outputs.length > DMN_LIMITS.outputs)
    throw new DmnError('DMN_TOO_LARGE', `a table may have at most ${DMN_LIMITS.inputs} inputs and ${DMN_LIMITS.outputs} outputs`, {
      decisionId,
    });
  if (outputs.length === 0) throw new DmnError('DMN_INVALID', 'a decision table needs at least one output', { decisionId });
  if (aggregation && outputs.length !== 1)
    throw new DmnError('DMN_INVALID', `aggregation ${aggregation} needs exactly one output`, { decisionId });
  const rules = list(el.rule).map((r, n) => {
    const inputEntries = list(r.inputEntry).map((e) => text(e));
    const outputEntries = list(r.outputEntry).map((e) => text(e));
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length)
      throw new DmnError('DMN_INVALID', `rule ${n + 1} has ${inputEntries.length} input and ${outputEntries.length} output entries`, {
        decisionId,
        rule: n + 1,
      });
    if ([...inputEntries, ...outputEntries].some((e) => e.length > DMN_LIMITS.entryLength))
      throw new DmnError('DMN_TOO_LARGE', `rule ${n + 1} has an entry over ${DMN_LIMITS.entryLength} characters`, {
        decisionId,
        rule: n + 1,
      });
    return { inputEntries, outputEntries, description: typeof r.description === 'string' ? r.description : null };
  });
  if (rules.length > DMN_LIMITS.rules)
    throw new DmnError('DMN_TOO_LARGE', `a table may have at most ${DMN_LIMITS.rules} rules`, { decisionId });
  return { kind: 'table', hitPolicy, aggregation, inputs, outputs, rules };
}

function decision(el: DmnElement): Decision {
  const id = el.id ?? '';
  const logic = child(el.decisionLogic);
  const requires = list(el.informationRequirement)
    .map((r) => child(r.requiredDecision)?.href ?? '')
    .filter((href) => href.startsWith('#'))
    .map((href) => href.slice(1));
  if (logic?.$type === 'dmn:DecisionTable') return { id, name: el.name ?? id, requires, logic: table(id, logic) };
  if (logic?.$type === 'dmn:LiteralExpression')
    return {
      id,
      name: el.name ?? id,
      requires,
      logic: { kind: 'literal', expression: text(logic), variable: child(el.variable)?.name ?? id },
    };
  throw new DmnError('DMN_INVALID', `decision ${id} has no decision table or literal expression`, { decisionId: id });
}

/** Reads a DMN 1.3 file (as Camunda Modeler and dmn-js save it); refuses what it cannot decide with, saying why. */
export async function parseDmn(xml: string): Promise<DmnModel> {
  let root: DmnElement;
  try {
    ({ rootElement: root } = await new DmnModdle().fromXML(xml, 'dmn:Definitions'));
  } catch (error) {
    throw new DmnError('DMN_INVALID', `not a DMN 1.3 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const elements = list(root.drgElement).filter((e) => e.$type === 'dmn:Decision');
  if (elements.length === 0) throw new DmnError('DMN_INVALID', 'the file has no decision');
  if (elements.length > DMN_LIMITS.decisions)
    throw new DmnError('DMN_TOO_LARGE', `a file may have at most ${DMN_LIMITS.decisions} decisions`);
  const decisions = new Map(elements.map((e) => [e.id ?? '', decision(e)]));
  for (const d of decisions.values())
    for (const r of d.requires)
      if (!decisions.has(r))
        throw new DmnError('DMN_INVALID', `decision ${d.id} requires ${r}, which is not in the file`, { decisionId: d.id });
  checkNoCycle(decisions);
  return { id: root.id ?? '', name: root.name ?? root.id ?? '', decisions };
}

function checkNoCycle(decisions: Map<string, Decision>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new DmnError('DMN_INVALID', `decision ${id} requires itself through others`, { decisionId: id });
    state.set(id, 'visiting');
    for (const r of decisions.get(id)!.requires) visit(r);
    state.set(id, 'done');
  };
  for (const id of decisions.keys()) visit(id);
}
