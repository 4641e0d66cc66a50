import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { hasDictionary, loadLanguage, message } from './dictionaries';
import type { MessageKey } from './zh-CN';
import { setApiLanguage } from '../api/client';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'kcbx.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** A calendar date in the user's convention: 2026年11月29日 / 2026-11-29. */
  formatDate(value: string | Date): string;
  formatDateTime(value: string | Date): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The language last chosen in this browser (Chinese unless English was). */
export function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    // main.tsx loaded the chosen language before the first render; should that have failed, Chinese.
    const l = hasDictionary(initialLang()) ? initialLang() : 'zh-CN';
    applyLang(l);
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    // The strings come first, then the switch: no moment of half-translated keys. A failed download keeps the
    // language as it was (the next click tries again).
    loadLanguage(next).then(
      () => {
        localStorage.setItem(STORAGE_KEY, next);
        applyLang(next);
        setLangState(next);
      },
      () => undefined,
    );
  }, []);
  const value = useMemo<I18n>(() => {
    // Looked up on each call: the app's strings arrive after the login page's, in the same language.
    const t: Translate = (key, params) => {
      const text = message(lang, key);
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
    };
    const dateFmt = lang === 'en' ? 'YYYY-MM-DD' : 'YYYY年M月D日';
    return {
      lang,
      setLang,
      t,
      formatDate: (v) => dayjs(v).format(dateFmt),
      // Minutes, not seconds: what a clerk reads on a paper form or in 钉钉.
      formatDateTime: (v) => dayjs(v).format(`${dateFmt} HH:mm`),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
