// HTTP for the phone queue statistics: preview an export (nothing written), import it (days replaced,
// audited), and list the days, for all municipalities or one. The desk imports; the desk and the council
// read here; a municipality user reads their own municipality's calls in the KPI pack.
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
/** A row of an export: a day of the whole queue (municipality null), or of one municipality. */
const ZRow = ZDay.extend({ municipalityId: z.string().nullable(), municipality: z.string().nullable() }).openapi('PhoneStatsRow');
const ZTotals = z.object({ offered: z.number(), answered: z.number(), answerRate: ZAnswerRate }).openapi('PhoneStatsTotals');
/** Calls per municipality; municipalityId null: calls the export did not attribute. Empty when no row names one. */
const ZByMunicipality = z.array(ZTotals.extend({ municipalityId: z.string().nullable(), municipality: z.string().nullable() }).openapi('PhoneStatsMunicipality'));
const ZPhonePreview = z.object({ days: z.array(ZRow), replacesDays: z.array(z.string()), totals: ZTotals, byMunicipality: ZByMunicipality }).openapi('PhoneStatsPreview');
const ZListQuery = z.object({
  from: ZIsoDate, to: ZIsoDate, cooperation: z.string().uuid('Ugyldig samarbeids-id').optional(),
  municipality: z.string().uuid('Ugyldig kommune-id').optional().openapi({ description: 'Én kommunes anrop; utelatt = alle, per dag' }),
});
const ZPhoneUploadRequest = ZUploadRequest.extend({
  municipalityColumn: z.string().trim().min(1, 'Skriv overskriften på kolonnen').max(200, 'Høyst 200 tegn').optional()
    .openapi({ description: 'Overskriften på kolonnen som sier hvilken kommune anropene gjaldt, når den ikke heter «Kommune»' }),
});
const upload = formBody(ZPhoneUploadRequest);

async function fileOptions(c: Context<AppEnv>, form: z.infer<typeof ZPhoneUploadRequest>) {
  return {
    cooperationId: await resolveCooperation(c.var.db, form.cooperation), filename: form.file.name,
    bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows: c.var.env.IMPORT_MAX_ROWS },
    municipalityColumn: form.municipalityColumn,
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
  method: 'get', path: '/api/servicedesk/phone-stats', tags, summary: 'Telefonstatistikk per dag, for alle kommuner eller én', access: [requireRole('staff', 'council')],
  request: { query: ZListQuery },
  answers: { 200: jsonContent(z.object({ days: z.array(ZDay), totals: ZTotals, byMunicipality: ZByMunicipality }), 'Dagene, summen av dem og anropene per kommune') },
}), async (c) => {
  const q = c.req.valid('query');
  const cooperationId = await resolveCooperation(c.var.db, q.cooperation);
  return c.json(await listPhoneStats(c.var.db, { cooperationId, from: q.from, to: q.to, municipalityId: q.municipality }), 200);
});
