import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { setApiLanguage } from '../api/client';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'kcbx.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

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
    const l = initialLang();
    applyLang(l);
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, params) =>
      params ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : dict[key];
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
