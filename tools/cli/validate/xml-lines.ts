/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const xmlEscaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Offset of the element carrying id="…" (moddle keeps no positions, so the text is searched). */
export function offsetOfId(xml: string, id: string): number {
  return xml.search(new RegExp(`\\sid\\s*=\\s*["']${escapeRe(id)}["']`));
}

/**
 * Line of `snippet` at or after the element `id` (as written, or XML-escaped as a modeler writes
 * attributes); the element's own line when the snippet is not found; undefined when neither is.
 */
export function lineOfSnippet(xml: string, id: string, snippet: string): number | undefined {
  const start = offsetOfId(xml, id);
  if (start < 0) return undefined;
  for (const form of [snippet, xmlEscaped(snippet), snippet.replace(/"/g, '&quot;')]) {
    const at = xml.indexOf(form, start);
    if (at >= 0) return lineAt(xml, at);
  }
  return lineAt(xml, start);
}
