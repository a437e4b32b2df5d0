// HTTP for the investment projects' figures (from the economy module). The council and staff read
// them, as they read the economy report.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { osloToday } from '../../../lib/oslo-time.js';
import { getInvestmentStatus } from '../investments.service.js';
import { ZInvestmentStatus, ZInvestmentStatusQuery } from '../model.js';
import { FIGURE_READERS } from '../policy.js';

export const investmentRoutes = createRouter();

investmentRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/investments', tags: ['Portefølje'],
  summary: 'Investeringsprosjektene med regnskap, årsbudsjett, avvik og prognose fra økonomimodulen', access: [requireRole(...FIGURE_READERS), cooperationScope],
  request: { query: ZInvestmentStatusQuery }, answers: { 200: jsonContent(ZInvestmentStatus, 'Investeringsprosjektene') },
}), async (c) => c.json(await getInvestmentStatus(c.var.db, currentUser(c), {
  cooperationId: c.var.cooperationId, asOf: c.req.valid('query').asOf ?? osloToday(),
}), 200));
