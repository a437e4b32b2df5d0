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
import { rowRoutes, tags, ZCooperationIdParam } from './shared.js';

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

rowRoutes(departmentRoutes, '/api/departments/{id}', ZDepartment, {
  edit: { summary: 'Endre avdeling', access: [requireRole()], body: ZUpdateDepartmentRequest, run: updateDepartment },
  remove: { summary: 'Slett avdeling (bare uten ansatte)', access: [requireRole()], run: deleteDepartment },
});
