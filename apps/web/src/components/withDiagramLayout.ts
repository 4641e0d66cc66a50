const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * BPMN files written by hand (or generated) often carry no diagram interchange, and bpmn-js draws nothing
 * without it; such files get a computed layout. Files from a modeler keep the layout their author drew.
 */
export async function withDiagramLayout(xml: string): Promise<string> {
  if (/<([\w-]+:)?BPMNDiagram\b/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(withFlowRefs(xml));
}

/**
 * The layouter walks the graph through each node's <incoming>/<outgoing> references; hand-written files often
 * give only the flows' sourceRef/targetRef (enough for execution), which would leave every node unconnected.
 */
function withFlowRefs(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return xml;
  const byId = new Map<string, Element>();
  for (const el of Array.from(doc.getElementsByTagNameNS(BPMN_NS, '*'))) {
    const id = el.getAttribute('id');
    if (id) byId.set(id, el);
  }
  const hasRef = (node: Element, tag: string, flowId: string) =>
    Array.from(node.getElementsByTagNameNS(BPMN_NS, tag)).some((r) => r.parentElement === node && r.textContent?.trim() === flowId);
  const addRef = (nodeId: string | null, tag: 'incoming' | 'outgoing', flowId: string, prefix: string | null) => {
    const node = nodeId ? byId.get(nodeId) : undefined;
    if (!node || hasRef(node, tag, flowId)) return;
    const ref = doc.createElementNS(BPMN_NS, prefix ? `${prefix}:${tag}` : tag);
    ref.textContent = flowId;
    node.appendChild(ref);
  };
  for (const flow of Array.from(doc.getElementsByTagNameNS(BPMN_NS, 'sequenceFlow'))) {
    const id = flow.getAttribute('id');
    if (!id) continue;
    addRef(flow.getAttribute('sourceRef'), 'outgoing', id, flow.prefix);
    addRef(flow.getAttribute('targetRef'), 'incoming', id, flow.prefix);
  }
  return new XMLSerializer().serializeToString(doc);
}
