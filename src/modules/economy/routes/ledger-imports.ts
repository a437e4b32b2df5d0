// HTTP for the ledger import: the imports of a year, a preview of a file (totals per line, nothing
// stored) and the commit that replaces the periods the file covers.
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/client.js';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, formBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { uploadLimit } from '../../uploads/limits.js';
import { commitLedgerImport, listLedgerImports, previewLedgerImport } from '../ledger-import.service.js';
import { ZCommittedImport, ZImportPreview, ZLedgerImport, ZLedgerUploadRequest, ZYearParam, type TLedgerUploadRequest } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const ledgerImportRoutes = createRouter();

ledgerImportRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/ledger-imports', tags, summary: 'Regnskapsimporter', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ imports: z.array(ZLedgerImport) }), 'Importene') },
}), async (c) => c.json({ imports: await listLedgerImports(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year }) }, 200));

const ledgerUpload = formBody(ZLedgerUploadRequest);

// The cooperation comes with the file as a form field, so the route resolves it rather than cooperationScope.
async function ledgerFileOptions(db: DbOrTx, year: number, form: TLedgerUploadRequest, maxRows: number) {
  const cooperationId = await resolveCooperationId(db, form.cooperation);
  return { cooperationId, year, filename: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows } };
}

ledgerImportRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/ledger-imports/preview', tags, summary: 'Forhåndsvis regnskapsfil: summer per linje, ingenting lagres',
  access: [writers, uploadLimit('import')],
  request: { params: ZYearParam, ...ledgerUpload }, answers: { 200: jsonContent(ZImportPreview, 'Summene') },
}), async (c) => {
  const options = await ledgerFileOptions(c.var.db, c.req.valid('param').year, c.req.valid('form'), c.var.env.IMPORT_MAX_ROWS);
  return c.json(await previewLedgerImport(c.var.db, options), 200);
});

ledgerImportRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/ledger-imports', tags, summary: 'Importer regnskapsfil (CSV/XLSX); erstatter periodene filen dekker',
  access: [writers, uploadLimit('import')],
  request: { params: ZYearParam, ...ledgerUpload }, answers: { 201: jsonContent(ZCommittedImport, 'Importen') },
}), async (c) => {
  const options = await ledgerFileOptions(c.var.db, c.req.valid('param').year, c.req.valid('form'), c.var.env.IMPORT_MAX_ROWS);
  return c.json(await commitLedgerImport(c.var.db, actorOf(currentUser(c)), options), 201);
});
