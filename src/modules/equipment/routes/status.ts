// HTTP for the monthly PC status table and the year's totals. The cooperation's staff and the council
// read the whole table; a municipality user reads their own municipality's rows (policy.ts).
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { ZStatusTable, ZStatusTableQuery, ZYearTotals } from '../model.js';
import { requireMunicipalityInScope, STATUS_READERS } from '../policy.js';
import { computeStatusTable, defaultStatusDate } from '../status.service.js';
import { computeYearTotals } from '../stock.service.js';

export const tags = ['Utstyr'];
const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

export const equipmentStatusRoutes = createRouter();

equipmentStatusRoutes.openapi(route({
  method: 'get', path: '/api/equipment/status', tags,
  summary: 'Status for rullering av PC-er per dato: per kommune og kategori, PC-er pålogget i måneden (kommunebrukere ser egen kommune)',
  access: [requireRole(...STATUS_READERS), cooperationScope],
  request: { query: ZStatusTableQuery }, answers: { 200: jsonContent(ZStatusTable, 'Tabellen med sumrad') },
}), async (c) => {
  const query = c.req.valid('query');
  const municipalityId = requireMunicipalityInScope(currentUser(c), query.municipalityId);
  const asOf = query.asOf ?? await defaultStatusDate(c.var.db, { cooperationId: c.var.cooperationId, today: todayInOslo() });
  return c.json(await computeStatusTable(c.var.db, { cooperationId: c.var.cooperationId, asOf, municipalityId }), 200);
});

equipmentStatusRoutes.openapi(route({
  method: 'get', path: '/api/equipment/year-totals', tags, summary: 'Årets tall for årsrapporten: bestilt, levert, utlevert, på lager ved årets slutt, utrangert',
  access: [requireRole('staff', 'council'), cooperationScope],
  request: { query: ZCooperationQuery.extend({ year: z.coerce.number().int().min(2000, 'Fra år 2000').max(2100, 'Til år 2100') }) },
  answers: { 200: jsonContent(ZYearTotals, 'Tallene') },
}), async (c) => c.json(await computeYearTotals(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('query').year }), 200));
