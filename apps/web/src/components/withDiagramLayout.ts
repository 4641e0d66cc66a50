/**
 * BPMN files written by hand (or generated) often carry no diagram interchange, and bpmn-js draws nothing
 * without it; such files get a computed layout. Files from a modeler keep the layout their author drew.
 */
export async function withDiagramLayout(xml: string): Promise<string> {
  if (/<([\w-]+:)?BPMNDiagram\b/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}
