// HTTP for the KPI pack: JSON for the screen, XLSX for the desk's spreadsheet habits, PDF of the Typst
// fragment the activity report includes. The desk and the council read every municipality; a
// municipality user reads their own.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { serviceDeskKpiPdf } from '../../../documents/servicedesk.js';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../server/context.js';
import { findInstallCooperation, getCooperation } from '../../org/cooperations.service.js';
import { ZKpiMonths, ZKpiMonthsQuery, ZKpiPack, ZKpiQuery, type TKpiQuery } from '../kpi/kpi.js';
import { kpiPackXlsx } from '../kpi/kpi-xlsx.js';
import { buildKpiPack, kpiMonths } from '../kpi/kpi.service.js';
import { contentDisposition } from '../../../lib/file-names.js';

const tags = ['Kundeservice'];
const readers = requireRole('staff', 'council', 'municipality');

export const serviceDeskKpiRoutes = createRouter();

/** The pack for the query; a cooperation id that names no cooperation answers 404, not an empty pack. */
async function packFor(db: DbOrTx, user: SessionUser, query: TKpiQuery) {
  if (query.cooperation) await getCooperation(db, query.cooperation);
  return buildKpiPack(db, user, query);
}

serviceDeskKpiRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/kpi', tags,
  summary: 'Månedlig KPI-pakke: nye per kategori og kommune, åpne, trend, kritiske/høye, løsningstid, SLA, tilfredshet, telefon, årstall',
  access: [readers],
  request: { query: ZKpiQuery }, answers: { 200: jsonContent(ZKpiPack, 'KPI-pakken') },
}), async (c) => c.json(await packFor(c.var.db, currentUser(c), c.req.valid('query')), 200));

serviceDeskKpiRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/kpi/months', tags, summary: 'Første og siste måned med nye saker for leseren (siden åpner på den siste)',
  access: [readers],
  request: { query: ZKpiMonthsQuery }, answers: { 200: jsonContent(ZKpiMonths, 'Månedene') },
}), async (c) => c.json(await kpiMonths(c.var.db, currentUser(c), c.req.valid('query').municipality), 200));

for (const format of ['xlsx', 'pdf'] as const) {
  serviceDeskKpiRoutes.openapi(route({
    method: 'get', path: `/api/servicedesk/kpi.${format}`, tags,
    summary: format === 'xlsx' ? 'KPI-pakken som regneark' : 'KPI-pakken som PDF (samme Typst-fragment som aktivitetsrapporten)', access: [readers],
    request: { query: ZKpiQuery },
    answers: { 200: { description: 'Filen', content: { [format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf']: { schema: z.any() } } } },
  }), async (c) => {
    const pack = await packFor(c.var.db, currentUser(c), c.req.valid('query'));
    const coopName = (await findInstallCooperation(c.var.db))?.shortName ?? '';
    const bytes = format === 'xlsx' ? await kpiPackXlsx(pack, coopName) : await serviceDeskKpiPdf(pack, coopName);
    c.header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    c.header('content-disposition', contentDisposition(`kundeservice-${pack.from}-${pack.to}.${format}`));
    return c.body(new Uint8Array(bytes), 200);
  });
}
