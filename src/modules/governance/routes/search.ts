// HTTP for search across cases and decisions. Signed-in staff and council search everything; other
// signed-in users and GET /api/public/search (routes/public.ts) search the public text only.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { createRouter, errorResponses, jsonContent, ZId } from '../../../server/openapi.js';
import { ZCaseAccess, ZCaseType } from '../model.js';
import { searchCases } from '../search.service.js';

const tags = ['Søk'];

export const ZSearchQuery = z.object({
  q: z.string().trim().max(200, 'Søket er for langt').optional(),
  body: ZId.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  type: ZCaseType.optional(),
  /** Cases presented by someone from the municipality, or treated in a meeting its representative attended. */
  municipality: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZSearchResult = z.object({
  hits: z.array(z.object({
    caseId: z.string().uuid().nullable(),
    number: z.string(),
    title: z.string(),
    access: ZCaseAccess,
    caseType: ZCaseType.nullable(),
    meeting: z.object({ id: z.string().uuid(), bodyName: z.string(), year: z.number().int(), numberLabel: z.string(), date: z.string() }).nullable(),
    snippet: z.string().openapi({ description: 'Utdrag der treffene står mellom « og »' }),
    rank: z.number(),
  })),
}).openapi('SearchResult');

export const searchOptions = (q: TSearchQuery) => ({
  q: q.q, bodyId: q.body, year: q.year, type: q.type, municipalityId: q.municipality, limit: q.limit, offset: q.offset,
});

export const searchRoutes = createRouter();

searchRoutes.openapi(createRoute({
  method: 'get', path: '/api/search', tags, summary: 'Søk i saker og vedtak (fulltekst, norsk)',
  middleware: [requireUser] as const,
  request: { query: ZSearchQuery },
  responses: { 200: jsonContent(ZSearchResult, 'Treffene, best først'), ...errorResponses },
}), async (c) => c.json({ hits: await searchCases(c.var.db, currentUser(c), searchOptions(c.req.valid('query'))) }, 200));
