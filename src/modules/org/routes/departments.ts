// HTTP for the cooperation's departments and their staffing. Admins keep them; staff and council read
// the staffing.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { getCooperation } from '../cooperations.service.js';
import { createDepartment, deleteDepartment, listDepartments, listStaffingByDepartment, updateDepartment } from '../departments.service.js';
import {
  ZCreateDepartmentRequest, ZDepartment, ZDepartmentStaffing, ZDepartmentsQuery, ZUpdateDepartmentRequest,
} from '../model.js';
import { STAFFING_READERS } from '../policy.js';
import { deleted, tags, ZCooperationIdParam } from './shared.js';

export const departmentRoutes = createRouter();

departmentRoutes.openapi(route({
  method: 'get', path: '/api/departments', tags, summary: 'Samarbeidets avdelinger', access: [requireUser],
  request: { query: ZDepartmentsQuery }, answers: { 200: jsonContent(z.object({ departments: z.array(ZDepartment) }), 'Avdelingene') },
}), async (c) => c.json({ departments: await listDepartments(c.var.db, c.req.valid('query')) }, 200));

departmentRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{cooperationId}/staffing', tags, summary: 'Ansatte og stillingsprosent per avdeling',
  access: [requireRole(...STAFFING_READERS)],
  request: { params: ZCooperationIdParam }, answers: { 200: jsonContent(z.object({ departments: z.array(ZDepartmentStaffing) }), 'Bemanningen') },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  await getCooperation(c.var.db, cooperationId);
  return c.json({ departments: await listStaffingByDepartment(c.var.db, cooperationId) }, 200);
});

departmentRoutes.openapi(route({
  method: 'post', path: '/api/departments', tags, summary: 'Opprett avdeling', access: [requireRole()],
  request: jsonBody(ZCreateDepartmentRequest), answers: { 201: jsonContent(ZDepartment, 'Opprettet') },
}), async (c) => c.json(await createDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

departmentRoutes.openapi(route({
  method: 'patch', path: '/api/departments/{id}', tags, summary: 'Endre avdeling', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZUpdateDepartmentRequest) }, answers: { 200: jsonContent(ZDepartment, 'Endret') },
}), async (c) => c.json(await updateDepartment(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

departmentRoutes.openapi(route({
  method: 'delete', path: '/api/departments/{id}', tags, summary: 'Slett avdeling (bare uten ansatte)', access: [requireRole()],
  request: { params: ZIdParam }, answers: deleted,
}), async (c) => {
  await deleteDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
