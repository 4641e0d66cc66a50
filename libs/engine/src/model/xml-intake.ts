import { XmlIntakeError } from '../errors';

export const MAX_BPMN_BYTES = 5 * 1024 * 1024;

/**
 * Checks run on the raw text before any XML parser sees it. A DOCTYPE is refused outright: BPMN never
 * needs one, and it is the door for entity expansion ("billion laughs") and external entities.
 */
export function checkXmlIntake(content: string, maxBytes = MAX_BPMN_BYTES): string {
  const bytes = content.length > maxBytes ? content.length : new TextEncoder().encode(content).length;
  if (bytes > maxBytes) {
    throw new XmlIntakeError('XML_TOO_LARGE', `file is ${bytes} bytes; the limit is ${maxBytes}`, { bytes, max: maxBytes });
  }
  const text = content.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) {
    throw new XmlIntakeError('XML_NOT_XML', 'file is not XML (it does not start with "<")');
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlIntakeError('XML_DOCTYPE_REFUSED', 'DOCTYPE and ENTITY declarations are refused (entity expansion and external entities)');
  }
  return text;
}

/** 1-based line of the element carrying id="…", found by searching the text (moddle keeps no positions). */
export function lineOfId(xml: string, id: string): number | undefined {
  const at = xml.search(new RegExp(`\\sid\\s*=\\s*["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`));
  if (at < 0) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}
