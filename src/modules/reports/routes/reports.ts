// HTTP for reports: list and read (what the reader's role allows, policy.ts), create from the previous
// report of the kind, the header, a section's narrative and owners, and the steps of the workflow.
import { archiveApprovedReport, reportDocxFile, reportPdf } from '../documents.service.js';
import { DOCX, fileResponse, PDF, sendReportFile } from './report-files.js';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import {
  ZCreateReportRequest, ZReport, ZReportArchive, ZReportList, ZReportRevisionRequest, ZReportsQuery, ZUpdateReportRequest, ZUpdateSectionRequest,
} from '../model.js';
import { REPORT_READERS, REPORT_WRITERS } from '../policy.js';
import { createReport, getReport, listReports, updateReport } from '../reports.service.js';
import { updateSection } from '../sections.service.js';
import { approveReport, reopenReport, submitReport } from '../workflow.service.js';
import { freezeReportBlocks } from '../blocks.service.js';

const tags = ['Rapporter'];
const writers = requireRole(...REPORT_WRITERS);
const readers = requireRole(...REPORT_READERS);

export const reportRoutes = createRouter();

reportRoutes.openapi(route({
  method: 'get', path: '/api/reports', tags, summary: 'Rapporter (ansatte: alle; rådet: godkjente)', access: [readers, cooperationScope],
  request: { query: ZReportsQuery }, answers: { 200: jsonContent(ZReportList, 'Rapportene') },
}), async (c) => c.json({
  reports: await listReports(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, kind: c.req.valid('query').kind }),
}, 200));

reportRoutes.openapi(route({
  method: 'post', path: '/api/reports', tags, summary: 'Ny rapport, videreført fra forrige rapport av samme type',
  access: [writers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateReportRequest) }, answers: { 201: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await createReport(c.var.db, currentUser(c), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

reportRoutes.openapi(route({
  method: 'get', path: '/api/reports/{id}', tags, summary: 'Én rapport med seksjoner', access: [readers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await getReport(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

reportRoutes.openapi(route({
  method: 'patch', path: '/api/reports/{id}', tags, summary: 'Endre rapportens topptekst eller publisering (lederen; 409 hvis utdatert)',
  access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateReportRequest) }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await updateReport(c.var.db, currentUser(c), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 200));

reportRoutes.openapi(route({
  method: 'patch', path: '/api/report-sections/{id}', tags, summary: 'Endre en seksjon (eierne og lederen; 409 med lagret tekst hvis utdatert)',
  access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateSectionRequest) }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await updateSection(c.var.db, currentUser(c), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 200));

const transition = (path: string, summary: string) => route({
  method: 'post', path, tags, summary, access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZReportRevisionRequest) }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
});

reportRoutes.openapi(transition('/api/reports/{id}/submit', 'Send rapporten til gjennomsyn'), async (c) =>
  c.json(await submitReport(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));

// Approval commits first (blocks frozen in its transaction); the PDF/A is set afterwards, outside it, and
// attached to the meeting's report case. If that fails, POST …/archive does it again.
reportRoutes.openapi(transition('/api/reports/{id}/approve', 'Godkjenn rapporten (fryser datablokkene, arkiverer PDF/A og legger den ved møtesaken)'), async (c) => {
  const user = currentUser(c);
  const ids = { id: c.req.valid('param').id, cooperationId: c.var.cooperationId };
  await approveReport(c.var.db, user, { ...ids, ...c.req.valid('json') }, { freeze: freezeReportBlocks });
  await archiveApprovedReport(c.var.db, c.var.files, user, ids);
  return c.json(await getReport(c.var.db, user, ids), 200);
});

reportRoutes.openapi(route({
  method: 'post', path: '/api/reports/{id}/archive', tags, summary: 'Arkiver en godkjent rapport som PDF/A og legg den ved møtesaken (om igjen)',
  access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportArchive, 'Arkivet') },
}), async (c) => c.json(await archiveApprovedReport(c.var.db, c.var.files, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

reportRoutes.openapi(route({
  method: 'get', path: '/api/reports/{id}/report.pdf', tags, summary: 'Rapporten som PDF (godkjent: arkivkopien)', access: [readers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: fileResponse(PDF),
}), async (c) => sendReportFile(c, await reportPdf(c.var.db, c.var.files, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), PDF));

reportRoutes.openapi(route({
  method: 'get', path: '/api/reports/{id}/report.docx', tags, summary: 'Rapporten som Word-dokument', access: [readers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: fileResponse(DOCX),
}), async (c) => sendReportFile(c, await reportDocxFile(c.var.db, c.var.files, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), DOCX));

reportRoutes.openapi(transition('/api/reports/{id}/reopen', 'Gjenåpne en godkjent rapport som ny versjon'), async (c) =>
  c.json(await reopenReport(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));
