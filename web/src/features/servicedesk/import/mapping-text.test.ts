import { describe, expect, it } from 'vitest';
import { EMPTY_MAPPING } from './api';
import { draftOf, formatSeconds, mappingOf, monthRange, parseValueLines, valueLines } from './mapping-text';

describe('value lines', () => {
  it('reads "source = ours" lines, skipping blanks and naming the bad lines', () => {
    expect(parseValueLines('Haster = kritisk\n\n  Lav prioritet=lav \nbare tekst\n= hoy\nx =')).toEqual({
      values: { Haster: 'kritisk', 'Lav prioritet': 'lav' }, badLines: [4, 5, 6],
    });
  });

  it('splits on the first "=" and round-trips through valueLines', () => {
    const { values } = parseValueLines('a=b = c');
    expect(values).toEqual({ a: 'b = c' });
    expect(parseValueLines(valueLines({ Haster: 'kritisk', Normal: 'medium' })).values).toEqual({ Haster: 'kritisk', Normal: 'medium' });
    expect(valueLines(undefined)).toBe('');
  });
});

describe('phone figures', () => {
  it('prints seconds as m:ss or h:mm:ss', () => {
    expect([0, 45, 65, 125, 3599, 3725].map(formatSeconds)).toEqual(['0:00', '0:45', '1:05', '2:05', '59:59', '1:02:05']);
  });

  it('knows the length of every month, February in leap years too', () => {
    expect(monthRange(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange(2023, 2).to).toBe('2023-02-28');
    expect(monthRange(2019, 12)).toEqual({ from: '2019-12-01', to: '2019-12-31' });
  });
});

describe('mapping draft', () => {
  it('round-trips a saved mapping, leaving out empty columns', () => {
    const saved = {
      columns: { externalId: 'Nr', priority: 'Hastegrad' }, values: { priority: { Haster: 'kritisk' as const }, category: { Print: 'Skrivere/multimaskiner' } },
      defaults: { type: 'tjenesteforesporsel' as const, priority: 'lav' as const, channel: 'epost' as const },
    };
    const draft = draftOf(saved);
    expect(draft.columns.title).toBe('');
    expect(draft.values.priority).toBe('Haster = kritisk');
    expect(mappingOf(draft)).toEqual({ mapping: saved, bad: [] });
    expect(mappingOf(draftOf(EMPTY_MAPPING)).mapping).toEqual(EMPTY_MAPPING);
  });

  it('names the field and line of a translation it cannot read', () => {
    const draft = draftOf(EMPTY_MAPPING);
    draft.values.status = 'Lukket = lukket\nferdig';
    draft.columns.title = '  Emne ';
    const { mapping, bad } = mappingOf(draft);
    expect(bad).toEqual([{ field: 'status', line: 2 }]);
    expect(mapping.columns).toEqual({ title: 'Emne' });
    expect(mapping.values).toEqual({ status: { Lukket: 'lukket' } });
  });
});
