import { type DmnModel, DmnError, evaluateDecision, parseDmn } from '@kcbx/dmn';
import { unaryTest } from 'feelin';
import type { ElementDef } from '../model/model';
import type { ExecutionRecord } from '../storage';
import { evaluateWithBudget } from './feel-budget';
import { leave } from './leave';
import type { Run } from './run';
import { visibleVariables } from './variables';

/** parsed DMN per stored decision record (records never change), bounded like the FEEL plan cache */
const models = new Map<string, Promise<DmnModel>>();
const MODEL_CACHE_SIZE = 200;

function modelOf(recordId: string, xml: string): Promise<DmnModel> {
  let model = models.get(recordId);
  if (!model) {
    if (models.size >= MODEL_CACHE_SIZE) models.clear();
    model = parseDmn(xml);
    models.set(recordId, model);
    model.catch(() => models.delete(recordId));
  }
  return model;
}

/**
 * A business rule task decides with the latest deployed version of its decision in the county, on the variables
 * the token sees, and goes on with the result in its result variable (output mappings apply as for a script task).
 * Input expressions and outputs run within the engine's FEEL budget; input entries are unary tests, which feelin
 * evaluates against one value. A missing decision or a failing table stops the token with an incident: after the
 * decision is deployed or the data fixed, retrying the incident decides again.
 */
export async function enterBusinessRule(run: Run, exec: ExecutionRecord, el: ElementDef): Promise<void> {
  const { decisionId, resultVariable } = el.decision!;
  const latest = (await run.tx.find('decision', { tenantId: exec.tenantId, key: decisionId })).sort((a, b) => b.version - a.version)[0];
  if (!latest) return run.raiseIncident(exec, 'DECISION_NOT_DEPLOYED', `no deployed decision "${decisionId}" (deploy its DMN, then retry)`);
  let result;
  try {
    const model = await modelOf(latest.id, latest.xml);
    result = evaluateDecision(model, decisionId, await visibleVariables(run, exec), { evaluate: evaluateWithBudget, unaryTest });
  } catch (error) {
    if (!(error instanceof DmnError)) throw error;
    return run.raiseIncident(exec, error.code, `decision "${decisionId}" v${latest.version}: ${error.message}`);
  }
  run.history(exec.tenantId, exec.instanceId, 'decision-evaluated', {
    elementId: el.id,
    elementType: el.type,
    data: { decisionId, version: latest.version, matchedRules: result.matchedRules },
  });
  return leave(run, exec, undefined, { [resultVariable]: result.value });
}
