/**
 * A procedure of one user task bound to one form, offered to one role, as the procedures under workflows/
 * bind their forms (zeebe:formDefinition formId): what a browser test deploys to get a form filled by a clerk.
 */
export function oneStepBpmn(p: {
  processId: string;
  name: string;
  taskName: string;
  formId: string;
  role: string;
  endName?: string;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://kcbx.example/bpmn">
  <bpmn:process id="${p.processId}" name="${p.name}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
    <bpmn:userTask id="step" name="${p.taskName}">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="${p.role}" />
        <zeebe:formDefinition formId="${p.formId}" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="done" />
    <bpmn:endEvent id="done"${p.endName ? ` name="${p.endName}"` : ''} />
  </bpmn:process>
</bpmn:definitions>`;
}
