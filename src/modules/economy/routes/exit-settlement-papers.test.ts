// The exit settlement in the papers: the report block `economy.exitSettlement` in a report set as PDF
// (Typst) and as DOCX prints the same table as the economy API answers: the member, its leaving date,
// each line and the sum, and the case that decided it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatText } from '../../../documents/pdf-text.js';
import { systemActor } from '../../../server/context.js';
import { call } from '../../../test/app.js';
import { createMembership } from '../../org/memberships.service.js';
import { createMunicipality } from '../../org/municipalities.service.js';
import type { TReport, TReportSection } from '../../reports/model.js';
import { startReports } from '../../reports/test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

const docxText = (docx: Buffer) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-docx-'));
  writeFileSync(path.join(dir, 'r.docx'), docx);
  return execFileSync('unzip', ['-p', path.join(dir, 'r.docx'), 'word/document.xml']).toString('utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};

describe('the exit settlement block in the papers', () => {
  it('prints the decided settlement as the API answers it, in the PDF and in the DOCX', async () => {
    const eide = await createMunicipality(t.database.db, systemActor, { name: 'Eide', number: null });
    await createMembership(t.database.db, systemActor, { cooperationId: t.world.cooperationId, municipalityId: eide.id, joined: '2009-01-01', left: '2023-12-31' });
    const draft = await call(t.leader, 'POST', '/api/economy/exit-settlements', { municipalityId: eide.id, leavingDate: '2023-12-31', basis: 'vedtatt_belop' }, 201);
    await call(t.leader, 'POST', `/api/economy/exit-settlements/${draft.id}/lines`, { text: 'Andel av disposisjonsfond etter avtale', amountOre: 1_250_000_00 }, 201);
    await call(t.leader, 'POST', `/api/economy/exit-settlements/${draft.id}/lines`, { text: 'Andel av lisensavtale', amountOre: -40_000_00 }, 201);
    const decided = await call(t.leader, 'POST', `/api/economy/exit-settlements/${draft.id}/decide`, { decisionReference: '2023/M6-009' }, 200);
    expect(decided.sumOre).toBe(1_210_000_00);

    let report = await call(t.leader, 'POST', '/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01', meetingId: t.world.meeting.id }, 201) as TReport;
    const economy = report.sections.find((s): s is TReportSection => 'narrative' in s && s.number === '1')!;
    report = await call(t.leader, 'POST', `/api/report-sections/${economy.id}/blocks`, { type: 'economy.exitSettlement', params: { year: 2023 } }, 201);

    // The table's cells, with the layout's line breaks collapsed; a long cell may wrap, so its parts are checked apart.
    const expected = ['Utmeldingsoppgjør Eide 31.12.2023', 'Andel av disposisjonsfond', '1 250 000', '\u221240 000', 'SUM 1 210 000', 'vedtatt i sak 2023/M6-009'];
    const pdf = await t.leader.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    const text = flatText(Buffer.from(await pdf.arrayBuffer()));
    for (const e of expected) expect(text).toContain(e);
    const docx = await t.leader.get(`/api/reports/${report.id}/report.docx`);
    expect(docx.status).toBe(200);
    const words = docxText(Buffer.from(await docx.arrayBuffer()));
    for (const e of [...expected.filter((x) => !x.startsWith('SUM')), 'Andel av disposisjonsfond etter avtale (vedtatt beløp)', '1 210 000']) {
      expect(words).toContain(e);
    }
  });
});
