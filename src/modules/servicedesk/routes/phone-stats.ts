// HTTP for the phone queue statistics: preview an export (nothing written), import it (days replaced,
// audited), and list the days. The desk imports; the desk and the council read.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { createRouter, formBody, jsonContent, route } from '../../../server/openapi.js';
import { uploadLimit } from '../../uploads/limits.js';
import { ZUploadRequest } from '../imports/import-mapping.js';
import { importPhoneStats, listPhoneStats, previewPhoneStats, resolveCooperation } from '../phone/phone-stats.service.js';
import { ZIsoDate } from '../../../lib/date-schemas.js';

const tags = ['Kundeservice'];
/** Answered of offered, per cent with one decimal; null without calls. */
const ZAnswerRate = z.number().nullable();
const ZDay = z.object({
  day: z.string(), offered: z.number(), answered: z.number(), answerRate: ZAnswerRate, meanWaitSeconds: z.number(), meanTalkSeconds: z.number(),
}).openapi('PhoneStatsDay');
const ZTotals = z.object({ offered: z.number(), answered: z.number(), answerRate: ZAnswerRate }).openapi('PhoneStatsTotals');
const ZPhonePreview = z.object({ days: z.array(ZDay), replacesDays: z.array(z.string()), totals: ZTotals }).openapi('PhoneStatsPreview');
const ZListQuery = z.object({ from: ZIsoDate, to: ZIsoDate, cooperation: z.string().uuid('Ugyldig samarbeids-id').optional() });
const upload = formBody(ZUploadRequest);

async function fileOptions(c: Context<AppEnv>, form: z.infer<typeof ZUploadRequest>) {
  return {
    cooperationId: await resolveCooperation(c.var.db, form.cooperation), filename: form.file.name,
    bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows: c.var.env.IMPORT_MAX_ROWS },
  };
}

export const phoneStatsRoutes = createRouter();

phoneStatsRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/phone-stats/preview', tags,
  summary: 'Forhåndsvis telefonstatistikk (CSV fra telefonsystemet); ingenting lagres', access: [requireRole('staff'), uploadLimit('import')],
  request: upload, answers: { 200: jsonContent(ZPhonePreview, 'Dagene og eventuelle feil') },
}), async (c) => c.json(await previewPhoneStats(c.var.db, await fileOptions(c, c.req.valid('form'))), 200));

phoneStatsRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/phone-stats', tags,
  summary: 'Importer telefonstatistikk; dagene filen dekker erstattes (samme fil to ganger endrer ingenting)',
  access: [requireRole('staff'), uploadLimit('import')],
  request: upload, answers: { 201: jsonContent(ZPhonePreview, 'Importert') },
}), async (c) => {
  const options = await fileOptions(c, c.req.valid('form'));
  return c.json(await importPhoneStats(c.var.db, actorOf(currentUser(c)), options), 201);
});

phoneStatsRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/phone-stats', tags, summary: 'Telefonstatistikk per dag', access: [requireRole('staff', 'council')],
  request: { query: ZListQuery }, answers: { 200: jsonContent(z.object({ days: z.array(ZDay), totals: ZTotals }), 'Dagene og summen av dem') },
}), async (c) => {
  const q = c.req.valid('query');
  return c.json(await listPhoneStats(c.var.db, { cooperationId: await resolveCooperation(c.var.db, q.cooperation), from: q.from, to: q.to }), 200);
});
