import { DeploymentError } from '../errors';
import { TENANT, fixture, givenEngine } from './harness';

const RULES = ['risk-level.dmn', 'business-rule.bpmn'];

describe('business rule tasks deciding with deployed DMN', () => {
  it('given a deployed decision, when a case reaches the business rule task, then its output mapping sets the result (as for service tasks, the result variable itself stays local) and history names the decision, version and rule', async () => {
    const { engine } = await givenEngine(RULES);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 12 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    const vars = await engine.getVariables(TENANT, id);
    expect(vars).toMatchObject({ riskLabel: '风险：中' });
    expect(vars).not.toHaveProperty('risk');
    const decided = (await engine.getHistory(TENANT, id)).filter((h) => h.type === 'decision-evaluated');
    expect(decided).toMatchObject([{ elementId: 'decideRisk', data: { decisionId: 'riskLevel', version: 1, matchedRules: [2] } }]);
  });

  it('given a Camunda 7 business rule task (camunda:decisionRef, camunda:resultVariable), when reached, then it decides the same way', async () => {
    const { engine } = await givenEngine(['risk-level.dmn', 'business-rule-c7.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rulesC7', variables: { absentDays: 3 } });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ risk: '低' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
  });

  it('given the same DMN deployed again, then no new version; when changed, then a new version is decided with from then on', async () => {
    const { engine, store } = await givenEngine(RULES);
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: fixture('risk-level.dmn') }] });
    const versions = () => store.transaction((tx) => tx.find('decision', { tenantId: TENANT, key: 'riskLevel' }));
    expect((await versions()).map((d) => d.version)).toEqual([1]);
    const changed = fixture('risk-level.dmn').replace('"中"', '"较高"');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: changed }] });
    expect((await versions()).map((d) => [d.version, d.name, d.resourceName])).toEqual([
      [1, '风险等级', 'risk-level.dmn'],
      [2, '风险等级', 'risk-level.dmn'],
    ]);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 15 } });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskLabel: '风险：较高' });
    expect((await engine.getHistory(TENANT, id)).find((h) => h.type === 'decision-evaluated')!.data).toMatchObject({ version: 2 });
    expect(await versions()).toHaveLength(2);
    // another county has no decisions of its own
    expect(await store.transaction((tx) => tx.find('decision', { tenantId: 'another-county' }))).toEqual([]);
  });

  it('given a DMN parseDmn refuses, when deploying it, then the deployment fails naming the resource and the reason, storing nothing', async () => {
    const { engine, store } = await givenEngine([]);
    const broken = fixture('risk-level.dmn').replace('hitPolicy="UNIQUE"', 'hitPolicy="SOMETIMES"');
    const error = await engine
      .deploy({
        tenantId: TENANT,
        resources: [
          { name: 'broken.dmn', content: broken },
          { name: 'business-rule.bpmn', content: fixture('business-rule.bpmn') },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentError);
    expect((error as DeploymentError).problems).toMatchObject([{ resource: 'broken.dmn', code: 'DMN_INVALID' }]);
    expect((error as DeploymentError).problems[0].message).toContain('SOMETIMES');
    expect(await store.transaction((tx) => tx.find('decision', { tenantId: TENANT }))).toEqual([]);
    expect(await store.transaction((tx) => tx.find('definition', { tenantId: TENANT }))).toEqual([]);
  });

  it('given no deployed decision, when the task is reached, then an incident stops the token; after deploying the DMN, retrying decides and goes on', async () => {
    const { engine } = await givenEngine(['business-rule.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 30 } });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'DECISION_NOT_DEPLOYED', activityId: 'decideRisk' });
    expect(incident.message).toContain('riskLevel');
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: fixture('risk-level.dmn') }] });
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskLabel: '风险：高' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
    expect(await engine.listIncidents(TENANT, id)).toEqual([]);
  });

  it('given a value two UNIQUE rules match, when deciding, then the DmnError becomes an incident; fixing the variable and retrying goes on', async () => {
    const { engine } = await givenEngine(RULES);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 20 } });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'DMN_HIT_POLICY_VIOLATED', activityId: 'decideRisk' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['decideRisk']);
    await engine.setVariables({ tenantId: TENANT, instanceId: id, variables: { absentDays: 21 } });
    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskLabel: '风险：高' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['review']);
  });

  it('given a FEEL input that loops past the budget, when deciding, then the budget stops it as an incident', async () => {
    const looping = fixture('risk-level.dmn').replace('<text>absentDays</text>', '<text>count(for i in 1..1000000 return i)</text>');
    const { engine } = await givenEngine(['business-rule.bpmn']);
    await engine.deploy({ tenantId: TENANT, resources: [{ name: 'risk-level.dmn', content: looping }] });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rules', variables: { absentDays: 1 } });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'DMN_EXPRESSION_FAILED', activityId: 'decideRisk' });
    expect(incident.message).toContain('100000');
  });

  it('given a business rule task with zeebe:taskDefinition, when reached, then it is a job for its handler, as a service task', async () => {
    const { engine, clock } = await givenEngine(RULES, { serviceHandlers: { 'score externally': () => ({ score: 7 }) } });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'rulesByJob' });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['external']);
    expect(await engine.executeDueJobs(clock.now())).toEqual({ done: 1, failed: 0 });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ score: 7 });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['jobDone']);
  });
});
