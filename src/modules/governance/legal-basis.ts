// Renders a legal basis for exemption from public access as one citation string, so the notice, the
// minutes, the public pages and the API all write it the same way:
// "Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2".
// Pure functions: the structured fields live in legal_bases, the wording lives here.

export type TProvision = {
  law: string;
  section: string;
  paragraph?: number | null;
  number?: number | null;
};

export type TLegalBasisFields = TProvision & {
  refLaw?: string | null;
  refSection?: string | null;
  refParagraph?: number | null;
  refNumber?: number | null;
};

const ORDINALS = ['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende', 'niende', 'tiende'];

/** "første", "andre" … as Norwegian legal text writes paragraph (ledd) numbers; "11." beyond ten. */
export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}.`;
}

/** "offl. § 13 første ledd nr. 2": one provision, without the "jf." part. */
export function renderProvision(p: TProvision): string {
  let text = `${normaliseLaw(p.law)} § ${p.section.trim()}`;
  if (p.paragraph) text += ` ${ordinal(p.paragraph)} ledd`;
  if (p.number) text += ` nr. ${p.number}`;
  return text;
}

/** The citation without the lead-in: "offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2". */
export function renderLegalReference(basis: TLegalBasisFields): string {
  const main = renderProvision(basis);
  if (!basis.refLaw || !basis.refSection) return main;
  const ref = renderProvision({
    law: basis.refLaw, section: basis.refSection, paragraph: basis.refParagraph, number: basis.refNumber,
  });
  return `${main}, jf. ${ref}`;
}

/** The full citation as the papers print it next to an exempt case. */
export function renderLegalBasis(basis: TLegalBasisFields): string {
  return `Unntatt offentlighet, ${renderLegalReference(basis)}`;
}

// Law abbreviations end with a full stop ("offl.", "fvl.", "kml."); data typed without one still renders right.
function normaliseLaw(law: string): string {
  const t = law.trim();
  return t.endsWith('.') ? t : `${t}.`;
}
