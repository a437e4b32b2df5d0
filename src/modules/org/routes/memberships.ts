// HTTP for membership periods and the members in a year or on a day. Admins keep them; everyone signed
// in reads them.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { getCooperation } from '../cooperations.service.js';
import { createMembership, deleteMembership, listMembersInYear, listMembersOn, listMemberships, updateMembership } from '../memberships.service.js';
import { ZCreateMembershipRequest, ZMember, ZMembersQuery, ZMembership, ZUpdateMembershipRequest } from '../model.js';
import { osloToday } from '../../../lib/oslo-time.js';
import { rowRoutes, tags, ZCooperationIdParam } from './shared.js';

export const membershipRoutes = createRouter();

membershipRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{cooperationId}/memberships', tags, summary: 'Medlemskap med perioder', access: [requireUser],
  request: { params: ZCooperationIdParam }, answers: { 200: jsonContent(z.object({ memberships: z.array(ZMembership) }), 'Medlemskapene') },
}), async (c) => c.json({ memberships: await listMemberships(c.var.db, c.req.valid('param').cooperationId) }, 200));

membershipRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{cooperationId}/members', tags,
  summary: 'Medlemskommuner et år (year) eller en dag (on); uten begge: i dag', access: [requireUser],
  request: { params: ZCooperationIdParam, query: ZMembersQuery },
  answers: { 200: jsonContent(z.object({ members: z.array(ZMember) }), 'Medlemmene') },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  const { year, on } = c.req.valid('query');
  await getCooperation(c.var.db, cooperationId);
  const members = year
    ? await listMembersInYear(c.var.db, cooperationId, year)
    : await listMembersOn(c.var.db, cooperationId, on ?? osloToday());
  return c.json({ members }, 200);
});

membershipRoutes.openapi(route({
  method: 'post', path: '/api/cooperations/{cooperationId}/memberships', tags, summary: 'Meld inn en kommune for en periode', access: [requireRole()],
  request: { params: ZCooperationIdParam, ...jsonBody(ZCreateMembershipRequest) }, answers: { 201: jsonContent(ZMembership, 'Opprettet') },
}), async (c) => {
  const row = await createMembership(c.var.db, actorOf(currentUser(c)), { cooperationId: c.req.valid('param').cooperationId, ...c.req.valid('json') });
  return c.json(row, 201);
});

rowRoutes(membershipRoutes, '/api/memberships/{id}', ZMembership, {
  edit: { summary: 'Endre en medlemskapsperiode', access: [requireRole()], body: ZUpdateMembershipRequest, run: updateMembership },
  remove: { summary: 'Slett en medlemskapsperiode', access: [requireRole()], run: deleteMembership },
});
