import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { nb } from './nb';

describe('message catalogues', () => {
  it('has the same keys and the same {placeholders} in English as in bokmål', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nb[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nb', 'notice.version', { version: 2 })).toBe('Versjon 2');
    expect(translate('en', 'notice.version', { version: 2 })).toBe('Version 2');
    expect(translate('nb', 'notice.version')).toBe('Versjon {version}');
  });

  it('keeps the labels the end-to-end tests and users rely on', () => {
    expect(nb['meetings.plan']).toBe('Planlegg møte');
    expect(nb['agenda.addCase']).toBe('Legg til sak');
    expect(nb['notice.send']).toBe('Send innkalling');
    expect(nb['attachments.upload']).toBe('Last opp vedlegg');
    expect(nb['approve.submit']).toBe('Godkjenn referat');
    // e2e/economy.spec.ts finds the economy page by these names.
    expect(nb['nav.economy']).toBe('Økonomi');
    expect(nb['economy.heading']).toBe('Økonomi');
    expect(translate('nb', 'economy.import.file', { year: 2023 })).toBe('Regnskapsfil for 2023');
    expect(translate('nb', 'economy.import.submit', { rows: 3 })).toBe('Importer 3 rader');
    expect(nb['economy.newForecast']).toBe('Ny prognose');
    expect(nb['economy.forecastForYear']).toBe('Prognose for året (kr)');
    expect(nb['economy.saveForecast']).toBe('Lagre prognose');
    expect(nb['economy.setup.revision']).toBe('Budsjettrevisjon');
    expect(nb['economy.setup.saveRevision']).toBe('Registrer revisjon');
  });
});
