import { formReferences } from './form-references';

describe('form references in BPMN', () => {
  it('finds zeebe and Camunda 7 form keys with their task and line', () => {
    const xml = [
      '<bpmn:process id="p">',
      '  <bpmn:userTask id="apply" name="申请">',
      '    <bpmn:extensionElements><zeebe:formDefinition formId="deferral-application" /></bpmn:extensionElements>',
      '  </bpmn:userTask>',
      '  <bpmn:userTask id="review" camunda:formKey="school-review" />',
      '</bpmn:process>',
    ].join('\n');
    expect(formReferences(xml)).toEqual([
      { formKey: 'deferral-application', elementId: 'apply', line: 3 },
      { formKey: 'school-review', elementId: 'review', line: 5 },
    ]);
  });
});

describe('start form references', () => {
  it('names the start event whose start form is referenced', () => {
    const xml = [
      '<bpmn:process id="p">',
      '  <bpmn:startEvent id="begin">',
      '    <bpmn:extensionElements><zeebe:formDefinition formId="report-dropout" /></bpmn:extensionElements>',
      '  </bpmn:startEvent>',
      '</bpmn:process>',
    ].join('\n');
    expect(formReferences(xml)).toEqual([{ formKey: 'report-dropout', elementId: 'begin', line: 3 }]);
  });
});
