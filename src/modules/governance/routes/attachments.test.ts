import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../test/db.js';
import { TestClient } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { attachments, meetings } from '../schema.js';
import { legalBasisByCode, SAMPLE_FILES, startGovernanceWorld, TGovernanceWorld, uploadForm } from '../test-factories.js';

let database: TestDatabase;
let w: TGovernanceWorld;
let meetingId: string;
let publicCaseId: string;
let exemptCaseId: string;
const NONE = '00000000-0000-4000-8000-000000000000';
const MAX = 4096;

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('at', { MAX_UPLOAD_BYTES: String(MAX) }));
  const basis = await legalBasisByCode(database.db, 'offl-23-3');
  const m = await (await w.clients.staff.post('/api/meetings', { bodyId: w.council.id, date: '2023-12-13', startTime: '09:00', place: 'Molde' })).json();
  meetingId = m.meeting.id;
  publicCaseId = (await (await w.clients.staff.post(`/api/meetings/${meetingId}/cases`, { title: 'Aktivitetsrapport', caseType: 'orientering' })).json()).id;
  exemptCaseId = (await (await w.clients.staff.post(`/api/meetings/${meetingId}/cases`, {
    title: 'Anskaffelse sikkerhetspartner', caseType: 'vedtak', access: 'unntatt', publicTitle: 'Anskaffelse', legalBasisId: basis.id,
  })).json()).id;
});
afterAll(() => database.drop());

const upload = (client: TestClient, caseId: string, name: string, bytes: Uint8Array) =>
  client.post(`/api/cases/${caseId}/attachments`, uploadForm(name, bytes));

describe('POST /api/cases/{id}/attachments', () => {
  it('stores PDF, PNG, JPEG, DOCX and UTF-8 text with the type read from the content and its SHA-256', async () => {
    const cases: [string, Buffer, string][] = [
      ['Aktivitetsrapport per 1.12.2023.pdf', SAMPLE_FILES.pdf, 'application/pdf'],
      ['graf.png', SAMPLE_FILES.png, 'image/png'],
      ['bilde.JPG', SAMPLE_FILES.jpeg, 'image/jpeg'],
      ['notat.docx', SAMPLE_FILES.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['møtenotat.txt', Buffer.from('Ærlig talt, søndag på Åndalsnes'), 'text/plain; charset=utf-8'],
    ];
    for (const [name, bytes, type] of cases) {
      const res = await upload(w.clients.staff, publicCaseId, name, bytes);
      expect(res.status, name).toBe(201);
      expect(await res.json()).toMatchObject({ filename: name, contentType: type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'attachment'));
    expect(audit.length).toBe(cases.length);
    expect(JSON.stringify(audit)).not.toContain('Åndalsnes');
  });

  it('refuses content that does not match the name, unknown types and non-UTF-8 text with 415, storing nothing', async () => {
    const before = (await database.db.select({ id: attachments.id }).from(attachments)).length;
    for (const [name, bytes] of [
      ['rapport.pdf', SAMPLE_FILES.png],
      ['rapport.pdf', Buffer.from('just text pretending')],
      ['arkiv.zip', SAMPLE_FILES.zip],
      ['notat.docx', SAMPLE_FILES.zip],
      ['latin1.txt', Buffer.from([0x53, 0xf8, 0x6b])],
      ['script.sh', Buffer.from('#!/bin/sh\necho hi\n')],
    ] as [string, Buffer][]) {
      const res = await upload(w.clients.staff, publicCaseId, name, bytes);
      expect(res.status, name).toBe(415);
      expect((await res.json()).error.message).toBeTruthy();
    }
    expect((await database.db.select({ id: attachments.id }).from(attachments)).length).toBe(before);
  });

  it('refuses an empty file with 400 naming the field, storing nothing', async () => {
    const before = (await database.db.select({ id: attachments.id }).from(attachments)).length;
    for (const name of ['tom.pdf', 'tom.txt']) {
      const res = await upload(w.clients.staff, publicCaseId, name, new Uint8Array(0));
      expect(res.status, name).toBe(400);
      const body = await res.json();
      expect(body.error.message).toMatch(/tom/i);
      expect(body.error.fields).toEqual([{ path: 'file', message: expect.stringMatching(/tom/i) }]);
    }
    expect((await database.db.select({ id: attachments.id }).from(attachments)).length).toBe(before);
  });

  it('refuses a file that starts like a PDF but is not one (no %%EOF, no cross-reference table) with 415', async () => {
    const before = (await database.db.select({ id: attachments.id }).from(attachments)).length;
    const pdf = SAMPLE_FILES.pdf;
    const cut = pdf.subarray(0, pdf.lastIndexOf('startxref'));
    for (const [label, bytes] of [
      ['only the signature', Buffer.from('%PDF-1.7\nthis is not a PDF at all')],
      ['%%EOF but no startxref', Buffer.from('%PDF-1.4\n%%EOF\n')],
      ['cut off before startxref', cut],
      ['startxref pointing nowhere', Buffer.from(pdf.toString('latin1').replace(/startxref\n\d+/, 'startxref\n3'), 'latin1')],
      ['startxref past the end', Buffer.from(pdf.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1')],
    ] as [string, Buffer][]) {
      const res = await upload(w.clients.staff, publicCaseId, 'rapport.pdf', bytes);
      expect(res.status, label).toBe(415);
      expect((await res.json()).error.message, label).toMatch(/PDF/);
    }
    expect((await database.db.select({ id: attachments.id }).from(attachments)).length).toBe(before);
  });

  it('accepts a PDF with an incremental update (the last startxref counts) and trailing bytes after %%EOF', async () => {
    const base = SAMPLE_FILES.pdf.toString('latin1');
    const updateAt = base.length;
    const updated = `${base}3 0 obj\n<< /Producer (samrad) >>\nendobj\n`;
    const xrefAt = updated.length;
    const bytes = Buffer.from(`${updated}xref\n3 1\n${String(updateAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R /Prev ${base.indexOf('xref')} >>\nstartxref\n${xrefAt}\n%%EOF\r\n\0\0`, 'latin1');
    expect((await upload(w.clients.staff, publicCaseId, 'oppdatert.pdf', bytes)).status).toBe(201);
  });

  it('shortens a name over 200 characters but keeps its extension', async () => {
    const stem = 'Økonomirapport '.repeat(20);
    const res = await upload(w.clients.staff, publicCaseId, `${stem}.pdf`, SAMPLE_FILES.pdf);
    expect(res.status).toBe(201);
    const { filename } = await res.json();
    expect([...filename].length).toBeLessThanOrEqual(200);
    expect(filename).toMatch(/^Økonomirapport Økonomirapport .*\.pdf$/);
    expect(filename).not.toMatch(/ \.pdf$/);
  });

  it('refuses a file over MAX_UPLOAD_BYTES with 413', async () => {
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX + 1, 0x20)]);
    const res = await upload(w.clients.staff, publicCaseId, 'stor.pdf', big);
    expect(res.status).toBe(413);
    const huge = await upload(w.clients.staff, publicCaseId, 'enorm.pdf', Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(200 * 1024, 0x20)]));
    expect(huge.status).toBe(413);
  });

  it('answers 401, 403, 400 (no file field) and 404', async () => {
    expect((await upload(w.clients.anon, publicCaseId, 'a.pdf', SAMPLE_FILES.pdf)).status).toBe(401);
    expect((await upload(w.clients.council, publicCaseId, 'a.pdf', SAMPLE_FILES.pdf)).status).toBe(403);
    expect((await upload(w.clients.municipality, publicCaseId, 'a.pdf', SAMPLE_FILES.pdf)).status).toBe(403);
    const form = new FormData();
    form.append('other', 'x');
    const missing = await w.clients.staff.post(`/api/cases/${publicCaseId}/attachments`, form);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields[0].path).toBe('file');
    expect((await upload(w.clients.staff, NONE, 'a.pdf', SAMPLE_FILES.pdf)).status).toBe(404);
  });
});

describe('GET /api/attachments/{id}', () => {
  it('downloads with the stored type and a Content-Disposition carrying the Norwegian name', async () => {
    const meta = await (await upload(w.clients.staff, publicCaseId, 'Økonomi rapport.pdf', SAMPLE_FILES.pdf)).json();
    const res = await w.clients.council.get(`/api/attachments/${meta.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="_konomi rapport.pdf"; filename*=UTF-8''%C3%98konomi%20rapport.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).equals(SAMPLE_FILES.pdf)).toBe(true);
  });

  it('gives the public only attachments of public cases in published meetings; everything else is 404', async () => {
    const open = await (await upload(w.clients.staff, publicCaseId, 'offentlig.pdf', SAMPLE_FILES.pdf)).json();
    const secret = await (await upload(w.clients.staff, exemptCaseId, 'hemmelig.pdf', SAMPLE_FILES.pdf)).json();
    // Not published yet: nothing for the public, not even the public case's file.
    for (const client of [w.clients.anon, w.clients.municipality]) {
      expect((await client.get(`/api/attachments/${open.id}`)).status).toBe(404);
      expect((await client.get(`/api/attachments/${secret.id}`)).status).toBe(404);
    }
    await w.clients.staff.post(`/api/meetings/${meetingId}/publish`);
    // Published but no notice sent: the case papers are not public yet (decision 0016).
    expect((await w.clients.anon.get(`/api/attachments/${open.id}`)).status).toBe(404);
    await database.db.update(meetings).set({ noticeVersion: 1 }).where(eq(meetings.id, meetingId));
    for (const client of [w.clients.anon, w.clients.municipality]) {
      expect((await client.get(`/api/attachments/${open.id}`)).status).toBe(200);
      const denied = await client.get(`/api/attachments/${secret.id}`);
      expect(denied.status).toBe(404);
      const unknown = await client.get(`/api/attachments/${NONE}`);
      // Same answer as for an id that does not exist: existence does not leak.
      // (each answer carries its own request id, which is not about the attachment)
      const { requestId: _denied, ...deniedError } = (await denied.json()).error;
      const { requestId: _unknown, ...unknownError } = (await unknown.json()).error;
      expect(deniedError).toEqual(unknownError);
    }
    expect((await w.clients.council.get(`/api/attachments/${secret.id}`)).status).toBe(200);
    expect((await w.clients.staff.get('/api/attachments/nope')).status).toBe(400);
    await w.clients.staff.post(`/api/meetings/${meetingId}/unpublish`);
  });
});

describe('DELETE /api/attachments/{id}', () => {
  it('deletes for staff (audited); 401, 403, 404 otherwise', async () => {
    const meta = await (await upload(w.clients.staff, publicCaseId, 'slett.pdf', SAMPLE_FILES.pdf)).json();
    expect((await w.clients.anon.delete(`/api/attachments/${meta.id}`)).status).toBe(401);
    expect((await w.clients.council.delete(`/api/attachments/${meta.id}`)).status).toBe(403);
    expect((await w.clients.staff.delete(`/api/attachments/${meta.id}`)).status).toBe(204);
    expect((await w.clients.staff.delete(`/api/attachments/${meta.id}`)).status).toBe(404);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, meta.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
