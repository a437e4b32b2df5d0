// HTTP for the device list and retiring a device. Staff see every municipality's devices; a municipality
// user sees their own municipality's only (asking for another's is 403).
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { listDevices, recordRetirementStep, recordRetirementSteps } from '../devices.service.js';
import { ZDeviceList, ZDeviceListQuery, ZRetirementBatchRequest, ZRetirementStepDone, ZRetirementStepRequest } from '../model.js';
import { z } from '@hono/zod-openapi';
import { DEVICE_READERS, EQUIPMENT_KEEPERS, requireMunicipalityInScope } from '../policy.js';
import { tags } from './status.js';

export const equipmentDeviceRoutes = createRouter();

equipmentDeviceRoutes.openapi(route({
  method: 'get', path: '/api/equipment/devices', tags, summary: 'PC-ene, med utløpsår etter reglene (kommunebrukere ser egen kommune)',
  access: [requireRole(...DEVICE_READERS), cooperationScope],
  request: { query: ZDeviceListQuery }, answers: { 200: jsonContent(ZDeviceList, 'Enhetene') },
}), async (c) => {
  const { cooperation: _, ...query } = c.req.valid('query');
  const municipalityId = requireMunicipalityInScope(currentUser(c), query.municipalityId) ?? undefined;
  return c.json(await listDevices(c.var.db, { ...query, municipalityId, cooperationId: c.var.cooperationId }), 200);
});

equipmentDeviceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/devices/{id}/retirement', tags,
  summary: 'Registrer ett steg i utrangeringen: innlevert, slettet (med dokumentasjon), levert til returselskap',
  access: [requireRole(...EQUIPMENT_KEEPERS), cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZRetirementStepRequest) },
  answers: { 201: jsonContent(ZRetirementStepDone, 'Registrert') },
}), async (c) => c.json(await recordRetirementStep(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, deviceId: c.req.valid('param').id, ...c.req.valid('json'),
}), 201));

equipmentDeviceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/retirements', tags,
  summary: 'Registrer samme utrangeringssteg for flere PC-er samtidig; alle eller ingen',
  access: [requireRole(...EQUIPMENT_KEEPERS), cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZRetirementBatchRequest) },
  answers: { 201: jsonContent(z.object({ steps: z.array(ZRetirementStepDone) }).openapi('RetirementSteps'), 'Registrert') },
}), async (c) => c.json(await recordRetirementSteps(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));
