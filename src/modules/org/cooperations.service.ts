// The cooperation: the install's one (docs/decisions/0012), found, required or created once, and any
// cooperation for the demo loader, tests and benches. Every change writes the audit log in the same
// transaction.
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, HttpError, notFound } from '../../server/errors.js';
import { assertMunicipalityExists } from './integrity.js';
import type { TCreateCooperationRequest, TUpdateCooperationRequest } from './model.js';
import { cooperations } from './schema.js';
import { ADVISORY_LOCKS, lockForTransaction } from '../../lib/sql.js';
import { createAudited, rowReader, updateAudited, type TAggregate, type TEdit } from './revision.js';

export async function listCooperations(db: DbOrTx) {
  return db.select().from(cooperations).orderBy(asc(cooperations.createdAt));
}

/** Whether the cooperation exists; for other modules' writes that name one (each says so its own way). */
export async function cooperationExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: cooperations.id }).from(cooperations).where(eq(cooperations.id, id));
  return Boolean(row);
}

export const getCooperation = rowReader(cooperations, 'Samarbeidet');

const cooperation: TAggregate<typeof cooperations.$inferSelect> = { table: cooperations, entity: 'cooperation', what: 'Samarbeidet', read: getCooperation };

/**
 * The cooperation this install runs, or null before it is set up. One install runs one cooperation
 * (docs/decisions/0012): the API and the set-up page create no second one, so the answer is that one.
 * A database from before the rule may hold more; the oldest is then the install's, as it always was.
 */
export async function findInstallCooperation(db: DbOrTx) {
  const [row] = await db.select().from(cooperations).orderBy(asc(cooperations.createdAt), asc(cooperations.id)).limit(1);
  return row ?? null;
}

/** The install's cooperation, for a request that cannot do without it: 404 before set-up. */
export async function requireInstallCooperation(db: DbOrTx) {
  const row = await findInstallCooperation(db);
  if (!row) throw new HttpError(404, 'not_set_up', 'Samarbeidet er ikke satt opp ennå; en administrator setter det opp under Administrasjon');
  return row;
}

/**
 * Creates the install's cooperation; refused (409) when it has one, until hosting several cooperations
 * in one install is designed. The lock makes two concurrent creators queue, so only one gets through.
 */
export async function createInstallCooperation(db: Db, actor: Actor, options: TCreateCooperationRequest) {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, ADVISORY_LOCKS.installCooperation);
    const existing = await findInstallCooperation(tx);
    if (existing) {
      throw conflict(`Denne installasjonen har allerede samarbeidet ${existing.name}; én installasjon driver ett samarbeid. Endre det i stedet for å opprette et nytt`);
    }
    return createCooperation(tx as unknown as Db, actor, options);
  });
}

/** The cooperation a request names (404 when there is none such), or else the install's. */
export async function resolveCooperationId(db: DbOrTx, cooperationId?: string | null): Promise<string> {
  if (!cooperationId) return (await requireInstallCooperation(db)).id;
  const row = await db.query.cooperations.findFirst({ where: eq(cooperations.id, cooperationId), columns: { id: true } });
  if (!row) throw notFound('Samarbeidet');
  return row.id;
}

/** Any cooperation, also a second one: for the demo loader, tests and benches. People go through createInstallCooperation. */
export async function createCooperation(db: Db, actor: Actor, options: TCreateCooperationRequest) {
  return createAudited(db, actor, cooperation, {
    name: options.name,
    shortName: options.shortName,
    hostMunicipalityId: options.hostMunicipalityId ?? null,
    founded: options.founded ?? null,
    organisationNumber: options.organisationNumber ?? null,
    form: options.form ?? null,
    staffEmployer: options.staffEmployer ?? null,
    address: options.address ?? null,
    letterhead: options.letterhead ?? null,
  }, async (tx) => {
    await assertMunicipalityExists(tx, options.hostMunicipalityId, 'hostMunicipalityId');
    assertStaffEmployerFits({ form: options.form ?? null, staffEmployer: options.staffEmployer ?? null, hostMunicipalityId: options.hostMunicipalityId ?? null });
  });
}

/**
 * The stated employer must fit the form (400 on `staffEmployer`): a vertskommune cooperation is no legal
 * entity and cannot employ anyone (kommuneloven § 20-1), an IKS is one and employs its staff itself, and
 * the host municipality as employer needs a host municipality.
 */
function assertStaffEmployerFits(c: { form: string | null; staffEmployer: string | null; hostMunicipalityId: string | null }) {
  const refuse = (message: string) => { throw badRequest(message, [{ path: 'staffEmployer', message }]); };
  if (c.staffEmployer === 'samarbeidet' && c.form === 'vertskommune') refuse('Et vertskommunesamarbeid er ikke et eget rettssubjekt; de ansatte er ansatt i vertskommunen');
  if (c.staffEmployer === 'vertskommune' && c.form === 'iks') refuse('Et interkommunalt selskap er selv arbeidsgiver for sine ansatte');
  if (c.staffEmployer === 'vertskommune' && !c.hostMunicipalityId) refuse('Samarbeidet har ingen vertskommune; velg vertskommunen først');
}

export async function updateCooperation(db: Db, actor: Actor, options: TEdit<TUpdateCooperationRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, cooperation, { id, revision, patch }, async (tx, before) => {
    await assertMunicipalityExists(tx, patch.hostMunicipalityId, 'hostMunicipalityId');
    const merged = <K extends 'form' | 'staffEmployer' | 'hostMunicipalityId'>(k: K) => (patch[k] === undefined ? before[k] : patch[k]) ?? null;
    assertStaffEmployerFits({ form: merged('form'), staffEmployer: merged('staffEmployer'), hostMunicipalityId: merged('hostMunicipalityId') });
  });
}
