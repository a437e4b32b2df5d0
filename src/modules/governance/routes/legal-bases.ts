// HTTP for the list of legal bases a case can be exempted under, each with its rendered citation.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../../server/auth/middleware.js';
import { createRouter, errorResponses, jsonContent } from '../../../server/openapi.js';
import { listLegalBases } from '../reference-data.js';
import { ZLegalBasesQuery, ZLegalBasis } from '../model.js';

const tags = ['Saker'];

export const legalBasisRoutes = createRouter();

legalBasisRoutes.openapi(createRoute({
  method: 'get', path: '/api/legal-bases', tags, summary: 'Hjemler for unntak fra offentlighet',
  middleware: [requireUser] as const,
  request: { query: ZLegalBasesQuery },
  responses: { 200: jsonContent(z.object({ legalBases: z.array(ZLegalBasis) }), 'Hjemlene'), ...errorResponses },
}), async (c) => c.json({ legalBases: await listLegalBases(c.var.db, { includeInactive: c.req.valid('query').all === 'true' }) }, 200));
