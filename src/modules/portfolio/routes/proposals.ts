// HTTP for the innovation pipeline: proposals, their steps as cases of the bodies, the council's decision
// and the cost split with its history, and the population figures the split may use. Staff write; the
// council reads. role → cooperation → validate → service → shape.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { addCostEvent, decideProposal, getCostSplit, getPopulations, previewCostSplit, setPopulations } from '../cost-split.service.js';
import {
  ZCaseProposalLink, ZCostEventRequest, ZMeetingProposalLinks, ZCostSplit, ZCreateProposalRequest, ZDecideProposalRequest, ZPopulations, ZProposal, ZProposalList,
  ZPreviewSplitRequest, ZSendProposalRequest, ZSetPopulationsRequest, ZSplitPreview, ZUpdateProposalRequest, ZYearParam,
} from '../model.js';
import { PIPELINE_READERS, PORTFOLIO_EDITORS } from '../policy.js';
import { caseProposal, createProposal, getProposal, listProposals, meetingProposals, sendProposal, updateProposal } from '../proposals.service.js';

const tags = ['Portefølje'];
const readers = requireRole(...PIPELINE_READERS);
const editors = requireRole(...PORTFOLIO_EDITORS);

export const proposalRoutes = createRouter();

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/proposals', tags, summary: 'Forslagene i innovasjonsløypa', access: [readers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZProposalList, 'Forslagene') },
}), async (c) => c.json({ proposals: await listProposals(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

proposalRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/proposals', tags, summary: 'Nytt forslag til innovasjonsløypa', access: [editors, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateProposalRequest) }, answers: { 201: jsonContent(ZProposal, 'Forslaget') },
}), async (c) => c.json(await createProposal(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/proposals/{id}', tags, summary: 'Ett forslag med sakene i organene og vedtaket', access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZProposal, 'Forslaget') },
}), async (c) => c.json(await getProposal(c.var.db, c.req.valid('param')), 200));

proposalRoutes.openapi(route({
  method: 'patch', path: '/api/portfolio/proposals/{id}', tags, summary: 'Rett et forslag (før vedtaket)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZUpdateProposalRequest) }, answers: { 200: jsonContent(ZProposal, 'Forslaget') },
}), async (c) => c.json(await updateProposal(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

proposalRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/proposals/{id}/cases', tags, summary: 'Send forslaget til neste steg: en ny sak på et møte i organet',
  access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZSendProposalRequest) }, answers: { 201: jsonContent(ZProposal, 'Forslaget med den nye saken') },
}), async (c) => c.json(await sendProposal(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json') }), 201));

proposalRoutes.openapi(route({
  method: 'put', path: '/api/portfolio/proposals/{id}/decision', tags, summary: 'Samarbeidsrådets vedtak: gå videre eller ikke, og kostnadsfordelingen',
  access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZDecideProposalRequest) }, answers: { 200: jsonContent(ZProposal, 'Forslaget med vedtaket') },
}), async (c) => c.json(await decideProposal(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

proposalRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/proposals/{id}/decision/preview', tags,
  summary: 'Hva fordelingen blir med denne modellen og disse kommunene (lagrer ingenting)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZPreviewSplitRequest) }, answers: { 200: jsonContent(ZSplitPreview, 'Fordelingen ved vedtaket') },
}), async (c) => c.json(await previewCostSplit(c.var.db, { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/proposals/{id}/cost-split', tags, summary: 'Kostnadsfordelingen ved vedtaket og etter hver inn- og utmelding',
  access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZCostSplit, 'Fordelingen med historikk') },
}), async (c) => c.json(await getCostSplit(c.var.db, c.req.valid('param')), 200));

proposalRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/proposals/{id}/cost-events', tags, summary: 'En kommune blir med (betaler inngangsbeløp) eller går ut',
  access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZCostEventRequest) }, answers: { 201: jsonContent(ZCostSplit, 'Fordelingen med historikk') },
}), async (c) => c.json(await addCostEvent(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json') }), 201));

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/cases/{id}/proposal', tags, summary: 'Forslaget en sak i et organ behandler (lenken tilbake fra saken)',
  access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZCaseProposalLink, 'Forslaget') },
}), async (c) => c.json(await caseProposal(c.var.db, { caseId: c.req.valid('param').id }), 200));

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/meetings/{id}/proposals', tags,
  summary: 'Forslagene sakene på et møte behandler, alle på én gang (møtesidens lenker tilbake)', access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZMeetingProposalLinks, 'Lenkene, i sakslistens rekkefølge') },
}), async (c) => c.json(await meetingProposals(c.var.db, { meetingId: c.req.valid('param').id }), 200));

proposalRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/populations/{year}', tags, summary: 'Innbyggertall (SSB) per medlemskommune for året', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZPopulations, 'Innbyggertallene') },
}), async (c) => c.json(await getPopulations(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year }), 200));

proposalRoutes.openapi(route({
  method: 'put', path: '/api/portfolio/populations/{year}', tags, summary: 'Sett innbyggertall (SSB) for året', access: [editors, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZSetPopulationsRequest) }, answers: { 200: jsonContent(ZPopulations, 'Innbyggertallene') },
}), async (c) => c.json(await setPopulations(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json'),
}), 200));
