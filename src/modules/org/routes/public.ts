// What anyone may read of the organisation, signed in or not: the cooperation's name, today's members
// and active bodies, and whether the install has demo accounts.
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { getPublicCooperation } from '../public.service.js';
import { hasDemoAccounts } from '../users.service.js';
import { ZInstance, ZPublicCooperation } from '../model.js';
import { osloToday } from '../../../lib/oslo-time.js';
import { tags } from './shared.js';

export const publicOrgRoutes = createRouter();

publicOrgRoutes.openapi(route({
  method: 'get', path: '/api/public/cooperation', tags, summary: 'Samarbeidet, medlemskommuner og organer (offentlig)',
  answers: { 200: jsonContent(ZPublicCooperation, 'Samarbeidet') },
}), async (c) => c.json(await getPublicCooperation(c.var.db, osloToday()), 200));

// Asked by every page's frame, signed in or not: one indexed lookup.
publicOrgRoutes.openapi(route({
  method: 'get', path: '/api/instance', tags, summary: 'Om installasjonen: om den har demokontoer (offentlig)',
  answers: { 200: jsonContent(ZInstance, 'Installasjonen') },
}), async (c) => c.json({ demo: await hasDemoAccounts(c.var.db) }, 200));
