// HTTP for the licences (issue 13, seed 003 2024/M2-007): products with their contracted counts, the
// monthly usage import (saved column mappings, a preview that writes nothing, the month imported again
// replacing the month), the month view against the contract, and the candidates for removal with the
// professional group's decisions. Staff write; who reads what is policy.ts's.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, formBody, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { uploadLimit } from '../../uploads/limits.js';
import {
  importLicenceUsage, listLicenceImportMappings, previewLicenceImport, saveLicenceImportMapping,
} from '../licences/licence-import.service.js';
import {
  addLicenceContract, computeLicenceMonth, createLicenceProduct, decideLicenceCandidate, listLicenceCandidates, listLicenceProducts, updateLicenceProduct,
} from '../licences/licences.service.js';
import {
  ZCreateLicenceProductRequest, ZLicenceCandidate, ZLicenceCandidates, ZLicenceContractRequest, ZLicenceDecisionRequest, ZLicenceImportMapping,
  ZLicenceImportPreview, ZLicenceMonth, ZLicenceMonthQuery, ZLicenceProduct, ZLicenceProductList, ZLicenceUpload, ZSavedLicenceImportMapping,
  ZUpdateLicenceProductRequest,
} from '../licences/model.js';
import { ZImportSourceParam } from '../model.js';
import { EQUIPMENT_KEEPERS, LICENCE_CANDIDATE_READERS, LICENCE_READERS, municipalityScopeOf, requireMunicipalityInScope } from '../policy.js';
import { tags } from './status.js';

const keepers = requireRole(...EQUIPMENT_KEEPERS);
const readers = requireRole(...LICENCE_READERS);
const candidateReaders = requireRole(...LICENCE_CANDIDATE_READERS);
const upload = formBody(ZLicenceUpload);

/** The upload names its cooperation in the form, not the query (decision 0020's exception). */
async function fileOptions(c: Context<AppEnv>, form: z.infer<typeof ZLicenceUpload>) {
  return {
    cooperationId: await resolveCooperationId(c.var.db, form.cooperation), productId: form.productId, month: form.month, source: form.source,
    filename: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows: c.var.env.IMPORT_MAX_ROWS },
  };
}

export const equipmentLicenceRoutes = createRouter();

equipmentLicenceRoutes.openapi(route({
  method: 'get', path: '/api/equipment/licence-products', tags, summary: 'Lisensprodukter med avtalt antall og importerte måneder',
  access: [readers, cooperationScope], request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZLicenceProductList, 'Produktene') },
}), async (c) => c.json({
  products: await listLicenceProducts(c.var.db, { cooperationId: c.var.cooperationId, municipalityId: municipalityScopeOf(currentUser(c)) }),
}, 200));

equipmentLicenceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/licence-products', tags, summary: 'Opprett et lisensprodukt (f.eks. Public 360)',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery, ...jsonBody(ZCreateLicenceProductRequest) },
  answers: { 201: jsonContent(ZLicenceProduct, 'Produktet') },
}), async (c) => c.json(await createLicenceProduct(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

equipmentLicenceRoutes.openapi(route({
  method: 'patch', path: '/api/equipment/licence-products/{id}', tags, summary: 'Endre navnet eller antall inaktive måneder før en lisens foreslås fjernet',
  access: [keepers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateLicenceProductRequest) },
  answers: { 200: jsonContent(ZLicenceProduct, 'Produktet') },
}), async (c) => c.json(await updateLicenceProduct(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json'),
}), 200));

equipmentLicenceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/licence-products/{id}/contracts', tags,
  summary: 'Registrer avtalt antall lisenser fra en dato, for en kommune eller felles (en avtaleendring er et nytt antall fra sin dato)',
  access: [keepers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZLicenceContractRequest) },
  answers: { 201: jsonContent(ZLicenceProduct, 'Produktet med avtalene') },
}), async (c) => c.json(await addLicenceContract(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, productId: c.req.valid('param').id, ...c.req.valid('json'),
}), 201));

equipmentLicenceRoutes.openapi(route({
  method: 'get', path: '/api/equipment/licence-products/{id}/month', tags,
  summary: 'Aktive brukere mot avtalt antall for en måned, per kommune (kommunebrukere ser egen kommune)',
  access: [readers, cooperationScope], request: { params: ZIdParam, query: ZLicenceMonthQuery }, answers: { 200: jsonContent(ZLicenceMonth, 'Måneden') },
}), async (c) => {
  const query = c.req.valid('query');
  const municipalityId = requireMunicipalityInScope(currentUser(c), query.municipalityId);
  return c.json(await computeLicenceMonth(c.var.db, { cooperationId: c.var.cooperationId, productId: c.req.valid('param').id, month: query.month, municipalityId }), 200);
});

equipmentLicenceRoutes.openapi(route({
  method: 'get', path: '/api/equipment/licence-products/{id}/candidates', tags,
  summary: 'Kandidater for fjerning: brukere som ikke har vært pålogget på produktets antall måneder, med faggruppens beslutning',
  access: [candidateReaders, cooperationScope], request: { params: ZIdParam, query: ZLicenceMonthQuery },
  answers: { 200: jsonContent(ZLicenceCandidates, 'Kandidatene') },
}), async (c) => {
  const query = c.req.valid('query');
  const municipalityId = requireMunicipalityInScope(currentUser(c), query.municipalityId);
  return c.json(await listLicenceCandidates(c.var.db, { cooperationId: c.var.cooperationId, productId: c.req.valid('param').id, month: query.month, municipalityId }), 200);
});

equipmentLicenceRoutes.openapi(route({
  method: 'put', path: '/api/equipment/licence-products/{id}/decisions', tags,
  summary: 'Registrer faggruppens beslutning for en kandidat i nyeste måned: beholdes eller fjernes, med kommentar',
  access: [keepers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZLicenceDecisionRequest) },
  answers: { 200: jsonContent(ZLicenceCandidate, 'Kandidaten med beslutningen') },
}), async (c) => c.json(await decideLicenceCandidate(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, productId: c.req.valid('param').id, ...c.req.valid('json'),
}), 200));

equipmentLicenceRoutes.openapi(route({
  method: 'get', path: '/api/equipment/licence-import-mappings', tags, summary: 'Lagrede kolonnekoblinger for lisensrapporter',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ mappings: z.array(ZSavedLicenceImportMapping) }), 'Koblingene') },
}), async (c) => c.json({ mappings: await listLicenceImportMappings(c.var.db, c.var.cooperationId) }, 200));

equipmentLicenceRoutes.openapi(route({
  method: 'put', path: '/api/equipment/licence-import-mappings/{source}', tags, summary: 'Lagre kolonnekoblingen for én lisensrapport',
  access: [keepers, cooperationScope], request: { params: ZImportSourceParam, query: ZCooperationQuery, ...jsonBody(ZLicenceImportMapping) },
  answers: { 200: jsonContent(ZSavedLicenceImportMapping, 'Koblingen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, source: c.req.valid('param').source, mapping: c.req.valid('json') };
  return c.json(await saveLicenceImportMapping(c.var.db, actorOf(currentUser(c)), options), 200);
});

equipmentLicenceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/licence-imports/preview', tags, summary: 'Forhåndsvis import av en måneds lisensbruk (CSV/XLSX); ingenting lagres',
  access: [keepers, uploadLimit('import')], request: upload, answers: { 200: jsonContent(ZLicenceImportPreview, 'Hva importen vil gjøre') },
}), async (c) => c.json(await previewLicenceImport(c.var.db, await fileOptions(c, c.req.valid('form'))), 200));

equipmentLicenceRoutes.openapi(route({
  method: 'post', path: '/api/equipment/licence-imports', tags,
  summary: 'Importer en måneds lisensbruk for et produkt; en måned importert på nytt erstatter den måneden',
  access: [keepers, uploadLimit('import')], request: upload, answers: { 201: jsonContent(ZLicenceImportPreview, 'Importert') },
}), async (c) => {
  const options = await fileOptions(c, c.req.valid('form'));
  return c.json(await importLicenceUsage(c.var.db, actorOf(currentUser(c)), options), 201);
});
