import { readFileSync } from 'fs';
import * as path from 'path';
import { Engine, MemoryStore } from '@kcbx/engine';
import type { FormDefinition } from '@kcbx/forms';
import { choosesReturn, returnChoice, returnFlowTarget } from './return-choice';

const ROOT = path.resolve(__dirname, '../../../..');
const form = (key: string) => JSON.parse(readFileSync(path.join(ROOT, 'forms', `${key}.form.json`), 'utf8')) as FormDefinition;

async function modelOf(file: string) {
  const engine = new Engine({ store: new MemoryStore() });
  const [deployed] = await engine.deploy({
    tenantId: 't',
    resources: [{ name: file, content: readFileSync(path.join(ROOT, 'workflows', file), 'utf8') }],
  });
  return engine.model((await engine.getDefinition('t', deployed.id))!);
}

describe('a review form’s 退回修改 choice', () => {
  it('given the shipped review form, then its decision "return" is the return choice and its opinion the reason', () => {
    const choice = returnChoice(form('review-decision'));
    expect(choice).toEqual({ field: 'decision', value: 'return', reasonField: 'opinion' });
    expect(choosesReturn(choice, { decision: 'return', opinion: '请补充' })).toBe(true);
    expect(choosesReturn(choice, { decision: 'approve', opinion: '同意' })).toBe(false);
  });

  it('given a form without a return choice, then nothing it submits is a return', () => {
    const choice = returnChoice(form('persuasion-visit'));
    expect(choice).toBeNull();
    expect(choosesReturn(choice, { decision: 'return' })).toBe(false);
  });

  it('given the deferral procedure, then each review returns where its own gateway sends "return": the application', async () => {
    const model = await modelOf('deferral-suspension.bpmn');
    expect(returnFlowTarget(model, 'schoolReview', 'return')).toBe('apply');
    expect(returnFlowTarget(model, 'townshipReview', 'return')).toBe('apply');
    expect(returnFlowTarget(model, 'groupApproval', 'return')).toBe('apply');
    // a step without a return flow: the engine goes back to the previous step
    expect(returnFlowTarget(model, 'apply', 'return')).toBeNull();
  });
});
