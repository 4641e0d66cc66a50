export type Language = 'zh' | 'en';

/** zh unless the client prefers English (Accept-Language: en..., or ?lang=en). */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh';
}
