// The bodies (organer) of a cooperation and their case numbering. The numbering scheme is fixed once a
// number of the body has been sent out in a notice; governance, which keeps the cases, answers that
// question through registerCaseNumberLocks, so org never imports governance.
import { and, asc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { osloToday } from '../../lib/oslo-time.js';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict } from '../../server/errors.js';
import { casePatternProblem } from './case-pattern.js';
import { assertCooperationExists, definedOnly } from './integrity.js';
import { BODY_PERIOD_MESSAGE, type TCreateBodyRequest, type TUpdateBodyRequest } from './model.js';
import { bodies, bodyMembers } from './schema.js';
import { createAudited, deleteAudited, rowReader, updateAudited, type TAggregate, type TEdit } from './revision.js';

export type TBodyRow = typeof bodies.$inferSelect;

type TCaseNumberLocks = (db: DbOrTx, bodyId: string) => Promise<boolean>;
let caseNumberLocks: TCaseNumberLocks | null = null;

/** Governance registers, at start (src/server/routes.ts), whether a body has case numbers sent out. */
export function registerCaseNumberLocks(check: TCaseNumberLocks) {
  caseNumberLocks = check;
}

async function hasLockedCaseNumbers(db: DbOrTx, bodyId: string): Promise<boolean> {
  // Refused rather than let through unchecked: a switch could renumber what members already have.
  if (!caseNumberLocks) throw new Error('No case-number check registered: call registerCaseNumberLocks at start');
  return caseNumberLocks(db, bodyId);
}

/** Whether the body has ended before the day (its last day is earlier). */
export const bodyEndedBefore = (body: { validTo: string | null }, day: string) => body.validTo !== null && body.validTo < day;

export async function listBodies(db: DbOrTx, options: { cooperationId?: string; active?: boolean; current?: boolean; today?: string } = {}) {
  const today = options.today ?? osloToday();
  return db.select().from(bodies)
    .where(and(
      options.cooperationId ? eq(bodies.cooperationId, options.cooperationId) : undefined,
      options.active === undefined ? undefined : eq(bodies.active, options.active),
      // Ended: its last day is before today. A body not yet started is shown, so it can be prepared.
      options.current === undefined ? undefined
        : options.current ? or(isNull(bodies.validTo), gte(bodies.validTo, today)) : lt(bodies.validTo, today),
    ))
    .orderBy(asc(bodies.name));
}

export const getBody = rowReader(bodies, 'Organet');

const body: TAggregate<TBodyRow> = { table: bodies, entity: 'body', what: 'Organet', read: getBody };

const periodRefused = () => badRequest(BODY_PERIOD_MESSAGE, [{ path: 'validTo', message: BODY_PERIOD_MESSAGE }]);

/** 400 on casePattern when the body's pattern cannot number its cases under its scheme. */
function assertCasePattern(b: { caseNumbering: string; casePrefix: string | null; casePattern: string | null }) {
  if (!b.casePattern) return;
  const problem = casePatternProblem(b.casePattern, { perMeeting: b.caseNumbering === 'meeting', prefix: b.casePrefix });
  if (problem) throw badRequest(problem, [{ path: 'casePattern', message: problem }]);
}

/** What a case number is made of: a change to any of it renumbers what has not been sent out. */
const numberingOf = (b: { caseNumbering: string; casePrefix: string | null; casePattern: string | null }) => JSON.stringify([
  b.caseNumbering, b.caseNumbering === 'running' || b.casePattern?.includes('{body}') ? b.casePrefix : null, b.casePattern ?? null,
]);

const prefixRequired = () => badRequest('Løpende saksnummerering krever et prefiks (f.eks. ST)', [
  { path: 'casePrefix', message: 'Løpende saksnummerering krever et prefiks (f.eks. ST)' },
]);

export async function createBody(db: Db, actor: Actor, options: TCreateBodyRequest) {
  if (options.caseNumbering === 'running' && !options.casePrefix) throw prefixRequired();
  assertCasePattern({ caseNumbering: options.caseNumbering ?? 'meeting', casePrefix: options.casePrefix ?? null, casePattern: options.casePattern || null });
  return createAudited(db, actor, body, {
    cooperationId: options.cooperationId,
    name: options.name,
    kind: options.kind ?? 'rad',
    caseNumbering: options.caseNumbering ?? 'meeting',
    casePrefix: options.casePrefix ?? null,
    casePattern: options.casePattern || null,
    active: options.active ?? true,
    validFrom: options.validFrom ?? null,
    validTo: options.validTo ?? null,
  }, (tx) => assertCooperationExists(tx, options.cooperationId, 'cooperationId'));
}

export async function updateBody(db: Db, actor: Actor, options: TEdit<TUpdateBodyRequest>) {
  const { id, revision, ...requested } = options;
  // An empty pattern is none: the scheme's built-in form.
  const patch = requested.casePattern === '' ? { ...requested, casePattern: null } : requested;
  // The row lock (updateAudited's) orders this against the notice sender, which locks numbers under it.
  return updateAudited(db, actor, body, { id, revision, patch }, async (tx, before) => {
    const merged = { ...before, ...definedOnly(patch) };
    if (merged.caseNumbering === 'running' && !merged.casePrefix) throw prefixRequired();
    if (merged.validFrom && merged.validTo && merged.validTo < merged.validFrom) throw periodRefused();
    assertCasePattern(merged);
    // A number sent out in a notice never changes, so neither may the scheme that made it: the body's
    // later numbers would no longer follow on from the ones members already have.
    const switchesScheme = numberingOf(merged) !== numberingOf(before);
    if (switchesScheme && await hasLockedCaseNumbers(tx, id)) {
      throw conflict(`${before.name} har saksnumre som er sendt ut i en innkalling; nummereringen, prefikset og mønsteret kan ikke endres lenger`);
    }
  });
}

/** Refused while it has members, or meetings and cases in governance; set it inactive instead. */
export async function deleteBody(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, body, options.id, {
    inUse: [{ label: 'medlemmer', table: bodyMembers, where: eq(bodyMembers.bodyId, options.id) }],
    refusal: (before, uses) => `${before.name} kan ikke slettes fordi organet har ${uses}; sett det heller som inaktivt`,
    referenced: 'Organet kan ikke slettes fordi det har møter eller saker; sett det heller som inaktivt',
  });
}

/** The body, or undefined. */
export async function findBody(db: DbOrTx, id: string): Promise<TBodyRow | undefined> {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  return row;
}

/**
 * The body, row-locked to the end of the transaction (or undefined): meeting and case numbering lock it
 * to serialise their numbers, and updateBody takes the same lock before switching the scheme.
 */
export async function lockBody(tx: DbOrTx, id: string): Promise<TBodyRow | undefined> {
  const [row] = await tx.select().from(bodies).where(eq(bodies.id, id)).for('update');
  return row;
}

/** The bodies as a subquery another module may join in SQL (a list with the body's name): these columns are what org promises. */
export function bodyRows(alias = 'body') {
  return new QueryBuilder().select({ id: bodies.id, cooperationId: bodies.cooperationId, name: bodies.name })
    .from(bodies).as(alias);
}
