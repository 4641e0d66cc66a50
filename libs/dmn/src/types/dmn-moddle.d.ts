// dmn-moddle ships no types: the part of its API parse-dmn.ts uses.
declare module 'dmn-moddle' {
  export interface DmnElement {
    $type: string;
    id?: string;
    name?: string;
    text?: string;
    label?: string;
    hitPolicy?: string;
    aggregation?: string;
    typeRef?: string;
    href?: string;
    [key: string]: unknown;
  }
  export class DmnModdle {
    fromXML(xml: string, type?: string): Promise<{ rootElement: DmnElement; warnings: { message: string }[] }>;
  }
}
