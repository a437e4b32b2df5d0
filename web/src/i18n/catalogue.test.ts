/// <reference types="vite/client" />
// Every catalogue of the web app, the shared one and each feature's (features/*/messages.ts, found by
// file name so a new feature's catalogue is checked without being listed here): English has exactly
// bokmål's keys, uses the same {placeholders}, and leaves nothing empty; and no key is in two.
import { describe, expect, it } from 'vitest';
import { placeholdersOf, translateIn, type TCatalogue } from './catalogue';
import { appMessages, translate } from './index';

const isCatalogue = (value: unknown): value is TCatalogue =>
  typeof value === 'object' && value !== null && 'nb' in value && 'en' in value && Object.keys(value).length === 2;

const features = import.meta.glob<Record<string, unknown>>('../features/**/messages.ts', { eager: true });
const catalogues: [string, TCatalogue][] = [['i18n/nb.ts + en.ts', appMessages]];
for (const [file, exports] of Object.entries(features)) {
  for (const [name, value] of Object.entries(exports)) if (isCatalogue(value)) catalogues.push([`${file} ${name}`, value]);
}

/** What is wrong with a catalogue: keys one language lacks, placeholders that differ, empty messages. */
function catalogueProblems(catalogue: TCatalogue): string[] {
  const problems: string[] = [];
  const nbKeys = new Set(Object.keys(catalogue.nb));
  const enKeys = new Set(Object.keys(catalogue.en));
  for (const key of nbKeys) if (!enKeys.has(key)) problems.push(`${key}: no English`);
  for (const key of enKeys) if (!nbKeys.has(key)) problems.push(`${key}: English only`);
  for (const key of nbKeys) {
    const nb = catalogue.nb[key]!;
    const en = catalogue.en[key];
    if (!nb.trim()) problems.push(`${key}: empty in bokmål`);
    if (en === undefined) continue;
    if (!en.trim()) problems.push(`${key}: empty in English`);
    if (placeholdersOf(en).join() !== placeholdersOf(nb).join()) problems.push(`${key}: {${placeholdersOf(nb)}} in bokmål, {${placeholdersOf(en)}} in English`);
  }
  return problems;
}

/**
 * English messages that quote Norwegian on purpose: the names of a file's columns or an example of what
 * the user writes in Norwegian. Any other English message with æ, ø or å, or with a word only bokmål has,
 * is bokmål left in the English UI.
 */
const QUOTES_NORWEGIAN = new Set([
  'economy.import.intro', 'import.noMapping', 'phonestats.municipalityColumnHint', 'reports.acceptedByHint',
]);
/** Everyday bokmål words that are not English words: one in an English message is an untranslated phrase. */
const BOKMAL_WORDS = /(?<![\p{L}])(og|ikke|eller|sak|saker|møte|møter|vedtak|kommune|kommuner|referat|innkalling|ansatte|måned|uke|år|alle|ingen|fra|til|med|av|på|er|lagre|avbryt|slett|rediger|legg til|hent|velg|søk|frist|dato|tittel|beskrivelse|kategori|prioritet|kilde|ansvarlig|januar|februar|mars|juni|juli|desember|mai|des|okt)(?![\p{L}])/iu;

/** English messages that are bokmål: the bokmål text kept as it was, æøå, or a bokmål-only word. */
function bokmalInEnglish(catalogue: TCatalogue, quotesNorwegian: ReadonlySet<string> = QUOTES_NORWEGIAN): string[] {
  const problems: string[] = [];
  for (const [key, en] of Object.entries(catalogue.en)) {
    if (quotesNorwegian.has(key)) continue;
    const nb = catalogue.nb[key];
    const text = en.replace(/\{\w+\}/g, ' ');
    if (en === nb && /[æøå]/i.test(nb)) problems.push(`${key}: the bokmål «${nb}» kept in English`);
    else if (/[æøå]/i.test(text)) problems.push(`${key}: æ, ø or å in English «${en}»`);
    else if (BOKMAL_WORDS.test(text)) problems.push(`${key}: the bokmål word «${BOKMAL_WORDS.exec(text)![0]}» in English «${en}»`);
  }
  return problems;
}

describe('message catalogues', () => {
  it('finds the shared catalogue and the features\'', () => {
    expect(catalogues.map(([name]) => name)).toEqual(expect.arrayContaining([
      '../features/admin/messages.ts adminMessages', '../features/economy/messages.ts economyMessages',
      '../features/servicedesk/messages.ts sdMessages',
    ]));
  });

  it.each(catalogues)('%s: English has every bokmål key, with the same placeholders', (_, catalogue) => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it.each(catalogues)('%s: English is English, with no bokmål left in it', (_, catalogue) => {
    expect(bokmalInEnglish(catalogue)).toEqual([]);
  });

  it('finds bokmål kept in English, a bokmål word in an English sentence, and æøå', () => {
    const broken = {
      nb: { a: 'Møter', b: 'Sak {number} er lukket', c: 'Velg dato', d: 'Kolonnen «beløp»', e: 'Status', f: 'Arkiv' },
      en: { a: 'Møter', b: 'Case {number} er closed', c: 'Choose a dato', d: 'The column «beløp»', e: 'Status', f: 'Archive' },
    } as unknown as TCatalogue;
    expect(bokmalInEnglish(broken, new Set(['d']))).toEqual([
      'a: the bokmål «Møter» kept in English', 'b: the bokmål word «er» in English «Case {number} er closed»',
      'c: the bokmål word «dato» in English «Choose a dato»',
    ]);
    expect(bokmalInEnglish(broken, new Set())).toContain('d: æ, ø or å in English «The column «beløp»»');
  });

  it('has no key in two catalogues (a feature\'s translate function also reads the shared one)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, catalogue] of catalogues) {
      for (const key of Object.keys(catalogue.nb)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${name}`);
        else owner.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it('names a missing key, a changed placeholder and an empty message', () => {
    const broken = { nb: { a: 'Sak {number}', b: 'To', c: 'Tre' }, en: { a: 'Case {id}', c: ' ', d: 'Four' } } as unknown as TCatalogue;
    expect(catalogueProblems(broken)).toEqual([
      'b: no English', 'd: English only', 'a: {number} in bokmål, {id} in English', 'c: empty in English',
    ]);
  });

  it('fills placeholders, leaves unknown ones visible, and falls back to bokmål', () => {
    expect(translate('nb', 'notice.version', { version: 2 })).toBe('Versjon 2');
    expect(translate('en', 'notice.version', { version: 2 })).toBe('Version 2');
    expect(translate('nb', 'notice.version')).toBe('Versjon {version}');
    const partial = { nb: { only: 'Bare bokmål' }, en: {} } as unknown as TCatalogue<'only'>;
    expect(translateIn(partial, 'en', 'only')).toBe('Bare bokmål');
  });
});
