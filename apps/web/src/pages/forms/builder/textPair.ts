import type { LocalizedText, Text } from '@kcbx/forms';

/** A label or title as the two inputs (中文 / English) edit it; a plain string fills both. */
export function pair(text: Text | boolean | undefined): LocalizedText {
  if (text === undefined || typeof text === 'boolean') return { zh: '', en: '' };
  return typeof text === 'string' ? { zh: text, en: text } : text;
}
