// The language switch and the translate functions. Bokmål is the default. The app's shared messages
// (shell, common words, errors, and the features that have no catalogue of their own yet) are the
// catalogue in nb.ts/en.ts; a feature's own catalogue (catalogue.ts) is read with `useT(catalogue)`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMonth, type TLanguage } from '../../../src/lib/norwegian-format';
import { defineCatalogue, translateIn, type TCatalogue, type TParams } from './catalogue';
import { en } from './en';
import { nb, type TMessageKey } from './nb';

export type { TCatalogue, TLanguage, TMessageKey, TParams };
export { defineCatalogue };

/** The app's shared catalogue. */
export const appMessages = defineCatalogue(nb, en);
const STORAGE_KEY = 'samrad.language';

export type TTranslate<TKey extends string = TMessageKey> = (key: TKey, params?: TParams) => string;
/** A feature catalogue's keys, and its translate function (its keys and the shared ones). */
export type TKeyOf<TC> = TC extends TCatalogue<infer TKey> ? TKey : never;
export type TFeatureT<TC> = TTranslate<TKeyOf<TC> | TMessageKey>;

type TI18n = { language: TLanguage; setLanguage: (language: TLanguage) => void; t: TTranslate };

const I18nContext = createContext<TI18n | null>(null);

function initialLanguage(): TLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

/** A message of the app's shared catalogue, outside React (tests, error texts). */
export function translate(language: TLanguage, key: TMessageKey, params?: TParams): string {
  return translateIn(appMessages, language, key, params);
}

/** A message of a feature's catalogue or of the shared one, outside React; `useT(catalogue)` in a page. */
export function translateFeature<TKey extends string>(catalogue: TCatalogue<TKey>, language: TLanguage, key: TKey | TMessageKey, params?: TParams): string {
  return key in catalogue.nb ? translateIn(catalogue, language, key as TKey, params) : translate(language, key as TMessageKey, params);
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
  const t = useCallback<TTranslate>((key, params) => translateIn(appMessages, language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The language of what people wrote (case texts, decisions, meeting and body names): bokmål, whatever
 * the page's language. On an English page such content is marked lang="nb" (WCAG 3.1.2), so a screen
 * reader reads it in Norwegian; on a bokmål page it needs no mark.
 */
export function useContentLang(): 'nb' | undefined {
  return useI18n().language === 'nb' ? undefined : 'nb';
}

/** A month («2024-05») as the page's language writes it: «mai 2024» / «May 2024», or the long name. */
export function useFormatMonth(): (month: string, options?: { long?: boolean }) => string {
  const { language } = useI18n();
  return useCallback((month, options = {}) => formatMonth(month, { ...options, language }), [language]);
}

export function useI18n(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/**
 * The translate function of the app's catalogue, or of a feature's with the app's beside it:
 * `useT(sdMessages)` takes the service desk's keys and the shared ones (`common.save`). No key is in
 * two catalogues (catalogue.test.ts), so which one answers is never a question.
 */
export function useT(): TTranslate;
export function useT<TKey extends string>(catalogue: TCatalogue<TKey>): TTranslate<TKey | TMessageKey>;
export function useT(catalogue?: TCatalogue): TTranslate<string> {
  const { language, t } = useI18n();
  const own = useCallback<TTranslate<string>>((key, params) => translateFeature(catalogue!, language, key, params), [catalogue, language]);
  return catalogue ? own : (t as TTranslate<string>);
}

/**
 * A feature's catalogue with its translate hook, made once: `export const sd = featureCatalogue(nb, en)`
 * gives `sd.messages` and `sd.useT()` (its keys and the shared ones); `TFeatureT<typeof sd.messages>`
 * types a translate function passed on.
 */
export function featureCatalogue<const TNb extends Record<string, string>>(nb: TNb, en: { readonly [K in keyof TNb]: string }) {
  const messages = defineCatalogue(nb, en);
  return { messages, useT: (): TTranslate<keyof TNb & string | TMessageKey> => useT(messages) };
}
