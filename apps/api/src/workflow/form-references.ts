/**
 * The forms a BPMN file's user tasks and start events name (zeebe:formDefinition formId, or Camunda 7
 * camunda:formKey), with the element id and line, so a deployment can refuse a procedure whose form does not exist.
 */
export interface FormReference {
  formKey: string;
  elementId: string | null;
  line: number;
}

const REFERENCE = /(?:formId|formKey)\s*=\s*"([^"]+)"/g;
const TASK_OPEN = /<(?:[\w-]+:)?(?:userTask|startEvent)\b[^>]*\bid\s*=\s*"([^"]+)"/g;

export function formReferences(xml: string): FormReference[] {
  const out: FormReference[] = [];
  for (const match of xml.matchAll(REFERENCE)) {
    const at = match.index ?? 0;
    let elementId: string | null = null;
    for (const task of xml.slice(0, at).matchAll(TASK_OPEN)) elementId = task[1];
    const key = match[1].replace(/^camunda-forms:bpmn:/, '');
    out.push({ formKey: key, elementId, line: xml.slice(0, at).split('\n').length });
  }
  return out;
}
