import { describe, expect, it } from 'vitest';
import { LEGAL_BASES } from './reference-data.js';
import { ordinal, renderLegalBasis, renderLegalReference, renderProvision } from './legal-basis.js';

describe('renderLegalBasis', () => {
  it('writes the citation as the papers do, with ledd and nr.', () => {
    expect(renderLegalBasis({
      law: 'offl.', section: '13', paragraph: 1, refLaw: 'fvl.', refSection: '13', refParagraph: 1, refNumber: 2,
    })).toBe('Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2');
  });

  it('leaves out what the basis does not have', () => {
    expect(renderLegalBasis({ law: 'offl.', section: '14' })).toBe('Unntatt offentlighet, offl. § 14');
    expect(renderLegalReference({ law: 'kml.', section: '11-5', paragraph: 2 })).toBe('kml. § 11-5 andre ledd');
    expect(renderProvision({ law: 'offl', section: ' 23 ', paragraph: 3 })).toBe('offl. § 23 tredje ledd');
  });

  it('ignores a half-filled reference', () => {
    expect(renderLegalReference({ law: 'offl.', section: '15', refLaw: 'fvl.', refSection: null })).toBe('offl. § 15');
  });

  it('uses Norwegian ordinals for ledd', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(ordinal)).toEqual([
      'første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende', 'niende', 'tiende',
    ]);
    expect(ordinal(11)).toBe('11.');
  });

  it('renders every shipped legal basis', () => {
    const rendered = LEGAL_BASES.map((b) => renderLegalReference(b));
    expect(rendered).toContain('offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 1');
    expect(rendered).toContain('offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2');
    expect(rendered).toContain('offl. § 23 første ledd');
    expect(rendered).toContain('kml. § 11-5 andre ledd');
    expect(new Set(LEGAL_BASES.map((b) => b.code)).size).toBe(LEGAL_BASES.length);
  });
});
