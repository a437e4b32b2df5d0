// HTTP for the cooperation's departments and their staffing. Admins keep them; staff and council read
// the staffing.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { getCooperation } from '../cooperations.service.js';
import { createDepartment, deleteDepartment, listDepartments, listStaffingByDepartment, updateDepartment } from '../departments.service.js';
import {
  ZCreateDepartmentRequest, ZDepartment, ZDepartmentStaffing, ZDepartmentsQuery, ZUpdateDepartmentRequest,
} from '../model.js';
import { STAFFING_READERS } from '../policy.js';
import { deleted, tags, ZCooperationIdParam } from './shared.js';

export const departmentRoutes = createRouter();

departmentRoutes.openapi(createRoute({
  method: 'get', path: '/api/departments', tags, summary: 'Samarbeidets avdelinger',
  middleware: [requireUser] as const,
  request: { query: ZDepartmentsQuery },
  responses: { 200: jsonContent(z.object({ departments: z.array(ZDepartment) }), 'Avdelingene'), ...errorResponses },
}), async (c) => c.json({ departments: await listDepartments(c.var.db, c.req.valid('query')) }, 200));

departmentRoutes.openapi(createRoute({
  method: 'get', path: '/api/cooperations/{cooperationId}/staffing', tags, summary: 'Ansatte og stillingsprosent per avdeling',
  middleware: [requireRole(...STAFFING_READERS)] as const,
  request: { params: ZCooperationIdParam },
  responses: { 200: jsonContent(z.object({ departments: z.array(ZDepartmentStaffing) }), 'Bemanningen'), ...errorResponses },
}), async (c) => {
  const { cooperationId } = c.req.valid('param');
  await getCooperation(c.var.db, cooperationId);
  return c.json({ departments: await listStaffingByDepartment(c.var.db, cooperationId) }, 200);
});

departmentRoutes.openapi(createRoute({
  method: 'post', path: '/api/departments', tags, summary: 'Opprett avdeling',
  middleware: [requireRole()] as const,
  request: jsonBody(ZCreateDepartmentRequest),
  responses: { 201: jsonContent(ZDepartment, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await createDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

departmentRoutes.openapi(createRoute({
  method: 'patch', path: '/api/departments/{id}', tags, summary: 'Endre avdeling',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...jsonBody(ZUpdateDepartmentRequest) },
  responses: { 200: jsonContent(ZDepartment, 'Endret'), ...errorResponses },
}), async (c) => c.json(await updateDepartment(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

departmentRoutes.openapi(createRoute({
  method: 'delete', path: '/api/departments/{id}', tags, summary: 'Slett avdeling (bare uten ansatte)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await deleteDepartment(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
