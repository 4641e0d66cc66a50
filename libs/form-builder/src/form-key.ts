import { pinyin } from 'pinyin-pro';
import { FORM_KEY } from './new-definition';

/** Keys stay short enough to read in a URL and a BPMN file; whole syllables only. */
const MAX_KEY_LENGTH = 48;

/**
 * A form key from the form's Chinese name: its pinyin, syllables joined by "-" (劝返工作记录 → quan-fan-gong-zuo-ji-lu).
 * Latin letters and digits in the name are kept, everything else (spaces, punctuation) separates syllables;
 * a key must start with a letter, so a name starting with a digit gets "form-" in front. A key already
 * taken gets "-2", "-3", … Staff may still type their own key; this is only the proposal.
 */
export function keyFromName(name: string, taken: Iterable<string> = []): string {
  const syllables = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  let key = '';
  for (const syllable of syllables) {
    const next = key ? `${key}-${syllable}` : syllable;
    if (next.length > MAX_KEY_LENGTH) break;
    key = next;
  }
  if (!key) return '';
  if (!/^[a-z]/.test(key)) key = `form-${key}`;
  const used = new Set(taken);
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}-${n}`;
  return FORM_KEY.test(candidate) ? candidate : '';
}
