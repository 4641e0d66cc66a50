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
    expect(await engine.migrateInstances({ tenantId: TENANT, fromDefinitionId: v1.id, toDefinitionId: v2.id })).toEqual({ migrated: [id] });
    await completeAt(engine, id, 'school');
    expect(await engine.getActiveActivities(TENANT, id)).toEqual(['archive']);
  });

  it('given a version lacking an active activity, when migrating, then it is refused and nothing moves', async () => {
    const {
      engine,
      deployed: [v1],
    } = await givenEngine(['approval.bpmn']);
    const { id } = await engine.startProcess({ tenantId: TENANT, key: 'approval', variables: { townOfficer: 'li', region: 'x' } });
    const renamed = fixture('approval.bpmn').replace(/"school"/g, '"schoolCheck"');
    const [v2] = await engine.deploy({ tenantId: TENANT, resources: [{ name: 'approval.bpmn', content: renamed }] });
    const error = await engine
      .migrateInstances({ tenantId: TENANT, fromDefinitionId: v1.id, toDefinitionId: v2.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('school');
    expect((await engine.getInstance(TENANT, id)).definitionId).toBe(v1.id);
  });
});
