// A catalogue is one feature's messages: bokmål first (its keys are the catalogue's keys), English with
// exactly those keys (the type says so; catalogue.test.ts also checks the placeholders). The app's
// shared messages (web/src/i18n/nb.ts, en.ts) are one catalogue; a feature keeps its own beside its
// pages (features/<feature>/messages.ts) and reads it with `useT(catalogue)`. One way to fill
// `{name}` placeholders, one fallback, one language switch for all of them.
import type { TLanguage } from '../../../src/lib/norwegian-format';

export type TParams = Record<string, string | number>;

export type TCatalogue<TKey extends string = string> = {
  readonly nb: Readonly<Record<TKey, string>>;
  readonly en: Readonly<Record<TKey, string>>;
};

/** `defineCatalogue({ 'x.title': 'Tittel' }, { 'x.title': 'Title' })`: English must name every bokmål key. */
export function defineCatalogue<const TNb extends Record<string, string>>(
  nb: TNb,
  en: { readonly [K in keyof TNb]: string },
): TCatalogue<keyof TNb & string> {
  return { nb, en };
}

/** `{name}` filled from params; a placeholder without a value stays visible, so a missing one shows. */
export function fill(message: string, params?: TParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message in the language; a key the language lacks falls back to bokmål, then to the key itself. */
export function translateIn<TKey extends string>(catalogue: TCatalogue<TKey>, language: TLanguage, key: TKey, params?: TParams): string {
  return fill(catalogue[language][key] ?? catalogue.nb[key] ?? key, params);
}

/** The placeholders a message uses, sorted: English must use the same ones as bokmål. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
