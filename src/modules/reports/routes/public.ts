// The public's reports: approved and published only, an exempt section reduced to its number and legal
// basis (policy.ts). Anyone may read these, signed in or not.
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { ZReport, ZReportData, ZReportList } from '../model.js';
import { getReport, listReports } from '../reports.service.js';
import { renderReportData } from '../rendering.service.js';
import { reportDocxFile, reportPdf } from '../documents.service.js';
import { DOCX, fileResponse, PDF, sendReportFile } from './report-files.js';

const tags = ['Offentlig'];

export const publicReportRoutes = createRouter();

publicReportRoutes.openapi(route({
  method: 'get', path: '/api/public/reports', tags, summary: 'Publiserte rapporter', access: [cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportList, 'Rapportene') },
}), async (c) => c.json({ reports: await listReports(c.var.db, null, { cooperationId: c.var.cooperationId }) }, 200));

publicReportRoutes.openapi(route({
  method: 'get', path: '/api/public/reports/{id}', tags, summary: 'Én publisert rapport (unntatte seksjoner utelatt)', access: [cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await getReport(c.var.db, null, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

publicReportRoutes.openapi(route({
  method: 'get', path: '/api/public/reports/{id}/data', tags, summary: 'Datablokkene i en publisert rapport', access: [cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportData, 'Blokkene') },
}), async (c) => c.json({ blocks: await renderReportData(c.var.db, null, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }) }, 200));

publicReportRoutes.openapi(route({
  method: 'get', path: '/api/public/reports/{id}/report.pdf', tags, summary: 'Offentlig versjon av rapporten som PDF', access: [cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: fileResponse(PDF),
}), async (c) => sendReportFile(c, await reportPdf(c.var.db, c.var.files, null, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), PDF));

publicReportRoutes.openapi(route({
  method: 'get', path: '/api/public/reports/{id}/report.docx', tags, summary: 'Offentlig versjon av rapporten som Word-dokument', access: [cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: fileResponse(DOCX),
}), async (c) => sendReportFile(c, await reportDocxFile(c.var.db, c.var.files, null, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), DOCX));
