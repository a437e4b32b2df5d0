// HTTP for the cooperation's departments and their staffing on a day. Admins keep them; staff and
// council read the staffing.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { getCooperation } from '../cooperations.service.js';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from '../departments.service.js';
import {
  ZCreateDepartmentRequest, ZDepartment, ZDepartmentsQuery, ZStaffing, ZStaffingQuery, ZUpdateDepartmentRequest,
} from '../model.js';
import { staffingOn } from '../staffing.service.js';
import { STAFFING_READERS } from '../policy.js';
import { rowRoutes, tags, ZCooperationIdParam } from './shared.js';

export const departmentRoutes = createRouter();

departmentRoutes.openapi(route({
  method: 'get', path: '/api/departments', tags, summary: 'Samarbeidets avdelinger', access: [requireUser],
  request: { query: ZDepartmentsQuery }, answers: { 200: jsonContent(z.object({ departments: z.array(ZDepartment) }), 'Avdelingene') },
}), async (c) => c.json({ departments: await listDepartments(c.var.db, c.req.valid('query')) }, 200));

departmentRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{cooperationId}/staffing', tags,
  summary: 'Bemanning på en dag (i dag uten on): ansatte og stillingsprosent per avdeling, og arbeidsgiveren',
  access: [requireRole(...STAFFING_READERS)],
  request: { params: ZCooperationIdParam, query: ZStaffingQuery }, answers: { 200: jsonContent(ZStaffing, 'Bemanningen') },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  await getCooperation(c.var.db, cooperationId);
  return c.json(await staffingOn(c.var.db, { cooperationId, on: c.req.valid('query').on }), 200);
});

departmentRoutes.openapi(route({
  method: 'post', path: '/api/departments', tags, summary: 'Opprett avdeling', access: [requireRole()],
  request: jsonBody(ZCreateDepartmentRequest), answers: { 201: jsonContent(ZDepartment, 'Opprettet') },
}), async (c) => c.json(await createDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

rowRoutes(departmentRoutes, '/api/departments/{id}', ZDepartment, {
  edit: { summary: 'Endre avdeling: navn, eller siste dag (validTo) for å avslutte den', access: [requireRole()], body: ZUpdateDepartmentRequest, run: updateDepartment },
  remove: { summary: 'Slett avdeling (bare uten stillinger; ellers avslutt den med validTo)', access: [requireRole()], run: deleteDepartment },
});
