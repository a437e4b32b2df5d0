// What the organisation's route files share: path parameters and the JSON shape of rows with dates.
import { z } from '@hono/zod-openapi';
import { errorResponses, ZId } from '../../../server/openapi.js';
import type { getCooperation } from '../cooperations.service.js';
import type { publicUser } from '../users.service.js';

export const tags = ['Organisasjon'];
export const deleted = { 204: { description: 'Slettet' }, ...errorResponses };
export const ZCooperationIdParam = z.object({ cooperationId: ZId.openapi({ param: { name: 'cooperationId', in: 'path' } }) });

/** Today in Norway, as an ISO date: membership and body seats change at midnight Oslo time. */
export const todayInOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

export const cooperationJson = (c: Awaited<ReturnType<typeof getCooperation>>) => ({ ...c, createdAt: c.createdAt.toISOString() });
export const userJson = (u: ReturnType<typeof publicUser>) => ({ ...u, createdAt: u.createdAt.toISOString() });
