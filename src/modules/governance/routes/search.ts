// HTTP for search across cases and decisions. Signed-in staff and council search everything; other
// signed-in users and GET /api/public/search (routes/public.ts) search the public text only.
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { ZSearchQuery, ZSearchResult } from '../model.js';
import { searchCases } from '../search.service.js';

const tags = ['Søk'];


export const searchRoutes = createRouter();

searchRoutes.openapi(route({
  method: 'get', path: '/api/search', tags, summary: 'Søk i saker og vedtak (fulltekst, norsk)', access: [requireUser],
  request: { query: ZSearchQuery }, answers: { 200: jsonContent(ZSearchResult, 'Treffene, best først') },
}), async (c) => c.json({ hits: await searchCases(c.var.db, currentUser(c), c.req.valid('query')) }, 200));
