/** Names of a BPMN file's process and elements, read from the XML (the engine's history carries ids only). */
export interface BpmnNames {
  process: string | null;
  steps: Record<string, string>;
}

export function bpmnNames(xml: string): BpmnNames {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const steps: Record<string, string> = {};
  let process: string | null = null;
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const id = el.getAttribute('id');
    const name = el.getAttribute('name');
    if (!id || !name) continue;
    if (el.localName === 'process' && process === null) process = name;
    steps[id] = name;
  }
  return { process, steps };
}
