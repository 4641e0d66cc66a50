import { MessageNotCorrelatedError } from '../errors';
import { TENANT, givenEngine } from './harness';

async function givenTwoCases() {
  const ctx = await givenEngine(['message-events.bpmn']);
  const a = await ctx.engine.startProcess({ tenantId: TENANT, key: 'messages', variables: { caseNo: 'A-1' } });
  const b = await ctx.engine.startProcess({ tenantId: TENANT, key: 'messages', variables: { caseNo: 'B-2' } });
  return { ...ctx, a: a.id, b: b.id };
}

describe('message events', () => {
  it('given two waiting instances, when a message is correlated by key, then only the matching one moves and gets the variables', async () => {
    const { engine, a, b } = await givenTwoCases();
    const result = await engine.correlateMessage({
      tenantId: TENANT,
      name: 'documents-received',
      correlationKey: 'B-2',
      variables: { pages: 3 },
    });
    expect(result).toEqual({ instanceId: b, started: false });
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['waitDocs']);
    expect(await engine.getActiveActivities(TENANT, b)).toEqual(['which']);
    expect(await engine.getVariables(TENANT, b)).toMatchObject({ pages: 3 });
  });

  it('given no instance waiting for the key, when correlating, then MessageNotCorrelatedError (404)', async () => {
    const { engine } = await givenTwoCases();
    await expect(engine.correlateMessage({ tenantId: TENANT, name: 'documents-received', correlationKey: 'Z-9' })).rejects.toBeInstanceOf(
      MessageNotCorrelatedError,
    );
    await expect(
      engine.correlateMessage({ tenantId: 'other-county', name: 'documents-received', correlationKey: 'A-1' }),
    ).rejects.toMatchObject({ code: 'MESSAGE_NOT_CORRELATED' });
  });

  it('given an interrupting message boundary, when it arrives, then the receive task is cancelled and the instance ends', async () => {
    const { engine, a } = await givenTwoCases();
    await engine.correlateMessage({ tenantId: TENANT, name: 'case-withdrawn', correlationKey: 'A-1' });
    expect((await engine.getInstance(TENANT, a)).state).toBe('completed');
    await expect(engine.correlateMessage({ tenantId: TENANT, name: 'documents-received', correlationKey: 'A-1' })).rejects.toBeInstanceOf(
      MessageNotCorrelatedError,
    );
  });

  it('given an event-based gateway, when the message comes first, then the timer branch is withdrawn', async () => {
    const { engine, clock, a } = await givenTwoCases();
    await engine.correlateMessage({ tenantId: TENANT, name: 'documents-received', correlationKey: 'A-1' });
    await engine.correlateMessage({ tenantId: TENANT, name: 'student-returned', correlationKey: 'A-1' });
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['confirm']);
    await engine.executeDueJobs(clock.advance(8 * 86_400_000));
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['confirm']);
  });

  it('given an event-based gateway, when the timer comes first, then the message subscription is withdrawn', async () => {
    const { engine, clock, a } = await givenTwoCases();
    await engine.correlateMessage({ tenantId: TENANT, name: 'documents-received', correlationKey: 'A-1' });
    await engine.executeDueJobs(clock.advance(8 * 86_400_000));
    expect(await engine.getActiveActivities(TENANT, a)).toEqual(['escalate']);
    await expect(engine.correlateMessage({ tenantId: TENANT, name: 'student-returned', correlationKey: 'A-1' })).rejects.toBeInstanceOf(
      MessageNotCorrelatedError,
    );
  });

  it('given a message start event, when the message is published, then a new instance starts with its variables', async () => {
    const { engine } = await givenEngine(['message-events.bpmn']);
    const started = await engine.correlateMessage({
      tenantId: TENANT,
      name: 'dropout-reported',
      correlationKey: 'S-100',
      variables: { studentId: 'S-100' },
    });
    expect(started.started).toBe(true);
    expect(await engine.getActiveActivities(TENANT, started.instanceId)).toEqual(['investigate']);
    expect(await engine.getVariables(TENANT, started.instanceId)).toEqual({ studentId: 'S-100' });
  });
});
