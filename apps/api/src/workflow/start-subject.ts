/**
 * What a procedure's cases are about, declared on its start event: `<zeebe:property name="subject" value="student" />`
 * (延缓入学, 劝返复学, 送教上门, 家访 — each case is one child's). Such a procedure cannot start without its
 * student: a case about nobody reaches no student file and no one can tell it apart in an inbox. The engine's
 * start spec carries only form and starter roles, so the start event's own properties are read from the XML.
 */
export function startSubject(xml: string, startEventId: string): string | null {
  const open = new RegExp(`<(?:[\\w-]+:)?startEvent\\b[^>]*\\bid\\s*=\\s*"${escapeRe(startEventId)}"[^>]*>`).exec(xml);
  if (!open || open[0].endsWith('/>')) return null;
  const close = xml.indexOf('startEvent>', open.index + open[0].length);
  const body = xml.slice(open.index, close < 0 ? undefined : close);
  return /<(?:[\w-]+:)?property\s+name\s*=\s*"subject"\s+value\s*=\s*"([^"]+)"/.exec(body)?.[1] ?? null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
