// HTTP for the audit log: admins read who changed what, when, with before and after, filtered.
import { z } from '@hono/zod-openapi';
import { requireRole } from '../../server/auth/middleware.js';
import { createRouter, jsonContent, route } from '../../server/openapi.js';
import { osloDayEdge } from '../../lib/oslo-time.js';
import { listAudit } from './service.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type TAuditAction, type TAuditEntity } from './vocabulary.js';

// A bare date means the whole day in Norway: from its first moment, to its last.
const ZInstant = (edge: 'start' | 'end') => z.string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(new Date(s).getTime()), 'Oppgi dato (ÅÅÅÅ-MM-DD) eller tidspunkt (ISO 8601)')
  .transform((s) => (s.length === 10 ? osloDayEdge(s, edge) : new Date(s)));

export const ZAuditQuery = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional().openapi({ param: { name: 'entity', in: 'query' }, example: 'meeting' }),
  entityId: z.string().max(100).optional().openapi({ param: { name: 'entityId', in: 'query' } }),
  actor: z.string().uuid('Ugyldig bruker-id').optional().openapi({ param: { name: 'actor', in: 'query' } }),
  from: ZInstant('start').optional().openapi({ param: { name: 'from', in: 'query' }, type: 'string', example: '2024-01-01' }),
  to: ZInstant('end').optional().openapi({ param: { name: 'to', in: 'query' }, type: 'string', example: '2024-12-31' }),
  limit: z.coerce.number().int().min(1, 'Minst 1').max(1000, 'Høyst 1000').optional().openapi({ param: { name: 'limit', in: 'query' } }),
}).refine((q) => !(q.from && q.to && q.from > q.to), { path: ['to'], message: 'Til kan ikke være før fra' });

const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
}).openapi('AuditEntry');

export const auditRoutes = createRouter();

auditRoutes.openapi(route({
  method: 'get', path: '/api/audit', tags: ['Revisjonslogg'], summary: 'Revisjonslogg, nyeste først, filtrert', access: [requireRole()],
  request: { query: ZAuditQuery }, answers: { 200: jsonContent(z.object({ entries: z.array(ZAuditEntry) }), 'Oppføringene') },
}), async (c) => {
  const q = c.req.valid('query');
  const rows = await listAudit(c.var.db, {
    entity: q.entity, entityId: q.entityId, actorUserId: q.actor, from: q.from, to: q.to, limit: q.limit,
  });
  // Only recordAudit writes the log, with vocabulary.ts's kinds.
  return c.json({ entries: rows.map((r) => ({ ...r, action: r.action as TAuditAction, entity: r.entity as TAuditEntity, at: r.at.toISOString() })) }, 200);
});
