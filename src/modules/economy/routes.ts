// HTTP for the economy: lines, account mapping, budgets and revisions, forecasts, explanations, manual
// actuals, ledger import (preview, commit), the report (JSON, XLSX, PDF), financing and settlement.
// Staff (and admin) write; the council reads; municipality users read their own municipality's share
// of financing and settlement; anonymous callers get nothing.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../server/auth/middleware.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { createRouter, errorResponses, jsonContent, ZId, ZIdParam } from '../../server/openapi.js';
import { getCooperation } from '../org/cooperations.service.js';
import { addManualActual, listAccountMappings, listManualActuals, setAccountMapping } from './actuals.service.js';
import {
  deleteBudgetRevision, deleteForecast, deleteManualActual, updateBudgetRevision, updateForecast, updateManualActual, withVersion,
} from './corrections.service.js';
import { addBudgetRevision, listBudgets, setBudget } from './budgets.service.js';
import { addExplanation, addForecast, listExplanations, listForecasts } from './forecasts.service.js';
import { getFinancing, getMemberFinancing, getMemberSettlement, getSettlement, setFinancing } from './financing.service.js';
import { commitLedgerImport, listLedgerImports, previewLedgerImport } from './ledger-import.service.js';
import { createLine, getLine, listLines, resolveCooperationId, updateLine } from './lines.service.js';
import {
  ZEconomyLine, ZEconomyReport, ZFinancing, ZImportPreview, ZLineKind, ZMemberFinancing, ZMemberSettlement, ZProjectStatus, ZYearEndSettlement,
} from './model.js';
import { composeFinancing, economyReportPdf } from '../../documents/economy.js';
import { economyReportXlsx } from './report-xlsx.js';
import { uploadLimit } from '../uploads/middleware.js';
import { assertWithinCap } from '../uploads/service.js';
import { buildEconomyReport } from './report.service.js';
import {
  getPublishedEconomyReport, listEconomyPublications, publishEconomyReport, unpublishEconomyReport,
} from './publications.service.js';

const tags = ['Økonomi'];
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const STAFF = requireRole('staff');
const READERS = requireRole('staff', 'council');

export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dato må være ÅÅÅÅ-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ugyldig dato')
  .openapi({ example: '2023-12-01' });
/** Øre as an integer; a float or an amount past 2^53 is refused rather than rounded. */
export const ZOre = z.number({ message: 'Beløp i øre må være et heltall' }).int('Beløp i øre må være et heltall')
  .refine(Number.isSafeInteger, 'Beløpet er for stort').openapi({ example: 2_923_300_000 });
const ZYearParam = z.object({
  year: z.coerce.number({ message: 'År må være et tall' }).int().min(1900, 'Ugyldig år').max(2200, 'Ugyldig år')
    .openapi({ param: { name: 'year', in: 'path' }, example: 2023 }),
});
const ZCooperationQuery = z.object({ cooperation: ZId.optional() });
const ZAsOfQuery = ZCooperationQuery.extend({ asOf: ZIsoDate.optional() });

export const ZCreateLineRequest = z.object({
  kind: ZLineKind,
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  position: z.number().int().min(0).max(10_000).optional(),
  isIncome: z.boolean().optional(),
  active: z.boolean().optional(),
  owner: z.string().trim().max(200).nullable().optional(),
  municipalityId: ZId.nullable().optional(),
  startYear: z.number().int().min(1900).max(2200).nullable().optional(),
  endYear: z.number().int().min(1900).max(2200).nullable().optional(),
  status: ZProjectStatus.nullable().optional(),
  cooperationId: ZId.optional(),
}).openapi('CreateEconomyLineRequest');
export type TCreateLineRequest = z.infer<typeof ZCreateLineRequest>;
export const ZUpdateLineRequest = ZCreateLineRequest.omit({ kind: true, cooperationId: true }).partial().openapi('UpdateEconomyLineRequest');

export const ZAccountMappingRequest = z.object({
  account: z.string().trim().max(50).nullable().optional(),
  project: z.string().trim().max(50).nullable().optional(),
  lineId: ZId,
}).openapi('AccountMappingRequest');
const ZAccountMapping = z.object({
  id: z.string().uuid(), cooperationId: z.string().uuid(), account: z.string().nullable(), project: z.string().nullable(), lineId: z.string().uuid(),
}).openapi('AccountMapping');

export const ZSetBudgetRequest = z.object({ lineId: ZId, amountOre: ZOre }).openapi('SetBudgetRequest');
export const ZBudgetRevisionRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  changeOre: ZOre,
  decisionReference: z.string().trim().min(1, 'Vedtaksreferanse (saksnummer) må fylles ut').max(50),
  note: z.string().max(2000).nullable().optional(),
}).openapi('BudgetRevisionRequest');
export const ZForecastRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  amountOre: ZOre,
  comment: z.string().max(2000).nullable().optional(),
}).openapi('ForecastRequest');
export const ZExplanationRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  text: z.string().trim().min(1, 'Forklaringen kan ikke være tom').max(5000),
}).openapi('ExplanationRequest');
export const ZManualActualRequest = z.object({
  lineId: ZId,
  period: z.number().int().min(1, 'Periode 1–12').max(12, 'Periode 1–12'),
  amountOre: ZOre,
  text: z.string().max(500).nullable().optional(),
}).openapi('ManualActualRequest');
export const ZSetFinancingRequest = z.object({
  operatingFrameOre: ZOre,
  investmentFrameOre: ZOre,
  key: z.array(z.object({
    municipalityId: ZId,
    /** "34,1234", "34.1234" or 34.1234: at most four decimals. */
    percent: z.union([z.string(), z.number()]),
  })).min(1, 'Nøkkelen må ha minst én kommune'),
}).openapi('SetFinancingRequest');
export const ZLedgerUploadRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  cooperation: ZId.optional(),
});

export const ZPublishRequest = z.object({ meetingId: ZId, asOf: ZIsoDate }).openapi('PublishEconomyReportRequest');
const ZPublication = z.object({
  id: z.string().uuid(), cooperationId: z.string().uuid(), meetingId: z.string().uuid(), year: z.number().int(), asOf: z.string(),
  publishedBy: z.string().uuid().nullable(), publishedAt: z.string(),
}).openapi('EconomyPublication');
const ZListedPublication = ZPublication.extend({
  differsFromLive: z.boolean().openapi({ description: 'Dagens rapport pr. samme dato avviker fra den publiserte kopien' }),
}).openapi('ListedEconomyPublication');
/** The publication's record without the copy itself (the public reads that at /api/public/meetings/{id}/economy). */
const publicationJson = (p: { publishedAt: Date } & Omit<z.infer<typeof ZPublication>, 'publishedAt'>) => ({
  id: p.id, cooperationId: p.cooperationId, meetingId: p.meetingId, year: p.year, asOf: p.asOf, publishedBy: p.publishedBy,
  publishedAt: p.publishedAt.toISOString(),
});

const ZRecord = z.record(z.string(), z.unknown());

function osloToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A municipality user reads as a member (their own municipality, or none); staff, council and admin read it all. */
function memberOf(user: SessionUser): string | undefined {
  if (user.role !== 'municipality') return undefined;
  return user.municipalityId ?? '00000000-0000-0000-0000-000000000000';
}

export const economyRoutes = createRouter();

// ---- lines and mapping (registered before /{year}/… so "lines" is never read as a year) ----------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/lines', tags, summary: 'Utgiftstyper og investeringsprosjekter',
  middleware: [READERS] as const,
  request: { query: ZCooperationQuery.extend({ kind: ZLineKind.optional() }) },
  responses: { 200: jsonContent(z.object({ lines: z.array(ZEconomyLine) }), 'Linjene'), ...errorResponses },
}), async (c) => {
  const q = c.req.valid('query');
  const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
  return c.json({ lines: await listLines(c.var.db, { cooperationId, kind: q.kind }) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/lines', tags, summary: 'Ny utgiftstype eller nytt investeringsprosjekt',
  middleware: [STAFF] as const,
  request: json(ZCreateLineRequest),
  responses: { 201: jsonContent(ZEconomyLine, 'Linjen'), ...errorResponses },
}), async (c) => {
  const { cooperationId, ...input } = c.req.valid('json');
  const coop = await resolveCooperationId(c.var.db, cooperationId);
  return c.json(await createLine(c.var.db, actorOf(currentUser(c)), { cooperationId: coop, ...input }), 201);
});

economyRoutes.openapi(createRoute({
  method: 'patch', path: '/api/economy/lines/{id}', tags, summary: 'Endre linje',
  middleware: [STAFF] as const,
  request: { params: ZIdParam, ...json(ZUpdateLineRequest) },
  responses: { 200: jsonContent(ZEconomyLine, 'Linjen'), ...errorResponses },
}), async (c) => {
  const { id } = c.req.valid('param');
  await getLine(c.var.db, id);
  return c.json(await updateLine(c.var.db, actorOf(currentUser(c)), { id, ...c.req.valid('json') }), 200);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/account-mappings', tags, summary: 'Kontokobling for regnskapsimport',
  middleware: [READERS] as const,
  request: { query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ mappings: z.array(ZAccountMapping) }), 'Koblingene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json({ mappings: await listAccountMappings(c.var.db, cooperationId) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'put', path: '/api/economy/account-mappings', tags, summary: 'Koble en konto eller et prosjekt til en linje',
  middleware: [STAFF] as const,
  request: { query: ZCooperationQuery, ...json(ZAccountMappingRequest) },
  responses: { 200: jsonContent(ZAccountMapping, 'Koblingen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(await setAccountMapping(c.var.db, actorOf(currentUser(c)), { cooperationId, ...c.req.valid('json') }), 200);
});

// ---- figures per year ----------------------------------------------------------------------------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/budgets', tags, summary: 'Årsbudsjett og budsjettrevisjoner',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ budgets: z.array(ZRecord), revisions: z.array(ZRecord) }), 'Budsjettene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  const listed = await listBudgets(c.var.db, { cooperationId, year: c.req.valid('param').year });
  return c.json({ budgets: listed.budgets, revisions: listed.revisions.map(withVersion) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'put', path: '/api/economy/{year}/budgets', tags, summary: 'Sett årsbudsjett for en linje',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZSetBudgetRequest) },
  responses: { 200: jsonContent(ZRecord, 'Budsjettet'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(await setBudget(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') }), 200);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/budget-revisions', tags, summary: 'Budsjettrevisjon (dato og saksnummer for vedtaket)',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZBudgetRevisionRequest) },
  responses: { 201: jsonContent(ZRecord, 'Revisjonen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(withVersion(await addBudgetRevision(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') })), 201);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/forecasts', tags, summary: 'Prognoser (nyeste først)',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery.extend({ lineId: ZId.optional() }) },
  responses: { 200: jsonContent(z.object({ forecasts: z.array(ZRecord) }), 'Prognosene'), ...errorResponses },
}), async (c) => {
  const q = c.req.valid('query');
  const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
  const rows = await listForecasts(c.var.db, { cooperationId, year: c.req.valid('param').year, lineId: q.lineId });
  return c.json({ forecasts: rows.map(withVersion) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/forecasts', tags, summary: 'Ny prognose for en linje',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZForecastRequest) },
  responses: { 201: jsonContent(ZRecord, 'Prognosen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(withVersion(await addForecast(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') })), 201);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/explanations', tags, summary: 'Forklaringer (nyeste først)',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ explanations: z.array(ZRecord) }), 'Forklaringene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json({ explanations: await listExplanations(c.var.db, { cooperationId, year: c.req.valid('param').year }) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/explanations', tags, summary: 'Forklaring til en linje',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZExplanationRequest) },
  responses: { 201: jsonContent(ZRecord, 'Forklaringen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(await addExplanation(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') }), 201);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelt regnskapstall',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZManualActualRequest) },
  responses: { 201: jsonContent(ZRecord, 'Posteringen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(withVersion(await addManualActual(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') })), 201);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelle regnskapstall (importerte rader vises i importene)',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ actuals: z.array(ZRecord) }), 'Posteringene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  const rows = await listManualActuals(c.var.db, { cooperationId, year: c.req.valid('param').year });
  return c.json({ actuals: rows.map(withVersion) }, 200);
});

// ---- corrections: edit or delete an entry at the version read (409 when someone changed it since) ----

const ZVersion = z.string({ message: 'Versjonen du hentet må sendes med' }).min(1, 'Versjonen du hentet må sendes med').max(64);
const ZVersionQuery = ZCooperationQuery.extend({ version: ZVersion });
// A body with nothing but the version is refused for every PATCH by the router (openapi.ts).
export const ZUpdateForecastRequest = ZForecastRequest.partial().extend({ version: ZVersion }).openapi('UpdateForecastRequest');
export const ZUpdateBudgetRevisionRequest = ZBudgetRevisionRequest.partial().extend({ version: ZVersion }).openapi('UpdateBudgetRevisionRequest');
export const ZUpdateManualActualRequest = ZManualActualRequest.partial().extend({ version: ZVersion }).openapi('UpdateManualActualRequest');

const corrections = [
  { path: 'forecasts', what: 'prognose', body: ZUpdateForecastRequest, update: updateForecast, remove: deleteForecast },
  { path: 'budget-revisions', what: 'budsjettrevisjon', body: ZUpdateBudgetRevisionRequest, update: updateBudgetRevision, remove: deleteBudgetRevision },
  { path: 'actuals', what: 'manuelt regnskapstall', body: ZUpdateManualActualRequest, update: updateManualActual, remove: deleteManualActual },
] as const;

for (const entry of corrections) {
  economyRoutes.openapi(createRoute({
    method: 'patch', path: `/api/economy/${entry.path}/{id}`, tags, summary: `Rett en ${entry.what} (med versjonen du hentet; 409 om den er endret siden)`,
    middleware: [STAFF] as const,
    request: { params: ZIdParam, query: ZCooperationQuery, ...json(entry.body as z.ZodType<Record<string, unknown>>) },
    responses: { 200: jsonContent(ZRecord, 'Oppføringen slik den nå er'), ...errorResponses },
  }), async (c) => {
    const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
    const body = c.req.valid('json') as { version: string } & Record<string, unknown>;
    const row = await (entry.update as (db: typeof c.var.db, actor: ReturnType<typeof actorOf>, o: object) => Promise<Record<string, unknown>>)(
      c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, cooperationId, ...body },
    );
    return c.json(row, 200);
  });

  economyRoutes.openapi(createRoute({
    method: 'delete', path: `/api/economy/${entry.path}/{id}`, tags, summary: `Slett en ${entry.what} (med versjonen du hentet; 409 om den er endret siden)`,
    middleware: [STAFF] as const,
    request: { params: ZIdParam, query: ZVersionQuery },
    responses: { 204: { description: 'Slettet' }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
    await entry.remove(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, cooperationId, version: q.version });
    return c.body(null, 204);
  });
}

// ---- ledger import -------------------------------------------------------------------------------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/ledger-imports', tags, summary: 'Regnskapsimporter',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ imports: z.array(ZRecord) }), 'Importene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json({ imports: await listLedgerImports(c.var.db, { cooperationId, year: c.req.valid('param').year }) }, 200);
});

const ledgerUpload = { body: { content: { 'multipart/form-data': { schema: ZLedgerUploadRequest } }, required: true } };
async function ledgerFileOptions(db: Parameters<typeof resolveCooperationId>[0], year: number, form: z.infer<typeof ZLedgerUploadRequest>, maxRows: number) {
  const cooperationId = await resolveCooperationId(db, form.cooperation);
  return { cooperationId, year, filename: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows } };
}

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/ledger-imports/preview', tags, summary: 'Forhåndsvis regnskapsfil: summer per linje, ingenting lagres',
  middleware: [STAFF, uploadLimit('import')] as const,
  request: { params: ZYearParam, ...ledgerUpload },
  responses: { 200: jsonContent(ZImportPreview, 'Summene'), ...errorResponses },
}), async (c) => {
  assertWithinCap(c.var.env, 'import', c.req.valid('form').file.size);
  const options = await ledgerFileOptions(c.var.db, c.req.valid('param').year, c.req.valid('form'), c.var.env.IMPORT_MAX_ROWS);
  return c.json(await previewLedgerImport(c.var.db, options), 200);
});

economyRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/ledger-imports', tags, summary: 'Importer regnskapsfil (CSV/XLSX); erstatter periodene filen dekker',
  middleware: [STAFF, uploadLimit('import')] as const,
  request: { params: ZYearParam, ...ledgerUpload },
  responses: { 201: jsonContent(ZImportPreview.extend({ importId: z.string().uuid() }), 'Importen'), ...errorResponses },
}), async (c) => {
  assertWithinCap(c.var.env, 'import', c.req.valid('form').file.size);
  const options = await ledgerFileOptions(c.var.db, c.req.valid('param').year, c.req.valid('form'), c.var.env.IMPORT_MAX_ROWS);
  return c.json(await commitLedgerImport(c.var.db, actorOf(currentUser(c)), options), 201);
});

// ---- report --------------------------------------------------------------------------------------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/report', tags, summary: 'Økonomirapport pr. dato (hele tusen kr)',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZAsOfQuery },
  responses: { 200: jsonContent(ZEconomyReport, 'Rapporten'), ...errorResponses },
}), async (c) => {
  const q = c.req.valid('query');
  const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
  return c.json(await buildEconomyReport(c.var.db, { cooperationId, year: c.req.valid('param').year, asOf: q.asOf ?? osloToday() }), 200);
});

for (const format of ['xlsx', 'pdf'] as const) {
  economyRoutes.openapi(createRoute({
    method: 'get', path: `/api/economy/{year}/report.${format}`, tags,
    summary: format === 'xlsx' ? 'Økonomirapporten som regneark' : 'Økonomirapporten som PDF (samme Typst-fragment som aktivitetsrapporten)',
    middleware: [READERS] as const,
    request: { params: ZYearParam, query: ZAsOfQuery },
    responses: { 200: { description: 'Filen' }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    const { year } = c.req.valid('param');
    const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
    const report = await buildEconomyReport(c.var.db, { cooperationId, year, asOf: q.asOf ?? osloToday() });
    const coop = await getCooperation(c.var.db, cooperationId);
    let bytes: Buffer;
    if (format === 'xlsx') bytes = await economyReportXlsx(report, coop.shortName);
    else {
      // The paper carries the year's financing too; the settlement only once the year is closed.
      const financing = await getFinancing(c.var.db, { cooperationId, year }).catch(() => null);
      const settlement = report.mode === 'arsslutt' ? await getSettlement(c.var.db, { cooperationId, year, asOf: report.asOf }).catch(() => null) : null;
      bytes = await economyReportPdf(report, coop.shortName, financing ? composeFinancing(financing, settlement) : null);
    }
    c.header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    c.header('content-disposition', `attachment; filename="okonomirapport-${report.asOf}.${format}"`);
    return c.body(new Uint8Array(bytes), 200);
  });
}

// ---- financing and settlement --------------------------------------------------------------------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/financing', tags, summary: 'Finansiering: nøkkel, rammer og beløp per kommune (kommunebrukere ser egen kommune)',
  middleware: [requireUser] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.union([ZFinancing, ZMemberFinancing]), 'Finansieringen (for kommunebrukere bare egen andel)'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  const year = c.req.valid('param').year;
  const municipalityId = memberOf(currentUser(c));
  if (municipalityId) return c.json(await getMemberFinancing(c.var.db, { cooperationId, year, municipalityId }), 200);
  return c.json(await getFinancing(c.var.db, { cooperationId, year }), 200);
});

economyRoutes.openapi(createRoute({
  method: 'put', path: '/api/economy/{year}/financing', tags, summary: 'Sett nøkkel og rammer (nøkkelen må summere til nøyaktig 100 %)',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZSetFinancingRequest) },
  responses: { 200: jsonContent(ZFinancing, 'Finansieringen'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  return c.json(await setFinancing(c.var.db, actorOf(currentUser(c)), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') }), 200);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/settlement', tags, summary: 'Årsoppgjør: mer-/mindreforbruk per kommune etter nøkkelen, og investeringsprosjektenes ubrukte midler overført eller avregnet',
  middleware: [requireUser] as const,
  request: { params: ZYearParam, query: ZAsOfQuery },
  responses: { 200: jsonContent(z.union([ZYearEndSettlement, ZMemberSettlement]), 'Oppgjøret (for kommunebrukere bare egne andeler, når året er avsluttet)'), ...errorResponses },
}), async (c) => {
  const q = c.req.valid('query');
  const cooperationId = await resolveCooperationId(c.var.db, q.cooperation);
  const year = c.req.valid('param').year;
  const municipalityId = memberOf(currentUser(c));
  if (municipalityId) {
    return c.json(await getMemberSettlement(c.var.db, { cooperationId, year, asOf: q.asOf, municipalityId, today: osloToday() }), 200);
  }
  return c.json(await getSettlement(c.var.db, { cooperationId, year, asOf: q.asOf }), 200);
});

// ---- publication with a meeting ------------------------------------------------------------------

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/publications', tags, summary: 'Økonomirapporter publisert med møter',
  middleware: [READERS] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ publications: z.array(ZListedPublication) }), 'Publiseringene'), ...errorResponses },
}), async (c) => {
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  const rows = await listEconomyPublications(c.var.db, { cooperationId, year: c.req.valid('param').year });
  return c.json({ publications: rows.map((p) => ({ ...publicationJson(p), differsFromLive: p.differsFromLive })) }, 200);
});

economyRoutes.openapi(createRoute({
  method: 'put', path: '/api/economy/{year}/publications', tags,
  summary: 'Publiser økonomirapporten pr. dato med et møte (offentlig når møtet er publisert)',
  middleware: [STAFF] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...json(ZPublishRequest) },
  responses: { 200: jsonContent(ZPublication, 'Publiseringen'), ...errorResponses },
}), async (c) => {
  const user = currentUser(c);
  const cooperationId = await resolveCooperationId(c.var.db, c.req.valid('query').cooperation);
  const row = await publishEconomyReport(c.var.db, actorOf(user), { cooperationId, year: c.req.valid('param').year, ...c.req.valid('json'), viewer: user });
  return c.json(publicationJson(row), 200);
});

economyRoutes.openapi(createRoute({
  method: 'delete', path: '/api/economy/publications/{id}', tags, summary: 'Trekk tilbake økonomirapporten fra møtet (id = møtets id)',
  middleware: [STAFF] as const,
  request: { params: ZIdParam },
  responses: { 204: { description: 'Trukket tilbake' }, ...errorResponses },
}), async (c) => {
  await unpublishEconomyReport(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id });
  return c.body(null, 204);
});

economyRoutes.openapi(createRoute({
  method: 'get', path: '/api/public/meetings/{id}/economy', tags,
  summary: 'Økonomirapporten publisert med et publisert møte (offentlig); 404 ellers',
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZEconomyReport, 'Rapporten'), ...errorResponses },
}), async (c) => c.json(await getPublishedEconomyReport(c.var.db, c.req.valid('param').id), 200));
