// What the organisation's route files share: path parameters and the JSON shape of rows with dates.
import { z } from '@hono/zod-openapi';
import { ZId } from '../../../server/openapi.js';
import type { getCooperation } from '../cooperations.service.js';
import type { publicUser } from '../users.service.js';

export const tags = ['Organisasjon'];
export const deleted = { 204: { description: 'Slettet' } };
export const ZCooperationIdParam = z.object({ cooperationId: ZId.openapi({ param: { name: 'cooperationId', in: 'path' } }) });

export const cooperationJson = (c: Awaited<ReturnType<typeof getCooperation>>) => ({ ...c, createdAt: c.createdAt.toISOString() });
export const userJson = (u: ReturnType<typeof publicUser>) => ({ ...u, createdAt: u.createdAt.toISOString() });
