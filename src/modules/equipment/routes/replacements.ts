// HTTP for the replacement campaign: staff switch it on per municipality with its standard models, name
// the approvers, invite the users of expired PCs and record the steps after approval; the PC's user
// orders or defers; the manager decides through the mail's one-click link (the token is the access, so
// that route takes no session). Rules live in replacement.service.ts and policy.ts.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import {
  ZApprover, ZApproverRequest, ZCampaign, ZCampaignRequest, ZInviteRequest, ZInviteResult, ZMunicipalityParam, ZReplacement,
  ZReplacementDecisionCase, ZReplacementDecisionLookupRequest, ZReplacementDecisionRequest, ZReplacementDeferRequest, ZReplacementListQuery, ZReplacementOrderRequest, ZReplacementStepRequest, ZReplacementWebDecisionRequest,
} from '../model.js';
import { EQUIPMENT_KEEPERS, REPLACEMENT_REQUESTERS, replacementScopeOf } from '../policy.js';
import {
  decideReplacement, decideReplacementAsApprover, deferReplacement, findDecisionCase, getReplacement, inviteExpired, listApprovers, listCampaigns, listReplacements, orderReplacement, setApprover, setCampaign,
  stepReplacement,
} from '../replacement.service.js';
import { tags } from './status.js';

const keepers = requireRole(...EQUIPMENT_KEEPERS);
const requesters = requireRole(...REPLACEMENT_REQUESTERS);

export const equipmentReplacementRoutes = createRouter();

equipmentReplacementRoutes.openapi(route({
  method: 'get', path: '/api/equipment/campaigns', tags, summary: 'Byttekampanjene per kommune', access: [keepers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ campaigns: z.array(ZCampaign) }), 'Kampanjene') },
}), async (c) => c.json({ campaigns: await listCampaigns(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

equipmentReplacementRoutes.openapi(route({
  method: 'put', path: '/api/equipment/campaigns/{municipalityId}', tags, summary: 'Slå byttekampanjen av eller på for en kommune, med standardmodellene',
  access: [keepers, cooperationScope], request: { params: ZMunicipalityParam, query: ZCooperationQuery, ...jsonBody(ZCampaignRequest) },
  answers: { 200: jsonContent(ZCampaign, 'Kampanjen') },
}), async (c) => c.json(await setCampaign(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, municipalityId: c.req.valid('param').municipalityId, ...c.req.valid('json'),
}), 200));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/campaigns/{municipalityId}/invitations', tags,
  summary: 'Inviter brukerne av utgåtte PC-er i kommunen til å bestille ny (e-post med lenke)',
  access: [keepers, cooperationScope], request: { params: ZMunicipalityParam, query: ZCooperationQuery, ...jsonBody(ZInviteRequest) },
  answers: { 201: jsonContent(ZInviteResult, 'Hvor mange som ble invitert') },
}), async (c) => c.json(await inviteExpired(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, municipalityId: c.req.valid('param').municipalityId, publicUrl: c.var.env.PUBLIC_URL, ...c.req.valid('json'),
}), 201));

equipmentReplacementRoutes.openapi(route({
  method: 'get', path: '/api/equipment/approvers', tags, summary: 'Godkjennerne per kommune og enhet (uten enhet: reservegodkjenneren)',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ approvers: z.array(ZApprover) }), 'Godkjennerne') },
}), async (c) => c.json({ approvers: await listApprovers(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

equipmentReplacementRoutes.openapi(route({
  method: 'put', path: '/api/equipment/approvers', tags, summary: 'Sett godkjenneren for en enhet, eller kommunens reservegodkjenner',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery, ...jsonBody(ZApproverRequest) }, answers: { 200: jsonContent(ZApprover, 'Godkjenneren') },
}), async (c) => c.json(await setApprover(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));

equipmentReplacementRoutes.openapi(route({
  method: 'get', path: '/api/equipment/replacements', tags, summary: 'PC-bytter med stegene (kommunebrukere ser sine egne)',
  access: [requesters, cooperationScope], request: { query: ZReplacementListQuery },
  answers: { 200: jsonContent(z.object({ replacements: z.array(ZReplacement) }), 'Byttene') },
}), async (c) => c.json({
  replacements: await listReplacements(c.var.db, { cooperationId: c.var.cooperationId, state: c.req.valid('query').state, ...replacementScopeOf(currentUser(c)) }),
}, 200));

equipmentReplacementRoutes.openapi(route({
  method: 'get', path: '/api/equipment/replacements/{id}', tags, summary: 'Ett PC-bytte med stegene (brukeren av PC-en, eller ansatte)',
  access: [requesters, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await getReplacement(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, id: c.req.valid('param').id }), 200));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacements/{id}/order', tags, summary: 'Bestill en standardmodell; bestillingen går til lederen for godkjenning',
  access: [requesters, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZReplacementOrderRequest) },
  answers: { 201: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await orderReplacement(c.var.db, currentUser(c), {
  cooperationId: c.var.cooperationId, id: c.req.valid('param').id, publicUrl: c.var.env.PUBLIC_URL, ...c.req.valid('json'),
}), 201));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacements/{id}/defer', tags, summary: 'Utsett byttet, med en begrunnelse',
  access: [requesters, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZReplacementDeferRequest) },
  answers: { 201: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await deferReplacement(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json') }), 201));

// A POST although it only reads: the token stays out of URLs and access logs, as the decision's does.
equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacement-decisions/lookup', tags,
  summary: 'Hva godkjenningslenken gjelder, uten å bruke den opp (lenken er tilgangen)',
  request: jsonBody(ZReplacementDecisionLookupRequest), answers: { 200: jsonContent(ZReplacementDecisionCase, 'Bestillingen lederen skal ta stilling til') },
}), async (c) => c.json(await findDecisionCase(c.var.db, c.req.valid('json')), 200));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacement-decisions', tags,
  summary: 'Lederens godkjenning eller avslag fra lenken i e-posten (lenken er tilgangen; kan brukes én gang)',
  request: jsonBody(ZReplacementDecisionRequest), answers: { 201: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await decideReplacement(c.var.db, c.req.valid('json')), 201));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacements/{id}/steps', tags,
  summary: 'Neste steg etter godkjenning: bestilt, levert, utlevert (ny PC), gammel innlevert, slettet, utrangert',
  access: [keepers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZReplacementStepRequest) },
  answers: { 201: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await stepReplacement(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json') }), 201));

equipmentReplacementRoutes.openapi(route({
  method: 'get', path: '/api/equipment/approvals', tags, summary: 'Bestillinger som venter på min godkjenning (sendt til e-postadressen jeg er logget inn med)',
  access: [requesters, cooperationScope], request: { query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ replacements: z.array(ZReplacement) }), 'Bestillingene som venter') },
}), async (c) => c.json({
  replacements: await listReplacements(c.var.db, { cooperationId: c.var.cooperationId, approverEmail: currentUser(c).email, state: 'requested' }),
}, 200));

equipmentReplacementRoutes.openapi(route({
  method: 'post', path: '/api/equipment/replacements/{id}/decision', tags,
  summary: 'Godkjenn eller avslå en bestilling på nettet (godkjenneren, innlogget med adressen bestillingen gikk til)',
  access: [requesters, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZReplacementWebDecisionRequest) },
  answers: { 201: jsonContent(ZReplacement, 'Byttet') },
}), async (c) => c.json(await decideReplacementAsApprover(c.var.db, currentUser(c), {
  cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json'),
}), 201));
