// HTTP for the organisation: the cooperation, municipalities and memberships, people, bodies and their
// members, user accounts. Admins keep the organisation; staff also keep people and body members;
// everyone signed in reads; the public reads the cooperation's name, members and bodies.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../server/auth/middleware.js';
import { assertPasswordAcceptable } from '../../server/auth/password.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { createRouter, errorResponses, jsonContent, ZId, ZIdParam } from '../../server/openapi.js';
import {
  ZBodiesQuery, ZBody, ZBodyMember, ZBodyMembersQuery, ZCooperation, ZCreateBodyMemberRequest, ZCreateBodyRequest,
  ZCreateDepartmentRequest, ZDepartment, ZDepartmentsQuery, ZDepartmentStaffing, ZUpdateDepartmentRequest,
  ZCreateCooperationRequest, ZCreateMembershipRequest, ZCreateMunicipalityRequest, ZCreatePersonRequest,
  ZCreateUserRequest, ZInstance, ZMember, ZMembership, ZMembersQuery, ZMunicipality, ZPerson, ZPublicCooperation,
  ZResetPasswordRequest, ZUpdateBodyMemberRequest, ZUpdateBodyRequest, ZUpdateCooperationRequest,
  ZUpdateMembershipRequest, ZUpdateMunicipalityRequest, ZUpdatePersonRequest, ZUpdateUserRequest, ZUser,
} from './model.js';
import * as org from './service.js';

const tags = ['Organisasjon'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const deleted = { 204: { description: 'Slettet' }, ...errorResponses };
const ZCooperationIdParam = z.object({ cooperationId: ZId.openapi({ param: { name: 'cooperationId', in: 'path' } }) });

/** Today in Norway, as an ISO date: membership and body seats change at midnight Oslo time. */
const todayInOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

// E-mail addresses are for the people who send notices and keep the register, not for every reader.
const seesEmail = (user: SessionUser) => user.role === 'admin' || user.role === 'staff';

const cooperationJson = (c: Awaited<ReturnType<typeof org.getCooperation>>) => ({ ...c, createdAt: c.createdAt.toISOString() });
const userJson = (u: ReturnType<typeof org.publicUser>) => ({ ...u, createdAt: u.createdAt.toISOString() });
/** A person as the reader may see them: e-mail for admin and staff, staffing (department, FTE) not for municipality users. */
function withoutEmail<T extends { email: string | null }>(row: T, user: SessionUser) {
  const { email, ...rest } = row;
  const visible = seesEmail(user) ? { ...rest, email } : rest;
  if (user.role === 'municipality' && 'departmentId' in visible) {
    return { ...visible, departmentId: null, positionPercent: null };
  }
  return visible;
}

export const orgRoutes = createRouter();

// ---- public ------------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/public/cooperation', tags, summary: 'Samarbeidet, medlemskommuner og organer (offentlig)',
  responses: { 200: jsonContent(ZPublicCooperation, 'Samarbeidet'), ...errorResponses },
}), async (c) => c.json(await org.getPublicCooperation(c.var.db, todayInOslo()), 200));

// Asked by every page's frame, signed in or not: one indexed lookup.
orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/instance', tags, summary: 'Om installasjonen: om den har demokontoer (offentlig)',
  responses: { 200: jsonContent(ZInstance, 'Installasjonen'), ...errorResponses },
}), async (c) => c.json({ demo: await org.hasDemoAccounts(c.var.db) }, 200));

// ---- cooperation -------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations', tags, summary: 'Samarbeid',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(z.object({ cooperations: z.array(ZCooperation) }), 'Samarbeidene'), ...errorResponses },
}), async (c) => c.json({ cooperations: (await org.listCooperations(c.var.db)).map(cooperationJson) }, 200));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperation', tags, summary: 'Installasjonens samarbeid (404 før det er satt opp)',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(ZCooperation, 'Samarbeidet'), ...errorResponses },
}), async (c) => c.json(cooperationJson(await org.requireInstallCooperation(c.var.db)), 200));

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/cooperations', tags, summary: 'Opprett installasjonens samarbeid (409 når det finnes)',
  middleware: [requireRole()] as const,
  request: body(ZCreateCooperationRequest),
  responses: { 201: jsonContent(ZCooperation, 'Opprettet'), ...errorResponses },
}), async (c) => {
  const row = await org.createInstallCooperation(c.var.db, actorOf(currentUser(c)), c.req.valid('json'));
  return c.json(cooperationJson(row), 201);
});

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations/{id}', tags, summary: 'Ett samarbeid',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZCooperation, 'Samarbeidet'), ...errorResponses },
}), async (c) => c.json(cooperationJson(await org.getCooperation(c.var.db, c.req.valid('param').id)), 200));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/cooperations/{id}', tags, summary: 'Endre samarbeid',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateCooperationRequest) },
  responses: { 200: jsonContent(ZCooperation, 'Endret'), ...errorResponses },
}), async (c) => {
  const row = await org.updateCooperation(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(cooperationJson(row), 200);
});

// ---- memberships -------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations/{cooperationId}/memberships', tags, summary: 'Medlemskap med perioder',
  middleware: [requireUser] as const,
  request: { params: ZCooperationIdParam },
  responses: { 200: jsonContent(z.object({ memberships: z.array(ZMembership) }), 'Medlemskapene'), ...errorResponses },
}), async (c) => c.json({ memberships: await org.listMemberships(c.var.db, c.req.valid('param').cooperationId) }, 200));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations/{cooperationId}/members', tags,
  summary: 'Medlemskommuner et år (year) eller en dag (on); uten begge: i dag',
  middleware: [requireUser] as const,
  request: { params: ZCooperationIdParam, query: ZMembersQuery },
  responses: { 200: jsonContent(z.object({ members: z.array(ZMember) }), 'Medlemmene'), ...errorResponses },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  const { year, on } = c.req.valid('query');
  await org.getCooperation(c.var.db, cooperationId);
  const members = year
    ? await org.listMembersInYear(c.var.db, cooperationId, year)
    : await org.listMembersOn(c.var.db, cooperationId, on ?? todayInOslo());
  return c.json({ members }, 200);
});

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/cooperations/{cooperationId}/memberships', tags, summary: 'Meld inn en kommune for en periode',
  middleware: [requireRole()] as const,
  request: { params: ZCooperationIdParam, ...body(ZCreateMembershipRequest) },
  responses: { 201: jsonContent(ZMembership, 'Opprettet'), ...errorResponses },
}), async (c) => {
  const row = await org.createMembership(c.var.db, actorOf(currentUser(c)), { cooperationId: c.req.valid('param').cooperationId, ...c.req.valid('json') });
  return c.json(row, 201);
});

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/memberships/{id}', tags, summary: 'Endre en medlemskapsperiode',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateMembershipRequest) },
  responses: { 200: jsonContent(ZMembership, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updateMembership(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/memberships/{id}', tags, summary: 'Slett en medlemskapsperiode',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deleteMembership(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- municipalities ----------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/municipalities', tags, summary: 'Kommuner',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(z.object({ municipalities: z.array(ZMunicipality) }), 'Kommunene'), ...errorResponses },
}), async (c) => c.json({ municipalities: await org.listMunicipalities(c.var.db) }, 200));

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/municipalities', tags, summary: 'Opprett kommune',
  middleware: [requireRole()] as const,
  request: body(ZCreateMunicipalityRequest),
  responses: { 201: jsonContent(ZMunicipality, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await org.createMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/municipalities/{id}', tags, summary: 'Én kommune',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZMunicipality, 'Kommunen'), ...errorResponses },
}), async (c) => c.json(await org.getMunicipality(c.var.db, c.req.valid('param').id), 200));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/municipalities/{id}', tags, summary: 'Endre kommune',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateMunicipalityRequest) },
  responses: { 200: jsonContent(ZMunicipality, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updateMunicipality(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/municipalities/{id}', tags, summary: 'Slett kommune (bare når ingenting peker på den)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deleteMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- departments -------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/departments', tags, summary: 'Samarbeidets avdelinger',
  middleware: [requireUser] as const,
  request: { query: ZDepartmentsQuery },
  responses: { 200: jsonContent(z.object({ departments: z.array(ZDepartment) }), 'Avdelingene'), ...errorResponses },
}), async (c) => c.json({ departments: await org.listDepartments(c.var.db, c.req.valid('query')) }, 200));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations/{cooperationId}/staffing', tags, summary: 'Ansatte og stillingsprosent per avdeling',
  middleware: [requireRole('staff', 'council')] as const,
  request: { params: ZCooperationIdParam },
  responses: { 200: jsonContent(z.object({ departments: z.array(ZDepartmentStaffing) }), 'Bemanningen'), ...errorResponses },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  await org.getCooperation(c.var.db, cooperationId);
  return c.json({ departments: await org.listStaffingByDepartment(c.var.db, cooperationId) }, 200);
});

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/departments', tags, summary: 'Opprett avdeling',
  middleware: [requireRole()] as const,
  request: body(ZCreateDepartmentRequest),
  responses: { 201: jsonContent(ZDepartment, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await org.createDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/departments/{id}', tags, summary: 'Endre avdeling',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateDepartmentRequest) },
  responses: { 200: jsonContent(ZDepartment, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updateDepartment(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/departments/{id}', tags, summary: 'Slett avdeling (bare uten ansatte)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deleteDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- people ------------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/people', tags, summary: 'Personer (e-post bare for admin og ansatte)',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(z.object({ people: z.array(ZPerson) }), 'Personene'), ...errorResponses },
}), async (c) => {
  const user = currentUser(c);
  return c.json({ people: (await org.listPeople(c.var.db)).map((p) => withoutEmail(p, user)) }, 200);
});

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/people', tags, summary: 'Opprett person',
  middleware: [requireRole('staff')] as const,
  request: body(ZCreatePersonRequest),
  responses: { 201: jsonContent(ZPerson, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await org.createPerson(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/people/{id}', tags, summary: 'Én person',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZPerson, 'Personen'), ...errorResponses },
}), async (c) => c.json(withoutEmail(await org.getPerson(c.var.db, c.req.valid('param').id), currentUser(c)), 200));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/people/{id}', tags, summary: 'Endre person',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZUpdatePersonRequest) },
  responses: { 200: jsonContent(ZPerson, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updatePerson(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/people/{id}', tags, summary: 'Slett person (bare når ingenting peker på den)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deletePerson(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- bodies ------------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies', tags, summary: 'Organer, valgfritt for ett samarbeid eller bare aktive',
  middleware: [requireUser] as const,
  request: { query: ZBodiesQuery },
  responses: { 200: jsonContent(z.object({ bodies: z.array(ZBody) }), 'Organene'), ...errorResponses },
}), async (c) => c.json({ bodies: await org.listBodies(c.var.db, c.req.valid('query')) }, 200));

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/bodies', tags, summary: 'Opprett organ',
  middleware: [requireRole()] as const,
  request: body(ZCreateBodyRequest),
  responses: { 201: jsonContent(ZBody, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await org.createBody(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies/{id}', tags, summary: 'Ett organ',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZBody, 'Organet'), ...errorResponses },
}), async (c) => c.json(await org.getBody(c.var.db, c.req.valid('param').id), 200));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/bodies/{id}', tags, summary: 'Endre organ',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateBodyRequest) },
  responses: { 200: jsonContent(ZBody, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updateBody(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/bodies/{id}', tags, summary: 'Slett organ (bare uten medlemmer og møter)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deleteBody(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- body members ------------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies/{id}/members', tags, summary: 'Organets medlemmer; med on=dato bare de som satt den dagen',
  middleware: [requireUser] as const,
  request: { params: ZIdParam, query: ZBodyMembersQuery },
  responses: { 200: jsonContent(z.object({ members: z.array(ZBodyMember) }), 'Medlemmene'), ...errorResponses },
}), async (c) => {
  const user = currentUser(c);
  const members = await org.listBodyMembers(c.var.db, { bodyId: c.req.valid('param').id, on: c.req.valid('query').on });
  return c.json({ members: members.map((m) => withoutEmail(m, user)) }, 200);
});

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/bodies/{id}/members', tags, summary: 'Legg til medlem i organ',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZCreateBodyMemberRequest) },
  responses: { 201: jsonContent(ZBodyMember, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await org.createBodyMember(c.var.db, actorOf(currentUser(c)), { bodyId: c.req.valid('param').id, ...c.req.valid('json') }), 201));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/body-members/{id}', tags, summary: 'Endre organmedlem (rolle, kommune, periode)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZUpdateBodyMemberRequest) },
  responses: { 200: jsonContent(ZBodyMember, 'Endret'), ...errorResponses },
}), async (c) => c.json(await org.updateBodyMember(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

orgRoutes.openapi(createRoute({
  method: 'delete', path: '/api/body-members/{id}', tags, summary: 'Fjern organmedlem',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await org.deleteBodyMember(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});

// ---- users (admin only) ------------------------------------------------------------------------

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/users', tags, summary: 'Brukerkontoer',
  middleware: [requireRole()] as const,
  responses: { 200: jsonContent(z.object({ users: z.array(ZUser) }), 'Brukerne'), ...errorResponses },
}), async (c) => c.json({ users: (await org.listUsers(c.var.db)).map(userJson) }, 200));

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/users', tags, summary: 'Opprett brukerkonto',
  middleware: [requireRole()] as const,
  request: body(ZCreateUserRequest),
  responses: { 201: jsonContent(ZUser, 'Opprettet'), ...errorResponses },
}), async (c) => {
  const request = c.req.valid('json');
  if (request.password) await assertPasswordAcceptable({ password: request.password, field: 'password', email: request.email, name: request.name });
  return c.json(userJson(await org.createUser(c.var.db, actorOf(currentUser(c)), request)), 201);
});

orgRoutes.openapi(createRoute({
  method: 'get', path: '/api/users/{id}', tags, summary: 'Én brukerkonto',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZUser, 'Brukeren'), ...errorResponses },
}), async (c) => c.json(userJson(await org.getPublicUser(c.var.db, c.req.valid('param').id)), 200));

orgRoutes.openapi(createRoute({
  method: 'patch', path: '/api/users/{id}', tags, summary: 'Endre rolle, navn, kommune eller deaktiver',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZUpdateUserRequest) },
  responses: { 200: jsonContent(ZUser, 'Endret'), ...errorResponses },
}), async (c) => c.json(userJson(await org.updateUser(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') })), 200));

orgRoutes.openapi(createRoute({
  method: 'post', path: '/api/users/{id}/password', tags, summary: 'Sett nytt passord (avslutter brukerens økter)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...body(ZResetPasswordRequest) },
  responses: { 204: { description: 'Passord satt' }, ...errorResponses },
}), async (c) => {
  const { id } = c.req.valid('param');
  const { password } = c.req.valid('json');
  const user = await org.getUser(c.var.db, id);
  if (user) await assertPasswordAcceptable({ password, field: 'password', email: user.email, name: user.name, currentPasswordHash: user.passwordHash });
  await org.resetUserPassword(c.var.db, actorOf(currentUser(c)), { id, password });
  return c.body(null, 204);
});
