import { describe, expect, it } from 'vitest';
import { toCsv } from './sorting';

describe('CSV export', () => {
  it('separates with semicolons, quotes what needs it and starts with a BOM for Excel', () => {
    expect(toCsv([['Møte', 'Sted'], ['2023 M6', 'Del; Storgata "33"'], [1, null]]))
      .toBe('\uFEFFMøte;Sted\r\n2023 M6;"Del; Storgata ""33"""\r\n1;\r\n');
  });
});
