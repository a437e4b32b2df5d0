// Reference data every database needs: the structured list of legal bases for exempting a case from
// public access. Seeded idempotently after each migration, so tests, the demo and production agree.
// A cooperation may deactivate entries it does not use; we never delete them (cases point to them).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { renderLegalReference } from './legal-basis.js';
import type { TLegalBasis } from './model.js';
import { legalBases } from './schema.js';

type TLegalBasisSeed = typeof legalBases.$inferInsert;

export const LEGAL_BASES: TLegalBasisSeed[] = [
  {
    code: 'offl-13-fvl-13-1-1', law: 'offl.', section: '13', paragraph: 1,
    refLaw: 'fvl.', refSection: '13', refParagraph: 1, refNumber: 1,
    description: 'Taushetsplikt: noens personlige forhold',
  },
  {
    code: 'offl-13-fvl-13-1-2', law: 'offl.', section: '13', paragraph: 1,
    refLaw: 'fvl.', refSection: '13', refParagraph: 1, refNumber: 2,
    description: 'Taushetsplikt: tekniske innretninger og fremgangsmåter, drifts- eller forretningsforhold',
  },
  { code: 'offl-14', law: 'offl.', section: '14', description: 'Organinterne dokument' },
  { code: 'offl-15', law: 'offl.', section: '15', description: 'Dokument innhentet utenfra for den interne saksforberedelsen' },
  { code: 'offl-23-1', law: 'offl.', section: '23', paragraph: 1, description: 'Forhandlingsposisjon, forhandlinger og partsinnlegg' },
  { code: 'offl-23-3', law: 'offl.', section: '23', paragraph: 3, description: 'Anbud og anskaffelser frem til valg av leverandør' },
  { code: 'offl-24', law: 'offl.', section: '24', description: 'Kontroll- og reguleringstiltak, lovbrudd' },
  { code: 'offl-24-2', law: 'offl.', section: '24', paragraph: 2, description: 'Sårbarhet: informasjonssikkerhet og beredskap' },
  { code: 'offl-26', law: 'offl.', section: '26', description: 'Eksamensbesvarelser, personbilder m.m.' },
  { code: 'kml-11-5-2', law: 'kml.', section: '11-5', paragraph: 2, description: 'Lukket møte: forhold som gjelder en arbeidstaker, taushetsplikt' },
];

export async function ensureReferenceData(db: DbOrTx): Promise<void> {
  // Existing rows are left alone: a cooperation may have deactivated or reworded one.
  await db.insert(legalBases).values(LEGAL_BASES).onConflictDoNothing({ target: legalBases.code });
}

/** The list for pickers and the API, each with its citation rendered as every paper prints it. */
export async function listLegalBases(db: DbOrTx, options: { includeInactive?: boolean } = {}): Promise<TLegalBasis[]> {
  const rows = await db.select().from(legalBases)
    .where(options.includeInactive ? undefined : eq(legalBases.active, true))
    .orderBy(asc(legalBases.law), asc(legalBases.code));
  return rows.map((b) => ({ id: b.id, code: b.code, citation: renderLegalReference(b), description: b.description, active: b.active }));
}
