// The one number formatting of the papers, the spreadsheets and the pages.
import { describe, expect, it } from 'vitest';
import { formatKronerAndOre, formatNumber, formatThousands, formatWholeKroner, groupThousands } from './norwegian-format.js';

const S = '\u202f';
const M = '\u2212';

describe('numbers as the papers print them', () => {
  it('groups thousands with a narrow no-break space, or the separator a form field wants', () => {
    expect(groupThousands('1234567')).toBe(`1${S}234${S}567`);
    expect(groupThousands('1234567', ' ')).toBe('1 234 567');
    expect(groupThousands('999')).toBe('999');
  });
  it('prints counts and measures with a comma for decimals, a true minus and a dash for nothing', () => {
    expect(formatNumber(1357)).toBe(`1${S}357`);
    expect(formatNumber(4.25, 1)).toBe('4,3');
    expect(formatNumber(-12_000)).toBe(`${M}12${S}000`);
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatNumber(null)).toBe('–');
  });
  it('prints report thousands with a dash for zero, and øre as whole kroner or with two decimals', () => {
    expect(formatThousands(0)).toBe('–');
    expect(formatThousands(-767)).toBe(`${M}767`);
    expect(formatWholeKroner(4_273_500_000)).toBe(`42${S}735${S}000`);
    expect(formatWholeKroner(-13_305_500)).toBe(`${M}133${S}055`);
    expect(formatKronerAndOre(123_450)).toBe(`1${S}234,50`);
    expect(formatKronerAndOre(-136_100)).toBe(`${M}1${S}361,00`);
  });
});
