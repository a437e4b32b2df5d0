// Creating tickets: from the portal (a municipality user reports a problem or orders something), by an
// agent on behalf of someone (e-mail, chat), and from a phone call or walk-in under the phone policy.
import type { DbOrTx } from '../../../db/client.js';
import { actorOf, type SessionUser } from '../../../server/context.js';
import { badRequest } from '../../../server/errors.js';
import { recordAudit } from '../../audit/service.js';
import { latestCooperationOf } from '../../org/memberships.service.js';
import { existingMunicipalityIds } from '../../org/municipalities.service.js';
import { findUserSummary } from '../../org/users.service.js';
import { eventActorOf, isDesk } from '../policy.js';
import { CHANNEL_LABELS, PRIORITY_LABELS, type TChannel, type TPriority, type TStatus, type TTicketType } from '../vocabulary.js';
import { appendEvent, refreshSla } from './history.js';
import type { TCreateTicketRequest, TPhoneCallRequest } from '../model.js';
import { loadPolicy } from '../desk-rules.service.js';
import { sdTickets } from '../schema.js';

type TNewTicket = {
  type: TTicketType; category: string; title: string; description: string; priority: TPriority; channel: TChannel;
  municipalityId: string; requesterUserId: string | null; requesterName: string; requesterEmail: string | null;
  status: TStatus; respondedAtCreation: boolean; assigneeUserId: string | null; extra?: { solvedOnCall?: boolean; solution?: string };
};

export type TCreateTicketOptions = TCreateTicketRequest & { now?: Date };

export async function createTicket(db: DbOrTx, user: SessionUser, options: TCreateTicketOptions) {
  const now = options.now ?? new Date();
  if (!isDesk(user)) {
    // The portal: the requester is the signed-in user, in their own municipality; the desk sets the
    // priority it works by, starting from Medium.
    if (!user.municipalityId) throw badRequest('Brukeren er ikke knyttet til en kommune');
    return insertTicket(db, user, now, {
      type: options.type, category: options.category, title: options.title, description: options.description,
      priority: 'medium', channel: 'portal', municipalityId: user.municipalityId, requesterUserId: user.id,
      requesterName: user.name, requesterEmail: user.email, status: 'ny', respondedAtCreation: false, assigneeUserId: null,
    });
  }
  const requester = await resolveRequester(db, options);
  if (!options.municipalityId && !requester.municipalityId) {
    throw badRequest('Velg kommune', [{ path: 'municipalityId', message: 'Påkrevd når innmelder ikke har kommune' }]);
  }
  return insertTicket(db, user, now, {
    type: options.type, category: options.category, title: options.title, description: options.description,
    priority: options.priority ?? 'medium', channel: options.channel ?? 'epost',
    municipalityId: (options.municipalityId ?? requester.municipalityId)!, ...requester.fields,
    status: 'ny', respondedAtCreation: options.channel === 'telefon' || options.channel === 'oppmote', assigneeUserId: null,
  });
}

export type TLogPhoneCallOptions = TPhoneCallRequest & { now?: Date };

/**
 * The phone policy (ST 39/18): a critical or high fault is solved on the call if it can be; medium and
 * low are logged as a ticket and handled afterwards. Either way the call becomes a ticket with the call's
 * channel, so the statistics count it.
 */
export async function logPhoneCall(db: DbOrTx, user: SessionUser, options: TLogPhoneCallOptions) {
  const now = options.now ?? new Date();
  const requester = await resolveRequester(db, options);
  const coop = await cooperationOf(db, options.municipalityId);
  const policy = await loadPolicy(db, coop, options.municipalityId);
  if (options.solvedOnCall && !policy.document.phoneSolvablePriorities.includes(options.priority)) {
    const allowed = policy.document.phoneSolvablePriorities.map((p) => PRIORITY_LABELS[p]).join(' og ');
    throw badRequest(`Bare ${allowed} løses på telefonen; registrer saken for senere behandling`,
      [{ path: 'solvedOnCall', message: `Bare ${allowed} kan løses i samtalen` }]);
  }
  return insertTicket(db, user, now, {
    type: options.type, category: options.category, title: options.title, description: options.description,
    priority: options.priority, channel: options.channel, municipalityId: options.municipalityId, ...requester.fields,
    status: options.solvedOnCall ? 'lost' : 'ny', respondedAtCreation: true,
    assigneeUserId: options.solvedOnCall ? user.id : null,
    extra: { solvedOnCall: options.solvedOnCall, ...(options.solution ? { solution: options.solution } : {}) },
  });
}

async function insertTicket(db: DbOrTx, user: SessionUser, now: Date, t: TNewTicket) {
  return db.transaction(async (tx) => {
    const cooperationId = await cooperationOf(tx, t.municipalityId);
    const policy = await loadPolicy(tx, cooperationId, t.municipalityId);
    if (!policy.document.categories.includes(t.category)) {
      throw badRequest(`Ukjent kategori «${t.category}»`, [{ path: 'category', message: `Velg en av: ${policy.document.categories.join(', ')}` }]);
    }
    const desk = policy.document.channels as readonly TChannel[];
    if (t.channel !== 'portal' && !desk.includes(t.channel)) {
      const offered = desk.map((c) => CHANNEL_LABELS[c]).join(', ');
      throw badRequest(`Kundeservice tar ikke imot saker via ${CHANNEL_LABELS[t.channel].toLowerCase()}`, [{ path: 'channel', message: `Velg en av: ${offered}` }]);
    }
    const [ticket] = await tx.insert(sdTickets).values({
      cooperationId, municipalityId: t.municipalityId, requesterUserId: t.requesterUserId, requesterName: t.requesterName,
      requesterEmail: t.requesterEmail, type: t.type, category: t.category, channel: t.channel, priority: t.priority,
      status: t.status, title: t.title, description: t.description, assigneeUserId: t.assigneeUserId,
      createdAt: now, updatedAt: now, solvedAt: t.status === 'lost' ? now : null,
    }).returning();
    await appendEvent(tx, ticket!.id, eventActorOf(user), {
      kind: 'created', at: now,
      data: { priority: t.priority, status: t.status, channel: t.channel, respondedAtCreation: t.respondedAtCreation, ...t.extra },
    });
    await refreshSla(tx, ticket!.id, now, { cooperationId, municipalityId: t.municipalityId, policy });
    await recordAudit(tx, actorOf(user), { action: 'create', entity: 'sd_ticket', entityId: ticket!.id, after: { number: ticket!.number, title: t.title, priority: t.priority, channel: t.channel } });
    return ticket!;
  });
}

async function resolveRequester(db: DbOrTx, options: { requesterUserId?: string; requesterName?: string; requesterEmail?: string }) {
  if (options.requesterUserId) {
    const u = await findUserSummary(db, options.requesterUserId);
    if (!u) throw badRequest('Innmelderen finnes ikke', [{ path: 'requesterUserId', message: 'Finnes ikke' }]);
    return { municipalityId: u.municipalityId, fields: { requesterUserId: u.id, requesterName: u.name, requesterEmail: u.email } };
  }
  if (!options.requesterName) throw badRequest('Oppgi innmelder', [{ path: 'requesterName', message: 'Påkrevd uten requesterUserId' }]);
  return { municipalityId: null, fields: { requesterUserId: null, requesterName: options.requesterName, requesterEmail: options.requesterEmail ?? null } };
}

/** The cooperation a municipality's tickets belong to: its latest membership. */
export async function cooperationOf(db: DbOrTx, municipalityId: string): Promise<string> {
  if (!(await existingMunicipalityIds(db, [municipalityId])).size) throw badRequest('Kommunen finnes ikke', [{ path: 'municipalityId', message: 'Finnes ikke' }]);
  const cooperationId = await latestCooperationOf(db, municipalityId);
  if (!cooperationId) throw badRequest('Kommunen er ikke medlem av et samarbeid', [{ path: 'municipalityId', message: 'Ikke medlem' }]);
  return cooperationId;
}
