import { MigrationError } from '../errors';
import { TENANT, completeAt, fixture, givenEngine, openTasks } from './harness';

describe('versions and migration', () => {
  it('given instances on version 1, when version 2 is deployed, then they stay on version 1 and new ones start on 2', async () => {
    const {
      engine,
      deployed: [v1],
    } = await givenEngine(['approval.bpmn']);
    const old = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const [v2] = await engine.deploy({
      tenantId: TENANT,
      resources: [{ name: 'approval.bpmn', content: fixture('approval.bpmn').replace('学校审核', '学校初审') }],
    });
    const fresh = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    expect(old.definitionId).toBe(v1.id);
    expect(fresh.definitionId).toBe(v2.id);
    expect((await openTasks(engine, old.id))[0].name).toBe('学校审核');
    expect((await openTasks(engine, fresh.id))[0].name).toBe('学校初审');
  });

  it('given a version whose activity ids match, when migrating, then running instances continue on the new version', async () => {
    const {
      engine,
      deployed: [v1],
    } = await givenEngine(['approval.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const withExtraStep = fixture('approval.bpmn').replace(
      '<bpmn:sequenceFlow id="f2" sourceRef="school" targetRef="town" />',
      '<bpmn:sequenceFlow id="f2" sourceRef="school" targetRef="archive" /><bpmn:userTask id="archive" /><bpmn:sequenceFlow id="f2b" sourceRef="archive" targetRef="town" />',
    );
    const [v2] = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: withExtraStep }] });
    expect(await engine.migrateInstances({ tenantId: TENANT, fromDefinitionId: v1.id, toDefinitionId: v2.id })).toEqual({
      migrated: [id],
      refused: [],
    });
    await completeAt(engine, id, 'school');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['archive']);
  });

  it('given 100 instances of which some are at a step the new version lacks, when migrating, then the others move and those are reported', async () => {
    const {
      engine,
      deployed: [v1],
    } = await givenEngine(['approval.bpmn']);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push((await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } })).id);
    }
    // forty have moved on to the town's step; version 2 renames the school's step
    for (const id of ids.slice(0, 40)) await completeAt(engine, id, 'school');
    const renamed = fixture('approval.bpmn').replace(/"school"/g, '"schoolCheck"');
    const [v2] = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: renamed }] });
    const result = await engine.migrateInstances({ tenantId: TENANT, fromDefinitionId: v1.id, toDefinitionId: v2.id });
    expect(result.migrated.sort()).toEqual(ids.slice(0, 40).sort());
    expect(result.refused).toHaveLength(60);
    expect(result.refused[0]).toEqual({ instanceId: expect.any(String), missing: ['school'] });
    expect((await engine.getInstance(TENANT, ids[0])).definitionId).toBe(v2.id);
    expect((await engine.getInstance(TENANT, ids[99])).definitionId).toBe(v1.id);
    // a moved case goes on in version 2; one left behind finishes in version 1
    await completeAt(engine, ids[0], 'town', {}, 'li');
    await completeAt(engine, ids[99], 'school');
    expect(await engine.getActiveActivities(TENANT, ids[99])).toEqual(['town']);
  });

  it('given another procedure as the target, then the migration is refused and nothing moves', async () => {
    const {
      engine,
      deployed: [v1],
    } = await givenEngine(['approval.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const other = fixture('approval.bpmn').replace('id="approval"', 'id="approval-b"');
    const [b] = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval-b.bpmn', content: other }] });
    const error = await engine
      .migrateInstances({ tenantId: TENANT, fromDefinitionId: v1.id, toDefinitionId: b.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((await engine.getInstance(TENANT, id)).definitionId).toBe(v1.id);
  });
});
