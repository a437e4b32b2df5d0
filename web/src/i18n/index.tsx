// Message catalogues and the language switch. Bokmål is the default and the source of the keys;
// English must have every key (the type says so). `{name}` in a message is filled from params.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import type { TLanguage } from '../../../src/lib/norwegian-format';
import { nb, type TMessageKey } from './nb';

export type { TLanguage, TMessageKey };

const catalogues: Record<TLanguage, Record<TMessageKey, string>> = { nb, en };
const STORAGE_KEY = 'samrad.language';

export type TTranslate = (key: TMessageKey, params?: Record<string, string | number>) => string;

type TI18n = { language: TLanguage; setLanguage: (language: TLanguage) => void; t: TTranslate };

const I18nContext = createContext<TI18n | null>(null);

function initialLanguage(): TLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export function translate(language: TLanguage, key: TMessageKey, params?: Record<string, string | number>): string {
  const message = catalogues[language][key] ?? nb[key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<TLanguage>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: TLanguage) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const t = useCallback<TTranslate>((key, params) => translate(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): TTranslate {
  return useI18n().t;
}
