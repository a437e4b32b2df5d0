// HTTP for search across cases and decisions. Signed-in staff and council search everything; other
// signed-in users and GET /api/public/search (routes/public.ts) search the public text only.
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { createRouter, errorResponses, jsonContent } from '../../../server/openapi.js';
import { ZSearchQuery, ZSearchResult } from '../model.js';
import { searchCases } from '../search.service.js';

const tags = ['Søk'];


export const searchRoutes = createRouter();

searchRoutes.openapi(createRoute({
  method: 'get', path: '/api/search', tags, summary: 'Søk i saker og vedtak (fulltekst, norsk)',
  middleware: [requireUser] as const,
  request: { query: ZSearchQuery },
  responses: { 200: jsonContent(ZSearchResult, 'Treffene, best først'), ...errorResponses },
}), async (c) => c.json({ hits: await searchCases(c.var.db, currentUser(c), c.req.valid('query')) }, 200));
