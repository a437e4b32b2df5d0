// The report as a file over HTTP (PDF inline, DOCX as a download), with its SHA-256 in a header.
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../server/context.js';
import type { TCooperationScope } from '../../../server/cooperation.js';
import { contentDisposition } from '../../../lib/file-names.js';
import type { TReportPaper } from '../documents.service.js';

export const fileResponse = (type: string) => ({
  200: { description: type, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
});
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sendReportFile(c: Context<AppEnv & TCooperationScope, string>, paper: TReportPaper, type: string) {
  c.header('content-type', type);
  c.header('content-disposition', contentDisposition(paper.filename, type === PDF ? 'inline' : 'attachment'));
  c.header('x-content-sha256', createHash('sha256').update(paper.bytes).digest('hex'));
  return c.body(new Uint8Array(paper.bytes), 200);
}

