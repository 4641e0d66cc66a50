import { textIn, type Text } from '@kcbx/forms';
import type { Lang } from '../../../i18n/i18n';

/** A definition text in the UI language (falls back to the other language, then to `fallback`). */
export function textOf(text: Text | boolean | undefined, lang: Lang, fallback = ''): string {
  if (text === undefined || typeof text === 'boolean') return fallback;
  const locale = lang === 'en' ? 'en' : 'zh';
  return textIn(text, locale) || textIn(text, locale === 'en' ? 'zh' : 'en') || fallback;
}
