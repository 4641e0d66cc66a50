import { BpmnError } from '../runtime/handlers';
import { TENANT, T0, givenEngine } from './harness';
import type { ServiceContext } from '../runtime/handlers';

describe('script and service tasks', () => {
  it('given a FEEL script and a handler with io mappings, when jobs run, then the result and mapped output are stored', async () => {
    const seen: ServiceContext[] = [];
    const { engine, clock } = await givenEngine(['service-script.bpmn'], {
      serviceHandlers: {
        'set ledger status': (ctx) => {
          seen.push(ctx);
          return { ledgerId: 'L-9' };
        },
      },
    });
    const { id } = await engine.startProcess({
      tenantId: TENANT,
      key: 'services',
      businessKey: 'case-1',
      variables: { absentDays: 12, poor: true },
    });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ riskScore: 34 });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['setLedger']);
    await engine.executeDueJobs(clock.now());
    expect(seen[0]).toMatchObject({ businessKey: 'case-1', activityId: 'setLedger', variables: { status: 'risk-34', riskScore: 34 } });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['done']);
    const vars = await engine.getVariables(TENANT, id);
    expect(vars).toMatchObject({ ledgerRef: 'L-9' });
    expect(vars).not.toHaveProperty('status');
    expect(vars).not.toHaveProperty('ledgerId');
  });

  it('given a handler that fails, when retried with back-off until retries run out, then an incident is raised; retrying it succeeds', async () => {
    let failures = 1;
    const { engine, clock } = await givenEngine(['service-script.bpmn'], {
      serviceHandlers: {
        'set ledger status': () => {
          if (failures-- > 0 || clock.now() < T0 + 5000) throw new Error('ledger service down');
          return { ledgerId: 'L-1' };
        },
      },
    });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'services', variables: { absentDays: 1, poor: false } });
    expect(await engine.executeDueJobs(clock.now())).toEqual({ done: 0, failed: 1 });
    const [job] = await engine.listJobs(TENANT, id);
    expect(job).toMatchObject({ retries: 1, dueAt: T0 + 1000, lastError: 'ledger service down', lockOwner: null });
    expect(await engine.executeDueJobs(clock.advance(999))).toEqual({ done: 0, failed: 0 });
    expect(await engine.executeDueJobs(clock.advance(1))).toEqual({ done: 0, failed: 1 });
    const [incident] = await engine.listIncidents(TENANT, id);
    expect(incident).toMatchObject({ type: 'JOB_FAILED', activityId: 'setLedger', message: 'ledger service down' });
    expect(await engine.executeDueJobs(clock.advance(60_000))).toEqual({ done: 0, failed: 0 });

    await engine.retryIncident({ tenantId: TENANT, incidentId: incident.id });
    expect(await engine.executeDueJobs(clock.now())).toEqual({ done: 1, failed: 0 });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['done']);
    expect(await engine.listIncidents(TENANT, id)).toEqual([]);
  });

  it('given a handler throwing a BPMN error, when the job runs, then the error boundary takes the token', async () => {
    const { engine, clock } = await givenEngine(['service-script.bpmn'], {
      serviceHandlers: {
        'set ledger status': () => {
          throw new BpmnError('NO_LEDGER');
        },
      },
    });
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'services', variables: { absentDays: 1, poor: false } });
    await engine.executeDueJobs(clock.now());
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['createLedger']);
    expect(await engine.listJobs(TENANT, id)).toEqual([]);
  });

  it('given a script reading a missing variable, when reached, then FEEL gives null and the token continues (only conditions must be booleans)', async () => {
    const { engine } = await givenEngine(['service-script.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'services', variables: { poor: false } });
    const vars = await engine.getVariables(TENANT, id);
    expect(vars).toMatchObject({ riskScore: null });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['setLedger']);
  });
});
