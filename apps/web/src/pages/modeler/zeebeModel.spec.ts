import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import {
  readCandidateGroups,
  readFieldPermissions,
  readFormId,
  readStarterGroups,
  setCandidateGroupsCommands,
  setFieldPermissionsCommands,
  setFormIdCommands,
  setStarterGroupsCommands,
  type Command,
} from './zeebeModel';

const fixture = fs.readFileSync(path.join(__dirname, '../../../../api/test/fixtures/two-step-approval.bpmn'), 'utf8');

async function load(xml: string) {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement } = await moddle.fromXML(xml);
  const process = (rootElement as any).rootElements[0];
  const element = (id: string) => ({ businessObject: process.flowElements.find((e: any) => e.id === id) });
  const bpmnFactory = { create: (type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs) };
  /** What bpmn-js's element.updateModdleProperties does to the model. */
  const run = (commands: Command[]) => {
    for (const c of commands)
      for (const [k, v] of Object.entries(c.context.properties as object)) (c.context.moddleElement as any).set(k, v);
  };
  const xmlOf = async () => (await moddle.toXML(rootElement, { format: true })).xml;
  return { element, bpmnFactory, run, xmlOf };
}

describe('zeebe extension elements of a step', () => {
  it('reads form, candidate roles and field permissions the way the engine writes them', async () => {
    const { element } = await load(fixture);
    expect(readFormId(element('apply'))).toBe('leave-application');
    expect(readCandidateGroups(element('apply'))).toEqual(['class-teacher']);
    expect(readFieldPermissions(element('apply'))).toEqual({ decision: 'hidden', comment: 'hidden' });
    expect(readFieldPermissions(element('review'))).toEqual({});
  });

  it('given a bare task, when form, roles and permissions are set, then the XML holds what the engine reads', async () => {
    const bare = fixture.replace(
      /<bpmn:userTask id="review" name="校长审批">[\s\S]*?<\/bpmn:userTask>/,
      '<bpmn:userTask id="review" name="校长审批" />',
    );
    const { element, bpmnFactory, run, xmlOf } = await load(bare);
    const review = element('review');
    run(setFormIdCommands(review, bpmnFactory, 'principal-review'));
    run(setCandidateGroupsCommands(review, bpmnFactory, ['principal', 'township-official']));
    run(setFieldPermissionsCommands(review, bpmnFactory, { decision: 'writable', comment: 'readonly' }));
    const xml = await xmlOf();
    expect(xml).toContain('<zeebe:formDefinition formId="principal-review" />');
    expect(xml).toContain('<zeebe:assignmentDefinition candidateGroups="principal,township-official" />');
    // writable is the default, so only the read-only field is stored
    expect(xml).toContain('<zeebe:property name="fieldPermissions" value="{&#34;comment&#34;:&#34;readonly&#34;}" />');

    const again = await load(xml);
    expect(readFieldPermissions(again.element('review'))).toEqual({ comment: 'readonly' });
  });

  it('given permissions all back to writable and no form, then the property and the form definition are removed', async () => {
    const { element, bpmnFactory, run, xmlOf } = await load(fixture);
    const apply = element('apply');
    run(setFieldPermissionsCommands(apply, bpmnFactory, { decision: 'writable', comment: 'writable' }));
    run(setFormIdCommands(apply, bpmnFactory, ''));
    run(setCandidateGroupsCommands(apply, bpmnFactory, []));
    const xml = await xmlOf();
    const applyXml = /<bpmn:userTask id="apply"[\s\S]*?<\/bpmn:userTask>/.exec(xml)![0];
    expect(applyXml).not.toContain('fieldPermissions');
    expect(applyXml).not.toContain('formDefinition');
    expect(readCandidateGroups(element('apply'))).toEqual([]);
  });

  it('given a start event, when a start form and starter roles are set, then they sit beside each other in the XML', async () => {
    const { element, bpmnFactory, run, xmlOf } = await load(fixture);
    const start = element('start');
    run(setFormIdCommands(start, bpmnFactory, 'leave-application'));
    run(setStarterGroupsCommands(start, bpmnFactory, ['class-teacher', 'principal']));
    run(setFieldPermissionsCommands(start, bpmnFactory, { decision: 'hidden' }));
    expect(readStarterGroups(start)).toEqual(['class-teacher', 'principal']);
    const xml = await xmlOf();
    expect(xml).toContain('<zeebe:property name="starterGroups" value="class-teacher,principal" />');
    run(setStarterGroupsCommands(start, bpmnFactory, []));
    expect(readStarterGroups(start)).toEqual([]);
    expect(readFieldPermissions(start)).toEqual({ decision: 'hidden' });
  });
});
