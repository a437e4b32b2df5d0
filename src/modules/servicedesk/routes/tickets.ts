// HTTP for the service desk. The portal (municipality users) and the desk (staff) share the ticket
// routes; the services decide what each sees. Admins keep the policy, teams and sharing, and run the
// audited SLA recomputation.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { badRequest } from '../../../server/errors.js';
import { contentDisposition } from '../../../lib/file-names.js';
import { addTicketAttachment, getTicketAttachment } from '../tickets/attachments.service.js';
import { sendStoredFile, storedFileAnswers } from '../../../server/files.js';
import { uploadLimit, uploadRefusals } from '../../uploads/limits.js';
import { readUploadForm, validated } from '../../uploads/form.js';
import { uploadQuotaOf } from '../../uploads/service.js';
import { listAgents } from '../agents.service.js';
import { listCategories } from '../categories.service.js';
import { createRouter, formBody, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { closeUnconfirmedTickets } from '../jobs.js';
import {
  ZAgentList, ZBulkAssignRequest, ZCategoryList, ZCategoryQuery, ZCloseUnconfirmedResult, ZContactAttemptRequest, ZConversationEntry, ZCreateTeamRequest,
  ZCreateTicketRequest, ZDeletePolicyQuery, ZListTicketsQuery, ZMessageRequest, ZPhoneCallRequest, ZPolicyQuery, ZPolicyResponse, ZPortalSharing,
  ZRecomputeRequest, ZReopenRequest, ZSavePolicyRequest, ZSharingRequest, ZSurvey, ZSurveyRequest, ZTeam, ZTeamList, ZTicket,
  ZQueueCounts, ZTicketAttachment, ZTicketCount, ZTicketEvent, ZTicketPage, ZTicketUploadRequest, ZUpdateTicketRequest, ZUserIdParam,
} from '../model.js';
import { deletePolicy, getPolicy, savePolicy } from '../desk-rules.service.js';
import { recomputeSla } from '../sla/sla.service.js';
import { createTeam, listTeams, setPortalSharing } from '../teams.service.js';
import { createTicket, logPhoneCall } from '../tickets/tickets.create.js';
import { countQueues, getTicket, listTickets } from '../tickets/tickets.read.js';
import { addNote, addReply, answerSurvey, bulkAssign, confirmSolved, logContactAttempt, reopenTicket, updateTicket } from '../tickets/tickets.update.js';
import { eventJson } from '../tickets/history.js';

const tags = ['Kundeservice'];
const portalOrDesk = requireRole('staff', 'municipality');
const desk = requireRole('staff');
const adminOnly = requireRole('admin');


/**
 * The moment a request acts at: the real time, or, when the server runs with SAMRAD_TEST_CLOCK=on (end-to-end
 * tests only), the instant in the x-samrad-now header, so a test can let days pass between steps.
 */
function nowOf(c: { var: { env: { SAMRAD_TEST_CLOCK: 'on' | 'off' } }; req: { header: (name: string) => string | undefined } }): Date | undefined {
  if (c.var.env.SAMRAD_TEST_CLOCK !== 'on') return undefined;
  const value = c.req.header('x-samrad-now');
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw badRequest('Ugyldig x-samrad-now', [{ path: 'x-samrad-now', message: 'Tidspunkt som ISO 8601' }]);
  return at;
}

/** A reply or note as the conversation lists it. */
function conversationEntryJson(e: Awaited<ReturnType<typeof addNote>>, kind: 'reply' | 'note') {
  return { id: e.id, at: e.at.toISOString(), authorName: e.actorName, byDesk: e.byDesk, kind, text: String(e.data.text) };
}

export const serviceDeskRoutes = createRouter();

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/tickets', tags, summary: 'Saker: køer (mine, team, ufordelte, snart brudd), filtre, keyset-paginering',
  access: [portalOrDesk],
  request: { query: ZListTicketsQuery }, answers: { 200: jsonContent(ZTicketPage, 'En side med saker') },
}), async (c) => c.json(await listTickets(c.var.db, currentUser(c), { ...c.req.valid('query'), now: nowOf(c) }), 200));

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/queue-counts', tags, summary: 'Antall åpne saker i hver kø i arbeidslisten', access: [desk],
  answers: { 200: jsonContent(ZQueueCounts, 'Åpne saker per kø') },
}), async (c) => c.json(await countQueues(c.var.db, currentUser(c), nowOf(c) ?? new Date()), 200));

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets', tags, summary: 'Meld inn en sak (portal) eller registrer en for en bruker (kundeservice)',
  access: [portalOrDesk],
  request: jsonBody(ZCreateTicketRequest), answers: { 201: jsonContent(ZTicket, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const now = nowOf(c);
  const ticket = await createTicket(c.var.db, user, { ...c.req.valid('json'), now });
  return c.json(await getTicket(c.var.db, user, { id: ticket.id, now }), 201);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/phone-calls', tags, summary: 'Logg en telefonsamtale eller et oppmøte som sak (telefonpolicyen)',
  access: [desk],
  request: jsonBody(ZPhoneCallRequest), answers: { 201: jsonContent(ZTicket, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const now = nowOf(c);
  const ticket = await logPhoneCall(c.var.db, user, { ...c.req.valid('json'), now });
  return c.json(await getTicket(c.var.db, user, { id: ticket.id, now }), 201);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/bulk-assign', tags, summary: 'Tildel mange saker på én gang (alle eller ingen)', access: [desk],
  request: jsonBody(ZBulkAssignRequest), answers: { 200: jsonContent(ZTicketCount, 'Antall saker') },
}), async (c) => c.json(await bulkAssign(c.var.db, currentUser(c), { ...c.req.valid('json'), now: nowOf(c) }), 200));

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/tickets/{id}', tags, summary: 'Én sak; innmelderen ser aldri interne notater', access: [portalOrDesk],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZTicket, 'Saken') },
}), async (c) => c.json(await getTicket(c.var.db, currentUser(c), { id: c.req.valid('param').id, now: nowOf(c) }), 200));

serviceDeskRoutes.openapi(route({
  method: 'patch', path: '/api/servicedesk/tickets/{id}', tags, summary: 'Endre status, prioritet, tildeling eller klassifisering', access: [desk],
  request: { params: ZIdParam, ...jsonBody(ZUpdateTicketRequest) }, answers: { 200: jsonContent(ZTicket, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  const now = nowOf(c);
  const body = c.req.valid('json');
  await updateTicket(c.var.db, user, { id, ...body, now });
  return c.json(await getTicket(c.var.db, user, { id, now }), 200);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/replies', tags,
  summary: 'Offentlig svar (sendes innmelderen på e-post når det kommer fra kundeservice)', access: [portalOrDesk],
  request: { params: ZIdParam, ...jsonBody(ZMessageRequest) }, answers: { 201: jsonContent(ZConversationEntry, 'Svaret') },
}), async (c) => {
  const user = currentUser(c);
  const e = await addReply(c.var.db, user, { id: c.req.valid('param').id, text: c.req.valid('json').text, baseUrl: c.var.env.PUBLIC_URL, now: nowOf(c) });
  return c.json(conversationEntryJson(e, 'reply'), 201);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/notes', tags, summary: 'Internt notat (bare kundeservice ser det)', access: [desk],
  request: { params: ZIdParam, ...jsonBody(ZMessageRequest) }, answers: { 201: jsonContent(ZConversationEntry, 'Notatet') },
}), async (c) => {
  const e = await addNote(c.var.db, currentUser(c), { id: c.req.valid('param').id, text: c.req.valid('json').text, now: nowOf(c) });
  return c.json(conversationEntryJson(e, 'note'), 201);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/reopen', tags, summary: 'Gjenåpne en løst eller lukket sak (innmelderen innen fristen)',
  access: [portalOrDesk],
  request: { params: ZIdParam, ...jsonBody(ZReopenRequest) }, answers: { 200: jsonContent(ZTicket, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  const now = nowOf(c);
  await reopenTicket(c.var.db, user, { id, reason: c.req.valid('json').reason, now });
  return c.json(await getTicket(c.var.db, user, { id, now }), 200);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/confirm', tags,
  summary: 'Bekreft at saken er løst (innmelderen): en løst sak lukkes som bekreftet, uten 3-2-1-kontaktforsøk eller e-post',
  access: [requireRole('municipality')],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZTicket, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  const now = nowOf(c);
  await confirmSolved(c.var.db, user, { id, now });
  return c.json(await getTicket(c.var.db, user, { id, now }), 200);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/survey', tags, summary: 'Svar på brukerundersøkelsen (1–5 og kommentar), én gang',
  access: [requireRole('municipality')],
  request: { params: ZIdParam, ...jsonBody(ZSurveyRequest) }, answers: { 201: jsonContent(ZSurvey, 'Svaret') },
}), async (c) => {
  const row = await answerSurvey(c.var.db, currentUser(c), { id: c.req.valid('param').id, ...c.req.valid('json'), now: nowOf(c) });
  return c.json({ score: row.score, comment: row.comment, answeredAt: row.answeredAt.toISOString() }, 201);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/contact-attempts', tags, summary: 'Logg et kontaktforsøk på en løst sak (3-2-1-regelen)',
  access: [desk],
  request: { params: ZIdParam, ...jsonBody(ZContactAttemptRequest) }, answers: { 201: jsonContent(ZTicketEvent, 'Forsøket') },
}), async (c) => {
  const body = c.req.valid('json');
  const e = await logContactAttempt(c.var.db, currentUser(c), {
    id: c.req.valid('param').id, method: body.method, note: body.note, at: body.at ? new Date(body.at) : undefined, now: nowOf(c),
  });
  return c.json(eventJson(e), 201);
});

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/policy', tags, summary: 'Regler: kategorier, SLA-kalendere og -mål, ventestatuser, 3-2-1, telefonpolicy',
  access: [desk],
  request: { query: ZPolicyQuery }, answers: { 200: jsonContent(ZPolicyResponse, 'Reglene') },
}), async (c) => {
  const q = c.req.valid('query');
  const result = await getPolicy(c.var.db, { cooperationId: q.cooperationId, municipalityId: q.municipalityId });
  return c.json({ document: result.document, isDefault: result.isDefault, revision: result.revision }, 200);
});

serviceDeskRoutes.openapi(route({
  method: 'put', path: '/api/servicedesk/policy', tags,
  summary: 'Lagre reglene for samarbeidet eller én kommune (gjelder nye hendelser; eldre saker ved omberegning)', access: [adminOnly],
  request: jsonBody(ZSavePolicyRequest), answers: { 200: jsonContent(ZPolicyResponse, 'Reglene') },
}), async (c) => {
  const body = c.req.valid('json');
  return c.json(await savePolicy(c.var.db, actorOf(currentUser(c)), body), 200);
});

serviceDeskRoutes.openapi(route({
  method: 'delete', path: '/api/servicedesk/policy', tags,
  summary: 'Slett en kommunes egne regler, så den følger samarbeidets igjen (404 om den ikke har egne; 409 om de er endret siden)',
  access: [adminOnly],
  request: { query: ZDeletePolicyQuery }, answers: { 204: { description: 'Kommunen følger samarbeidets regler' } },
}), async (c) => {
  await deletePolicy(c.var.db, actorOf(currentUser(c)), c.req.valid('query'));
  return c.body(null, 204);
});

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/sla/recompute', tags, summary: 'Beregn SLA på nytt for eksisterende saker (revidert handling)',
  access: [adminOnly],
  request: jsonBody(ZRecomputeRequest), answers: { 200: jsonContent(ZTicketCount, 'Resultatet') },
}), async (c) => {
  const body = c.req.valid('json');
  const result = await recomputeSla(c.var.db, actorOf(currentUser(c)), {
    cooperationId: body.cooperationId,
    createdFrom: body.createdFrom ? new Date(body.createdFrom) : undefined,
    createdTo: body.createdTo ? new Date(body.createdTo) : undefined,
    now: nowOf(c),
  });
  return c.json({ tickets: result.tickets, changed: result.changed }, 200);
});

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/teams', tags, summary: 'Team i kundeservice', access: [desk],
  answers: { 200: jsonContent(ZTeamList, 'Teamene') },
}), async (c) => c.json({ teams: await listTeams(c.var.db) }, 200));

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/agents', tags, summary: 'Saksbehandlere en sak kan tildeles (aktive ansatte og administratorer) med team',
  access: [desk],
  answers: { 200: jsonContent(ZAgentList, 'Saksbehandlerne') },
}), async (c) => c.json({ agents: await listAgents(c.var.db) }, 200));

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/categories', tags,
  summary: 'Kategoriene en sak kan meldes i, etter reglene som gjelder kommunen (portalen: egen kommune)', access: [portalOrDesk],
  request: { query: ZCategoryQuery }, answers: { 200: jsonContent(ZCategoryList, 'Kategoriene') },
}), async (c) => c.json(await listCategories(c.var.db, currentUser(c), { municipalityId: c.req.valid('query').municipality }), 200));

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/teams', tags, summary: 'Opprett et team', access: [adminOnly],
  request: jsonBody(ZCreateTeamRequest), answers: { 201: jsonContent(ZTeam, 'Teamet') },
}), async (c) => {
  const team = await createTeam(c.var.db, actorOf(currentUser(c)), c.req.valid('json'));
  return c.json({ id: team.id, cooperationId: team.cooperationId, name: team.name, memberUserIds: team.memberUserIds }, 201);
});

serviceDeskRoutes.openapi(route({
  method: 'put', path: '/api/servicedesk/portal-sharing/{userId}', tags, summary: 'La en kommunebruker se alle saker fra egen kommune',
  access: [adminOnly],
  request: { params: ZUserIdParam, ...jsonBody(ZSharingRequest) }, answers: { 200: jsonContent(ZPortalSharing, 'Delingen') },
}), async (c) => c.json(await setPortalSharing(c.var.db, actorOf(currentUser(c)), { userId: c.req.valid('param').userId, ...c.req.valid('json') }), 200));

serviceDeskRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/jobs/close-unconfirmed', tags, summary: 'Kjør 3-2-1-jobben nå (den går ellers av seg selv)',
  access: [adminOnly],
  answers: { 200: jsonContent(ZCloseUnconfirmedResult, 'Lukkede saker (nummer)') },
}), async (c) => c.json(await closeUnconfirmedTickets(c.var.db, { baseUrl: c.var.env.PUBLIC_URL, now: nowOf(c) }), 200));

// Described here, handled below: the body is read by readUploadForm, not by the validator's FormData
// (see uploads/form.ts for why).
serviceDeskRoutes.openAPIRegistry.registerPath(route({
  method: 'post', path: '/api/servicedesk/tickets/{id}/attachments', tags,
  summary: 'Legg ved en fil (skjermbilde, logg); kundeservice kan merke den intern',
  request: { params: ZIdParam, ...formBody(ZTicketUploadRequest) },
  answers: {
    201: jsonContent(ZTicketAttachment, 'Vedlegget'),
    ...uploadRefusals,
  },
}));
serviceDeskRoutes.post('/api/servicedesk/tickets/:id/attachments', portalOrDesk, uploadLimit('ticket-attachment'), async (c) => {
  const { id } = validated(ZIdParam, c.req.param());
  const { file, fields } = await readUploadForm(c, 'ticket-attachment');
  const { internal } = validated(ZTicketUploadRequest.pick({ internal: true }), fields);
  const meta = await addTicketAttachment(c.var.db, currentUser(c), {
    id, filename: file.name, file, internal: internal === 'true', now: nowOf(c),
    files: c.var.files, quota: uploadQuotaOf(c.var.env),
  });
  return c.json(meta, 201);
});

serviceDeskRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/attachments/{id}', tags, summary: 'Last ned et vedlegg på en sak', access: [portalOrDesk],
  request: { params: ZIdParam },
  answers: storedFileAnswers,
}), async (c) => {
  const file = await getTicketAttachment(c.var.db, currentUser(c), { id: c.req.valid('param').id });
  return sendStoredFile(c, {
    sha256: file.sha256, size: file.size, contentType: file.contentType, contentDisposition: contentDisposition(file.filename),
    cacheControl: 'private, no-store',
  });
});
