// The annual report's acceptance by the member municipalities over HTTP: the leader records who accepted
// the approved report and when, once per municipality that was a member in the report's year; the page
// (the report's read model) lists every member with its acceptance; the PDF and DOCX print them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatText } from '../../../documents/pdf-text.js';
import { systemActor } from '../../../server/context.js';
import { json } from '../../../test/app.js';
import { createMembership } from '../../org/memberships.service.js';
import { createMunicipality } from '../../org/municipalities.service.js';
import type { TReport } from '../model.js';
import { createTemplate } from '../templates.service.js';
import { startReports } from '../test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
const NONE = '00000000-0000-4000-8000-000000000000';
const muni: Record<'molde' | 'aukra' | 'midsund', string> = { molde: '', aukra: '', midsund: '' };

beforeAll(async () => {
  t = await startReports();
  const { db } = t.database;
  const { cooperationId } = t.world;
  for (const [key, name, number, joined, left] of [
    ['molde', 'Molde', '1506', '2009-01-01', null], ['aukra', 'Aukra', '1547', '2009-01-01', null], ['midsund', 'Midsund', '1545', '2009-01-01', '2019-12-31'],
  ] as const) {
    const m = await createMunicipality(db, systemActor, { name, number });
    muni[key] = m.id;
    await createMembership(db, systemActor, { cooperationId, municipalityId: m.id, joined, left });
  }
  await createTemplate(db, systemActor, {
    cooperationId, kind: 'arsrapport', name: 'Årsrapport',
    sections: [{ key: 'a', parentKey: null, title: 'Innledning', ownerUserIds: [] }],
  });
});
afterAll(() => t.database.drop());

function docxText(docx: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-docx-'));
  writeFileSync(path.join(dir, 'r.docx'), docx);
  return execFileSync('unzip', ['-p', path.join(dir, 'r.docx'), 'word/document.xml']).toString('utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
const body = (over: Record<string, unknown> = {}) => ({ municipalityId: muni.molde, acceptedBy: 'Kommunestyret i Molde (sak 23/24)', acceptedOn: '2099-03-21', ...over });

describe('acceptance of the annual report by the member municipalities', () => {
  let report: TReport;

  it('waits for the leader\'s approval (409) and is for annual reports only', async () => {
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'arsrapport', asOf: '2023-12-31' }), 201);
    expect(report.acceptances.map((a) => [a.municipalityName, a.acceptedOn])).toEqual([['Aukra', null], ['Molde', null]]);
    expect((await json(await t.leader.post(`/api/reports/${report.id}/acceptances`, body()), 409)).error.message).toMatch(/må være godkjent/);
    const activity = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    expect(activity.acceptances).toEqual([]);
    expect((await json(await t.leader.post(`/api/reports/${activity.id}/acceptances`, body()), 409)).error.message).toMatch(/Bare en årsrapport/);
  });

  it('is recorded by the leader only, for a member of the year, once (401/400/403/404/409)', async () => {
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    const url = `/api/reports/${report.id}/acceptances`;
    expect((await t.anon.post(url, body())).status).toBe(401);
    expect((await t.council.post(url, body())).status).toBe(403);
    expect((await t.muni.post(url, body())).status).toBe(403);
    expect((await t.desk.post(url, body())).status).toBe(403);
    expect((await t.leader.post(`/api/reports/${NONE}/acceptances`, body())).status).toBe(404);
    expect((await json(await t.leader.post(url, body({ acceptedBy: ' ' })), 400)).error.fields[0].path).toBe('acceptedBy');
    expect((await json(await t.leader.post(url, body({ acceptedOn: '2024-02-30' })), 400)).error.fields[0].path).toBe('acceptedOn');
    expect((await json(await t.leader.post(url, body({ municipalityId: 'molde' })), 400)).error.fields[0].path).toBe('municipalityId');
    expect((await json(await t.leader.post(url, body({ municipalityId: muni.midsund })), 400)).error.message).toBe('Kommunen var ikke medlem i 2023');
    expect((await json(await t.leader.post(url, body({ acceptedOn: '2020-01-01' })), 400)).error.fields[0].path).toBe('acceptedOn');

    report = await json<TReport>(await t.leader.post(url, body()), 201);
    expect(report.acceptances).toEqual([
      { municipalityId: muni.aukra, municipalityName: 'Aukra', acceptedBy: null, acceptedOn: null, recordedByName: null },
      { municipalityId: muni.molde, municipalityName: 'Molde', acceptedBy: 'Kommunestyret i Molde (sak 23/24)', acceptedOn: '2099-03-21', recordedByName: 'Fred Gjørtz' },
    ]);
    expect((await json(await t.leader.post(url, body({ acceptedBy: 'Formannskapet' })), 409)).error.message).toBe('Kommunens godkjenning er allerede registrert');
    // An admin leads every report.
    report = await json<TReport>(await t.admin.post(url, body({ municipalityId: muni.aukra, acceptedBy: 'Kommunestyret i Aukra', acceptedOn: '2099-04-02' })), 201);
    expect(report.acceptances.every((a) => a.acceptedOn)).toBe(true);
  });

  it('is read by the council and printed in the PDF and the DOCX', async () => {
    const council = await json<TReport>(await t.council.get(`/api/reports/${report.id}`), 200);
    expect(council.acceptances.map((a) => a.acceptedBy)).toEqual(['Kommunestyret i Aukra', 'Kommunestyret i Molde (sak 23/24)']);
    const pdf = await t.council.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    const text = flatText(Buffer.from(await pdf.arrayBuffer()));
    for (const expected of ['Behandling i medlemskommunene', 'Kommunestyret i Molde (sak 23/24)', '21.03.2099', 'Kommunestyret i Aukra', '02.04.2099']) {
      expect(text).toContain(expected);
    }
    const docx = docxText(Buffer.from(await (await t.council.get(`/api/reports/${report.id}/report.docx`)).arrayBuffer()));
    for (const expected of ['Behandling i medlemskommunene', 'Kommunestyret i Molde (sak 23/24)', '21.03.2099']) expect(docx).toContain(expected);
  });
});
