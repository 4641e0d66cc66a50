import { TENANT, completeAt, fixture, givenEngine } from './harness';
import { DeploymentError } from '../errors';
import { MemoryStore } from '../storage';
import { Engine } from '../engine';

describe('compensation', () => {
  it('given three completed bookings, when the family declines, then their handlers run in reverse order of completion, each once, and the throw waits for a handler that is a user task', async () => {
    const { engine } = await givenEngine(['compensation.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'placement', variables: { undone: [] } });
    await completeAt(engine, id, 'familyDecides', { declined: true });
    // the bed (completed last) was undone first; the bus pass handler is a user task: the throw waits for it
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: ['bed'] });
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['undoAll', 'undoBus']);
    await completeAt(engine, id, 'undoBus', { undone: ['bed', 'bus'] });
    // then the seat; the second throw (end event) finds nothing left to undo, and the case ends
    const instance = await engine.getInstance(TENANT, id);
    expect(instance.state).toBe('completed');
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: ['bed', 'bus', 'seat'] });
    const started = (await engine.getHistory(TENANT, id)).filter((h) => h.type === 'compensation-started');
    expect(started.map((h) => h.data)).toEqual([{ activities: ['bed', 'bus', 'seat'] }]);
  });

  it('given the family accepts, then no handler runs', async () => {
    const { engine } = await givenEngine(['compensation.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'placement', variables: { undone: [] } });
    await completeAt(engine, id, 'familyDecides', { declined: false });
    expect(await engine.getVariables(TENANT, id)).toMatchObject({ undone: [] });
    expect((await engine.getHistory(TENANT, id)).filter((h) => h.type === 'compensation-started')).toEqual([]);
  });

  it('given a compensation boundary without a handler, when deploying, then the reason names the missing association', async () => {
    const broken = fixture('compensation.bpmn').replace(/<bpmn:association id="a1"[^>]*\/>/, '');
    const error = await new Engine({ store: new MemoryStore() })
      .deploy({ tenantId: TENANT, resources: [{ name: 'broken.bpmn', content: broken }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentError);
    expect((error as DeploymentError).problems).toEqual([
      expect.objectContaining({ elementId: 'seatComp', code: 'COMPENSATION_HANDLER_MISSING', messageZh: expect.stringContaining('补偿') }),
    ]);
  });
});
