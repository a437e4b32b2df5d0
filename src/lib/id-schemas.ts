// The ids the API takes, for every module's model.ts. Pure (zod only), so a model never imports the
// server to describe its fields: src/server/openapi.ts re-exports these for the routes.
import { z } from '@hono/zod-openapi';

export const ZId = z.string().uuid().openapi({ example: '4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10' });
export const ZIdParam = z.object({ id: ZId.openapi({ param: { name: 'id', in: 'path' } }) });
/** The optional `cooperation` query parameter of a cooperation's data; `cooperationScope` (cooperation.ts) resolves it. */
export const ZCooperationQuery = z.object({ cooperation: ZId.optional() });

/** The revision a row was read at (decision 0024): every edit sends it back; a stale one answers 409 `stale`. */
export const ZRevision = z.number().int().min(1)
  .openapi({ description: 'Revisjonen du leste; er raden endret siden, svarer tjenesten 409 (code stale) med gjeldende revision i error.current' });
