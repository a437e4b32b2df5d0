// The replacement campaign (issue 13): switched on per municipality, it invites the users of expired PCs
// by e-mail to order one of the campaign's standard models; the order goes to the manager of the user's
// unit (or the municipality's fallback approver), who approves or rejects it from the mail's one-click
// link; then staff record ordered → delivered → handed over (the new PC linked to the user) → old PC
// returned → wiped → retired, the last three also as the old device's retirement steps, so the status
// table stops counting it. A user may defer with a reason. Every step is a row with its date and who.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { sqlRows } from '../../lib/sql.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { systemActor, type Actor, type SessionUser } from '../../server/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { sendMessage } from '../messages/messages.service.js';
import { listMunicipalitiesEverMembers } from '../org/memberships.service.js';
import { municipalityNames } from '../org/municipalities.service.js';
import type {
  TApprover, TApproverRequest, TCampaign, TCampaignRequest, TInviteRequest, TReplacement, TReplacementDecisionCase,
  TReplacementDecisionLookupRequest, TReplacementDecisionRequest,
  TReplacementDeferRequest, TReplacementOrderRequest, TReplacementStepRequest, TReplacementWebDecisionRequest,
} from './model.js';
import { decisionLink, hashDecisionToken as hashToken, newDecisionToken } from './decision-token.js';
import { monthOf } from './rules.js';
import { eqApprovers, eqCampaigns, eqDevices, eqReplacements, eqReplacementSteps, eqRetirementSteps } from './schema.js';
import { REPLACEMENT_STAFF_STEPS, REPLACEMENT_STATE_LABELS, REPLACEMENT_TRANSITIONS, type TReplacementState, type TRetirementStep } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

type TScope = { cooperationId: string };
/** The in-app messages' word for a replacement (src/modules/messages), with the replacement's id. */
export const REPLACEMENT_MESSAGE_SOURCE = 'equipment.replacement';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

async function requireMember(db: DbOrTx, cooperationId: string, municipalityId: string, path = 'municipalityId') {
  const members = await listMunicipalitiesEverMembers(db, cooperationId);
  const member = members.find((m) => m.id === municipalityId);
  if (!member) throw badRequest('Kommunen er ikke medlem av samarbeidet', [{ path, message: 'Ukjent kommune' }]);
  return member;
}

function requireTransition(from: TReplacementState, to: TReplacementState) {
  if (!REPLACEMENT_TRANSITIONS[from].includes(to)) {
    throw conflict(`Et bytte som er «${REPLACEMENT_STATE_LABELS[from]}» kan ikke bli «${REPLACEMENT_STATE_LABELS[to]}»`);
  }
}

// ---- campaigns and approvers -------------------------------------------------------------------------

export async function setCampaign(db: Db, actor: Actor, o: TScope & { municipalityId: string } & TCampaignRequest): Promise<TCampaign> {
  return db.transaction(async (tx) => {
    await requireMember(tx, o.cooperationId, o.municipalityId);
    if (o.active && o.standardModels.length === 0) {
      throw badRequest('En kampanje trenger minst én standardmodell å bestille', [{ path: 'standardModels', message: 'Legg inn minst én modell' }]);
    }
    const [before] = await tx.select({
      active: eqCampaigns.active, standardModels: eqCampaigns.standardModels, userReminderDays: eqCampaigns.userReminderDays, approvalReminderDays: eqCampaigns.approvalReminderDays,
    }).from(eqCampaigns)
      .where(and(eq(eqCampaigns.cooperationId, o.cooperationId), eq(eqCampaigns.municipalityId, o.municipalityId)));
    const after = { active: o.active, standardModels: o.standardModels, userReminderDays: o.userReminderDays, approvalReminderDays: o.approvalReminderDays };
    const values = { ...after, actorUserId: actor.userId, actorName: actor.name, recordedAt: new Date() };
    await tx.insert(eqCampaigns).values({ cooperationId: o.cooperationId, municipalityId: o.municipalityId, ...values })
      .onConflictDoUpdate({ target: [eqCampaigns.cooperationId, eqCampaigns.municipalityId], set: values });
    await recordAudit(tx, actor, before
      ? { action: 'update', entity: 'eq_campaign', entityId: o.municipalityId, before: { ...before }, after }
      : { action: 'create', entity: 'eq_campaign', entityId: o.municipalityId, after });
    return (await listCampaigns(tx, { cooperationId: o.cooperationId, municipalityId: o.municipalityId }))[0]!;
  });
}

export async function listCampaigns(db: DbOrTx, o: TScope & { municipalityId?: string | null }): Promise<TCampaign[]> {
  const rows = await db.select().from(eqCampaigns).where(and(
    eq(eqCampaigns.cooperationId, o.cooperationId), o.municipalityId ? eq(eqCampaigns.municipalityId, o.municipalityId) : undefined,
  ));
  const names = await municipalityNames(db, rows.map((r) => r.municipalityId));
  return rows.map((r) => ({
    municipalityId: r.municipalityId, municipality: names.get(r.municipalityId) ?? '', active: r.active, standardModels: r.standardModels,
    userReminderDays: r.userReminderDays, approvalReminderDays: r.approvalReminderDays,
    changedByName: r.actorName, changedAt: r.recordedAt.toISOString(),
  })).sort((a, b) => a.municipality.localeCompare(b.municipality, 'nb'));
}

/** Sets the approver of a unit (or, with no unit, the municipality's fallback), replacing the one before. */
export async function setApprover(db: Db, actor: Actor, o: TScope & TApproverRequest): Promise<TApprover> {
  return db.transaction(async (tx) => {
    const member = await requireMember(tx, o.cooperationId, o.municipalityId);
    const [before] = await tx.delete(eqApprovers).where(and(
      eq(eqApprovers.cooperationId, o.cooperationId), eq(eqApprovers.municipalityId, o.municipalityId),
      o.unit === null ? isNull(eqApprovers.unit) : eq(eqApprovers.unit, o.unit),
    )).returning({ unit: eqApprovers.unit, name: eqApprovers.name, email: eqApprovers.email });
    await tx.insert(eqApprovers).values({ cooperationId: o.cooperationId, municipalityId: o.municipalityId, unit: o.unit, name: o.name, email: o.email, actorUserId: actor.userId, actorName: actor.name });
    const after = { unit: o.unit, name: o.name, email: o.email };
    await recordAudit(tx, actor, before
      ? { action: 'update', entity: 'eq_approver', entityId: o.municipalityId, before: { ...before }, after }
      : { action: 'create', entity: 'eq_approver', entityId: o.municipalityId, after });
    return { municipalityId: o.municipalityId, municipality: member.name, unit: o.unit, name: o.name, email: o.email };
  });
}

export async function listApprovers(db: DbOrTx, o: TScope & { municipalityId?: string | null }): Promise<TApprover[]> {
  const rows = await db.select().from(eqApprovers).where(and(
    eq(eqApprovers.cooperationId, o.cooperationId), o.municipalityId ? eq(eqApprovers.municipalityId, o.municipalityId) : undefined,
  )).orderBy(asc(eqApprovers.unit));
  const names = await municipalityNames(db, rows.map((r) => r.municipalityId));
  return rows.map((r) => ({ municipalityId: r.municipalityId, municipality: names.get(r.municipalityId) ?? '', unit: r.unit, name: r.name, email: r.email }));
}

// ---- invitations ---------------------------------------------------------------------------------------

const OPEN_STATES: TReplacementState[] = ['invited', 'deferred', 'requested', 'approved', 'rejected', 'ordered', 'delivered', 'handed_over'];

/**
 * Invites the users of the municipality's PCs that expired before the date's year and were signed in
 * during its month, one replacement per PC not already underway; PCs without a primary user (pupils',
 * shared) are counted, not invited. The campaign must be switched on.
 */
export async function inviteExpired(db: Db, actor: Actor, o: TScope & { municipalityId: string; publicUrl: string | undefined } & TInviteRequest) {
  return db.transaction(async (tx) => {
    await requireMember(tx, o.cooperationId, o.municipalityId);
    const [campaign] = await tx.select().from(eqCampaigns).where(and(eq(eqCampaigns.cooperationId, o.cooperationId), eq(eqCampaigns.municipalityId, o.municipalityId)));
    if (!campaign?.active) throw conflict('Kampanjen er ikke slått på for kommunen');
    const year = yearOf(o.asOf);
    const devices = await sqlRows<{ id: string; serial: string; primary_user: string | null; underway: boolean }>(tx, sql`
      select d.id, d.serial, d.primary_user,
        exists (select 1 from eq_replacements r where r.device_id = d.id and r.state in ${sql`(${sql.join(OPEN_STATES.map((s) => sql`${s}`), sql`, `)})`}) as underway
      from eq_devices d
      where d.cooperation_id = ${o.cooperationId} and d.municipality_id = ${o.municipalityId} and d.expiry_year < ${year}
        and exists (select 1 from eq_device_sign_ins s where s.device_id = d.id and s.month = ${monthOf(o.asOf)}::date)
        and not exists (select 1 from eq_retirement_steps x where x.device_id = d.id)
      order by d.serial`);
    let invited = 0;
    for (const d of devices) {
      if (!d.primary_user || d.underway) continue;
      const [r] = await tx.insert(eqReplacements).values({
        cooperationId: o.cooperationId, municipalityId: o.municipalityId, deviceId: d.id, userEmail: d.primary_user.toLowerCase(), state: 'invited',
      }).returning({ id: eqReplacements.id });
      await tx.insert(eqReplacementSteps).values({ replacementId: r!.id, state: 'invited', on: o.asOf, actorUserId: actor.userId, actorName: actor.name });
      await sendMessage(tx, {
        to: d.primary_user, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r!.id, link: `/utstyr/bytte/${r!.id}`,
        subject: `PC-en din (${d.serial}) er utgått: bestill en ny`,
        text: `Velg en ny blant standardmodellene (${campaign.standardModels.join(', ')}); lederen din godkjenner bestillingen. Passer det ikke nå, kan du utsette byttet.`,
      });
      await queueMail(tx, {
        to: d.primary_user,
        subject: `PC-en din (${d.serial}) er utgått: bestill en ny`,
        text: [
          `PC-en din med serienummer ${d.serial} er utgått og skal byttes.`,
          `Velg en ny blant standardmodellene (${campaign.standardModels.join(', ')}) og send bestillingen til lederen din for godkjenning:`,
          `${o.publicUrl ?? ''}/utstyr/bytte/${r!.id}`,
          'Passer det ikke nå, kan du utsette byttet og skrive hvorfor på samme side.',
        ].join('\n\n'),
      });
      invited += 1;
    }
    await recordAudit(tx, actor, { action: 'create', entity: 'eq_replacement_invitations', entityId: o.municipalityId, after: { asOf: o.asOf, invited } });
    return { invited, alreadyUnderway: devices.filter((d) => d.primary_user && d.underway).length, withoutUser: devices.filter((d) => !d.primary_user).length };
  });
}

// ---- the user's order and deferral, the manager's decision -------------------------------------------

/** The replacement of the user's own PC: 404 when unknown, 403 when the PC is someone else's (staff may read every one). */
async function loadFor(tx: DbOrTx, o: TScope & { id: string; user: SessionUser | null }) {
  const [r] = await tx.select().from(eqReplacements).where(and(eq(eqReplacements.id, o.id), eq(eqReplacements.cooperationId, o.cooperationId)));
  if (!r) throw notFound('Byttet');
  if (o.user && !isKeeper(o.user) && r.userEmail !== o.user.email.toLowerCase()) throw forbidden('Bare brukeren av PC-en kan bestille eller utsette byttet');
  return r;
}
const isKeeper = (user: SessionUser) => user.role === 'staff' || user.role === 'admin';

async function addStep(tx: DbOrTx, actor: Actor, o: { id: string; from: TReplacementState; to: TReplacementState; on: string; note: string | null; set?: Partial<typeof eqReplacements.$inferInsert> }) {
  await tx.insert(eqReplacementSteps).values({ replacementId: o.id, state: o.to, on: o.on, note: o.note, actorUserId: actor.userId, actorName: actor.name });
  await tx.update(eqReplacements).set({ ...o.set, state: o.to, revision: nextRevision(eqReplacements) }).where(eq(eqReplacements.id, o.id));
  await recordAudit(tx, actor, { action: 'update', entity: 'eq_replacement', entityId: o.id, before: { state: o.from }, after: { state: o.to, on: o.on, note: o.note } });
}

/**
 * The user orders one of the campaign's standard models; the order goes to the approver of the unit
 * they name, or the municipality's fallback, by a mail with a one-click link (its token, stored hashed).
 */
export async function orderReplacement(db: Db, user: SessionUser, o: TScope & { id: string; publicUrl: string | undefined } & TReplacementOrderRequest): Promise<TReplacement> {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, eqReplacements, o.id, o.revision, 'Byttet');
    const r = await loadFor(tx, { ...o, user });
    requireTransition(r.state, 'requested');
    const [campaign] = await tx.select().from(eqCampaigns).where(and(eq(eqCampaigns.cooperationId, o.cooperationId), eq(eqCampaigns.municipalityId, r.municipalityId)));
    if (!campaign?.active) throw conflict('Kampanjen er ikke lenger slått på for kommunen');
    if (!campaign.standardModels.includes(o.model)) {
      throw badRequest('Velg en av standardmodellene', [{ path: 'model', message: `Velg en av: ${campaign.standardModels.join(', ')}` }]);
    }
    const approvers = await tx.select().from(eqApprovers).where(and(eq(eqApprovers.cooperationId, o.cooperationId), eq(eqApprovers.municipalityId, r.municipalityId)));
    const approver = approvers.find((a) => o.unit !== null && a.unit === o.unit) ?? approvers.find((a) => a.unit === null);
    if (!approver) throw conflict('Kommunen har ingen godkjenner for enheten og ingen reservegodkjenner; kontakt kundeservice');
    const { token, hash } = newDecisionToken();
    const [device] = await tx.select({ serial: eqDevices.serial }).from(eqDevices).where(eq(eqDevices.id, r.deviceId));
    await addStep(tx, { userId: user.id, name: user.name }, {
      id: r.id, from: r.state, to: 'requested', on: today(), note: null,
      set: { model: o.model, unit: o.unit, approverName: approver.name, approverEmail: approver.email, decisionTokenHash: hash, deferredUntil: null },
    });
    await sendMessage(tx, {
      to: approver.email, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r.id, link: '/utstyr/mine',
      subject: `Godkjenn ny PC for ${user.name}`,
      text: `${user.name} ber om å bytte sin utgåtte PC ${device?.serial ?? ''} mot en ${o.model}. Godkjenn eller avslå under «Venter på deg».`,
    });
    await queueMail(tx, {
      to: approver.email,
      subject: `Godkjenn ny PC for ${user.name}`,
      text: [
        `${user.name} (${r.userEmail}) ber om å bytte sin utgåtte PC ${device?.serial ?? ''} mot en ${o.model}. Kostnaden belastes kommunen.`,
        `Godkjenn eller avslå med ett klikk (lenken kan brukes én gang):`,
        decisionLink(o.publicUrl, token),
      ].join('\n\n'),
    });
    return (await listReplacements(tx, { cooperationId: o.cooperationId, ids: [r.id] }))[0]!;
  });
}

export async function deferReplacement(db: Db, user: SessionUser, o: TScope & { id: string } & TReplacementDeferRequest): Promise<TReplacement> {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, eqReplacements, o.id, o.revision, 'Byttet');
    const r = await loadFor(tx, { ...o, user });
    requireTransition(r.state, 'deferred');
    const on = today();
    if (o.until !== null && (o.until <= on || o.until > `${Number(on.slice(0, 4)) + 1}${on.slice(4)}`)) {
      throw badRequest('Utsett til en dag etter i dag, høyst ett år fram', [{ path: 'until', message: `Etter ${on}, høyst ett år fram` }]);
    }
    await addStep(tx, { userId: user.id, name: user.name }, {
      id: r.id, from: r.state, to: 'deferred', on, note: o.until ? `${o.reason} (til ${o.until})` : o.reason, set: { deferredUntil: o.until },
    });
    return (await listReplacements(tx, { cooperationId: o.cooperationId, ids: [r.id] }))[0]!;
  });
}

/**
 * What the mail's link is for, read without using it up, so the manager sees who asks for what before
 * deciding; 404 for an unknown or used link, as the decision itself answers.
 */
export async function findDecisionCase(db: DbOrTx, o: TReplacementDecisionLookupRequest): Promise<TReplacementDecisionCase> {
  const [r] = await db.select().from(eqReplacements).where(eq(eqReplacements.decisionTokenHash, hashToken(o.token)));
  if (!r || r.state !== 'requested' || !r.model || !r.approverName) throw notFound('Godkjenningslenken (den er ukjent eller allerede brukt)');
  const [[device], [requested], names] = await Promise.all([
    db.select({ serial: eqDevices.serial, model: eqDevices.model, expiryYear: eqDevices.expiryYear }).from(eqDevices).where(eq(eqDevices.id, r.deviceId)),
    db.select({ on: eqReplacementSteps.on, actorName: eqReplacementSteps.actorName }).from(eqReplacementSteps)
      .where(and(eq(eqReplacementSteps.replacementId, r.id), eq(eqReplacementSteps.state, 'requested'))).orderBy(desc(eqReplacementSteps.recordedAt)).limit(1),
    municipalityNames(db, [r.municipalityId]),
  ]);
  return {
    municipality: names.get(r.municipalityId) ?? '', requestedBy: requested?.actorName ?? r.userEmail, userEmail: r.userEmail,
    requestedOn: requested?.on ?? '', model: r.model, unit: r.unit, approverName: r.approverName, device: device!,
  };
}

/**
 * The manager's decision from the mail's link: the token names the replacement and may be used once
 * (404 for an unknown or used one). The user is told the outcome by mail, a rejection with its reason.
 */
export async function decideReplacement(db: Db, o: TReplacementDecisionRequest): Promise<TReplacement> {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(eqReplacements).where(eq(eqReplacements.decisionTokenHash, hashToken(o.token))).for('update');
    if (!r) throw notFound('Godkjenningslenken (den er ukjent eller allerede brukt)');
    return decide(tx, r, { userId: null, name: r.approverName ?? systemActor.name }, o);
  });
}

/**
 * The same decision from «Mine bestillinger», signed in with the address the request went to (the
 * approver's own account); it uses the mail's link up too. 403 for anyone else, 409 when not waiting.
 */
export async function decideReplacementAsApprover(db: Db, user: SessionUser, o: TScope & { id: string } & TReplacementWebDecisionRequest): Promise<TReplacement> {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, eqReplacements, o.id, o.revision, 'Byttet');
    const [r] = await tx.select().from(eqReplacements).where(and(eq(eqReplacements.id, o.id), eq(eqReplacements.cooperationId, o.cooperationId)));
    if (!r) throw notFound('Byttet');
    if (r.approverEmail !== user.email.toLowerCase()) throw forbidden('Bare godkjenneren bestillingen ble sendt til kan avgjøre den');
    return decide(tx, r, { userId: user.id, name: user.name }, o);
  });
}

async function decide(tx: DbOrTx, r: typeof eqReplacements.$inferSelect, actor: Actor, o: { decision: 'approved' | 'rejected'; comment: string | null }) {
  requireTransition(r.state, o.decision);
  await addStep(tx, actor, { id: r.id, from: r.state, to: o.decision, on: today(), note: o.comment, set: { decisionTokenHash: null } });
  const told = {
    to: r.userEmail,
    subject: o.decision === 'approved' ? 'Ny PC er godkjent' : 'Bestillingen av ny PC er avslått',
    text: o.decision === 'approved'
      ? `${actor.name} har godkjent bestillingen av ${r.model}. Vi gir beskjed når PC-en er klar.${o.comment ? `\n\nKommentar: ${o.comment}` : ''}`
      : `${actor.name} har avslått bestillingen av ${r.model}.\n\nBegrunnelse: ${o.comment}\n\nDu kan sende en ny bestilling fra samme side.`,
  };
  await queueMail(tx, told);
  await sendMessage(tx, { ...told, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r.id, link: `/utstyr/bytte/${r.id}` });
  return (await listReplacements(tx, { cooperationId: r.cooperationId, ids: [r.id] }))[0]!;
}

// ---- the cooperation's steps ---------------------------------------------------------------------------

const RETIREMENT_OF: Partial<Record<TReplacementState, TRetirementStep>> = { old_returned: 'returned', old_wiped: 'wiped', retired: 'recycled' };

/**
 * Staff's next step: ordered, delivered, handed over (the new PC, already imported, becomes the user's),
 * then the old PC's return, wipe (with proof) and retirement, which are also its retirement steps.
 */
export async function stepReplacement(db: Db, actor: Actor, o: TScope & { id: string } & TReplacementStepRequest): Promise<TReplacement> {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, eqReplacements, o.id, o.revision, 'Byttet');
    const r = await loadFor(tx, { ...o, user: null });
    requireTransition(r.state, o.state);
    const [last] = await tx.select({ on: eqReplacementSteps.on }).from(eqReplacementSteps).where(eq(eqReplacementSteps.replacementId, r.id)).orderBy(desc(eqReplacementSteps.on)).limit(1);
    if (last && o.on < last.on) throw badRequest('Datoen er før forrige steg', [{ path: 'on', message: `Tidligst ${last.on}` }]);
    let newDeviceId: string | undefined;
    if (o.state === 'handed_over') {
      const [device] = await tx.select().from(eqDevices).where(and(
        eq(eqDevices.cooperationId, o.cooperationId), sql`upper(${eqDevices.serial}) = upper(${o.newDeviceSerial})`,
      ));
      if (!device || device.id === r.deviceId) throw badRequest('Ukjent ny PC', [{ path: 'newDeviceSerial', message: 'Importer den nye PC-en først, og oppgi serienummeret' }]);
      newDeviceId = device.id;
      await tx.update(eqDevices).set({ primaryUser: r.userEmail }).where(eq(eqDevices.id, device.id));
    }
    const retirement = RETIREMENT_OF[o.state];
    if (retirement) {
      await tx.insert(eqRetirementSteps).values({ deviceId: r.deviceId, step: retirement, on: o.on, note: o.note, actorUserId: actor.userId, actorName: actor.name })
        .onConflictDoNothing();
    }
    await addStep(tx, actor, { id: r.id, from: r.state, to: o.state, on: o.on, note: o.note, set: newDeviceId ? { newDeviceId } : undefined });
    if (o.state === 'handed_over') {
      const told = { to: r.userEmail, subject: 'Lever den gamle PC-en', text: 'Du har fått ny PC. Lever den gamle til kundeservice, så blir den slettet og levert til godkjent returselskap.' };
      await queueMail(tx, told);
      await sendMessage(tx, { ...told, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r.id, link: `/utstyr/bytte/${r.id}` });
    }
    return (await listReplacements(tx, { cooperationId: o.cooperationId, ids: [r.id] }))[0]!;
  });
}

// ---- reading -------------------------------------------------------------------------------------------

/** One replacement, for its user's page (or staff): 404 unknown, 403 someone else's PC. */
export async function getReplacement(db: DbOrTx, user: SessionUser, o: TScope & { id: string }): Promise<TReplacement> {
  const r = await loadFor(db, { ...o, user });
  return (await listReplacements(db, { cooperationId: o.cooperationId, ids: [r.id] }))[0]!;
}

/** Replacements with their steps; `userEmail` limits them to one user's own, `municipalityId` to a municipality. */
export async function listReplacements(db: DbOrTx, o: TScope & { ids?: string[]; municipalityId?: string | null; userEmail?: string; approverEmail?: string; state?: TReplacementState }): Promise<TReplacement[]> {
  const rows = await db.select().from(eqReplacements).where(and(
    eq(eqReplacements.cooperationId, o.cooperationId),
    o.ids ? inArray(eqReplacements.id, o.ids) : undefined,
    o.municipalityId ? eq(eqReplacements.municipalityId, o.municipalityId) : undefined,
    o.userEmail ? eq(eqReplacements.userEmail, o.userEmail.toLowerCase()) : undefined,
    o.approverEmail ? eq(eqReplacements.approverEmail, o.approverEmail.toLowerCase()) : undefined,
    o.state ? eq(eqReplacements.state, o.state) : undefined,
  )).orderBy(asc(eqReplacements.createdAt)).limit(1000);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const deviceIds = [...new Set(rows.flatMap((r) => [r.deviceId, r.newDeviceId].filter((x): x is string => !!x)))];
  const [steps, devices, campaigns, names] = await Promise.all([
    db.select().from(eqReplacementSteps).where(inArray(eqReplacementSteps.replacementId, ids)).orderBy(asc(eqReplacementSteps.recordedAt)),
    db.select({ id: eqDevices.id, serial: eqDevices.serial, name: eqDevices.name, model: eqDevices.model, expiryYear: eqDevices.expiryYear })
      .from(eqDevices).where(inArray(eqDevices.id, deviceIds)),
    db.select().from(eqCampaigns).where(eq(eqCampaigns.cooperationId, o.cooperationId)),
    municipalityNames(db, [...new Set(rows.map((r) => r.municipalityId))]),
  ]);
  const device = new Map(devices.map((d) => [d.id, d]));
  const models = new Map(campaigns.map((c) => [c.municipalityId, c.standardModels]));
  const active = new Set(campaigns.filter((c) => c.active).map((c) => c.municipalityId));
  return rows.map((r) => ({
    id: r.id, municipalityId: r.municipalityId, municipality: names.get(r.municipalityId) ?? '', state: r.state, revision: r.revision,
    device: device.get(r.deviceId)!, newDeviceSerial: r.newDeviceId ? device.get(r.newDeviceId)?.serial ?? null : null,
    deferredUntil: r.state === 'deferred' ? r.deferredUntil : null,
    userEmail: r.userEmail, model: r.model, unit: r.unit, approverName: r.approverName, approverEmail: r.approverEmail,
    standardModels: models.get(r.municipalityId) ?? [],
    canOrder: active.has(r.municipalityId) && REPLACEMENT_TRANSITIONS[r.state].includes('requested'),
    canDefer: REPLACEMENT_TRANSITIONS[r.state].includes('deferred'),
    nextStep: REPLACEMENT_STAFF_STEPS.find((step) => REPLACEMENT_TRANSITIONS[r.state].includes(step)) ?? null,
    steps: steps.filter((s) => s.replacementId === r.id).map((s) => ({ state: s.state, on: s.on, note: s.note, actorName: s.actorName, recordedAt: s.recordedAt.toISOString() })),
  }));
}
