import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { XmlIntakeError } from '../errors';

/**
 * One moddle instance with the zeebe extension only. Camunda 7 attributes stay unknown to it and come
 * through as generic `$attrs` / `$children`, which the compiler translates (loading camunda-bpmn-moddle
 * into the same instance breaks parsing).
 */
let shared: BpmnModdle | undefined;

// moddle's element objects are dynamic; the compiler reads them through this loose shape.
export type ModdleElement = any;

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: string[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  shared ??= new BpmnModdle({ zeebe });
  try {
    const { rootElement, warnings } = await shared.fromXML(xml, 'bpmn:Definitions');
    return { definitions: rootElement, warnings: warnings.map((w: { message: string }) => w.message) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new XmlIntakeError('XML_MALFORMED', `not a readable BPMN 2.0 file: ${reason}`, `不是可读取的 BPMN 2.0 文件：${reason}`);
  }
}
