import type { Locale } from 'antd/es/locale';
import zhCNAntd from 'antd/locale/zh_CN';
import type { Lang } from './i18n';
import { loginZh } from './messages/login';
import type { MessageKey } from './zh-CN';

/**
 * Which strings the browser holds. A phone on a slow line opening the login page gets only the login page's
 * Chinese strings; the whole Chinese dictionary comes with the signed-in app (beside its first chunk, not
 * after it), and English — its dictionary and antd's English locale — only when someone chooses it.
 */
type Dictionary = Record<MessageKey, string>;
const whole: Partial<Record<Lang, Dictionary>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};
const antdLocales: Partial<Record<Lang, Locale>> = { 'zh-CN': zhCNAntd };
const first: Partial<Dictionary> = loginZh;
/** Set once the signed-in app asked for its strings: from then on a switch brings the whole dictionary along. */
let appStrings = false;

/** The string for a key; a key not loaded yet reads as itself rather than breaking the page. */
export function message(lang: Lang, key: MessageKey): string {
  return whole[lang]?.[key] ?? (lang === 'zh-CN' ? first[key] : undefined) ?? key;
}

export function hasDictionary(lang: Lang): boolean {
  return lang === 'zh-CN' || whole[lang] !== undefined;
}

export function antdLocale(lang: Lang): Locale {
  return antdLocales[lang] ?? zhCNAntd;
}

function loadDictionary(lang: Lang): Promise<void> {
  if (whole[lang]) return Promise.resolve();
  loading[lang] ??= (
    lang === 'en'
      ? Promise.all([import('./en'), import('antd/locale/en_US')]).then(([m, antd]) => {
          whole.en = m.en;
          antdLocales.en = antd.default;
        })
      : import('./zh-CN').then((m) => {
          whole['zh-CN'] = m.zhCN;
        })
  ).finally(() => delete loading[lang]);
  return loading[lang];
}

/** What showing the UI in `lang` needs: English in full; Chinese in full once the signed-in app is loaded. */
export function loadLanguage(lang: Lang): Promise<void> {
  return lang === 'en' || appStrings ? loadDictionary(lang) : Promise.resolve();
}

/** The whole dictionary of `lang`, for the signed-in app's pages. */
export function loadAppStrings(lang: Lang): Promise<void> {
  appStrings = true;
  return loadDictionary(lang);
}
