// bpmn-auto-layout ships without type declarations.
declare module 'bpmn-auto-layout' {
  /** The same BPMN XML with diagram interchange (shapes and edges) laid out. */
  export function layoutProcess(xml: string): Promise<string>;
}
