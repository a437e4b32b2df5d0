// HTTP for the list of legal bases a case can be exempted under, each with its rendered citation.
import { z } from '@hono/zod-openapi';
import { requireUser } from '../../../server/auth/middleware.js';
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { listLegalBases } from '../reference-data.js';
import { ZLegalBasesQuery, ZLegalBasis } from '../model.js';

const tags = ['Saker'];

export const legalBasisRoutes = createRouter();

legalBasisRoutes.openapi(route({
  method: 'get', path: '/api/legal-bases', tags, summary: 'Hjemler for unntak fra offentlighet', access: [requireUser],
  request: { query: ZLegalBasesQuery }, answers: { 200: jsonContent(z.object({ legalBases: z.array(ZLegalBasis) }), 'Hjemlene') },
}), async (c) => c.json({ legalBases: await listLegalBases(c.var.db, { includeInactive: c.req.valid('query').all === 'true' }) }, 200));
