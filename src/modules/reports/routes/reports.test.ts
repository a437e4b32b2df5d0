// The reports API as its users meet it: the admin's template, a report carried forward from the one
// before, owners editing their own sections, a conflict between two saves, review and approval, what the
// council and the public read, and the usual refusals (401, 400, 403, 404, 409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { richTextFromMarkup } from '../../../lib/rich-text-markup.js';
import { auditLog } from '../../audit/schema.js';
import { reportSections } from '../schema.js';
import { startReports } from '../test-factories.js';
import type { TReport, TReportSection } from '../model.js';
import { json } from '../../../test/app.js';

let t: Awaited<ReturnType<typeof startReports>>;
const NONE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

const full = (r: TReport) => r.sections.filter((s): s is TReportSection => 'narrative' in s);
const section = (r: TReport, number: string) => full(r).find((s) => s.number === number)!;

describe('report templates', () => {
  it('numbers the tree as the papers do, and refuses staff, bad trees and non-staff owners', async () => {
    const list = await json<{ templates: any[] }>(await t.leader.get('/api/report-templates'), 200);
    const template = list.templates[0];
    expect(template.sections.map((s: any) => `${s.number} ${s.title}`)).toEqual([
      '1 Økonomirapport', '1.1 Driftskostnader', '1.2 Investeringskostnader', '2 Aktiviteter', '2.1 Kundeservice',
      '2.1.1 Rullering av PC-er', '2.1.2 Spør Rakel', '2.1.3 Støtte ifm. Helseplattformen', '2.1.4 Kompetanseportalen', '2.1.5 Support',
      '2.1.5.1 Nye feil og forespørsler fordelt på kategori', '2.2 Oppvekst og utdanning', '2.3 Helse og velferd', '2.4 Teknisk',
      '3 Definisjoner og begreper',
    ]);
    expect((await t.anon.get('/api/report-templates')).status).toBe(401);
    expect((await t.council.get('/api/report-templates')).status).toBe(403);
    const patch = { revision: template.revision, name: 'Ny' };
    expect((await t.leader.patch(`/api/report-templates/${template.id}`, patch)).status).toBe(403);
    const badTree = await json(await t.admin.patch(`/api/report-templates/${template.id}`, {
      revision: template.revision, sections: [{ key: 'b', parentKey: 'a', title: 'Barn' }, { key: 'a', parentKey: null, title: 'Forelder' }],
    }), 400);
    expect(badTree.error.fields[0].path).toBe('sections.0.parentKey');
    const badOwner = await json(await t.admin.patch(`/api/report-templates/${template.id}`, {
      revision: template.revision, sections: [{ key: 'a', parentKey: null, title: 'A', ownerUserIds: [t.world.users.council.id] }],
    }), 400);
    expect(badOwner.error.fields[0].path).toBe('sections.0.ownerUserIds.0');
    expect((await t.admin.patch(`/api/report-templates/${NONE}`, patch)).status).toBe(404);
    // A second template of the same kind is a conflict on the kind.
    const dup = await json(await t.admin.post('/api/report-templates', { kind: 'aktivitetsrapport', name: 'To', sections: [] }), 409);
    expect(dup.error.fields[0].path).toBe('kind');
  });

  it('saves the whole tree with the revision read; the second save on the same revision gets 409', async () => {
    const created = await json(await t.admin.post('/api/report-templates', {
      kind: 'arsrapport', name: 'Årsrapport', sections: [{ key: 'innledning', parentKey: null, title: 'Innledning' }],
    }), 201);
    const kept = created.sections[0].id;
    const first = await json(await t.admin.patch(`/api/report-templates/${created.id}`, {
      revision: 1, sections: [{ key: 'ny', parentKey: null, title: 'Sammendrag' }, { key: kept, parentKey: 'ny', title: 'Innledning' }],
    }), 200);
    expect(first.sections.map((s: any) => `${s.number} ${s.title}`)).toEqual(['1 Sammendrag', '1.1 Innledning']);
    expect(first.sections[1].id).toBe(kept);
    const second = await json(await t.admin.patch(`/api/report-templates/${created.id}`, { revision: 1, name: 'Annet navn' }), 409);
    expect(second.error).toMatchObject({ code: 'stale', current: { revision: 2 } });
  });
});

describe('an activity report from draft to approval', () => {
  let report: TReport;

  it('starts from the template with its owners, titled by its date', async () => {
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01', meetingId: t.world.meeting.id }), 201);
    expect(report).toMatchObject({ title: 'Aktivitetsrapport per 1.12.2023', version: 1, status: 'utkast', approvedAt: null, leaderName: 'Fred Gjørtz', mayLead: true });
    expect(section(report, '2.1.5.1').owners).toEqual([{ userId: t.world.users.desk.id, name: 'Kari Kundeservice' }]);
    expect(section(report, '2.1').changes).toBeNull();
  });

  it('refuses bad input, unknown meetings and readers who may not write', async () => {
    expect((await t.anon.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' })).status).toBe(401);
    expect((await t.council.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' })).status).toBe(403);
    const badDate = await json(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-02-30' }), 400);
    expect(badDate.error.fields[0].path).toBe('asOf');
    const badMeeting = await json(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01', meetingId: NONE }), 400);
    expect(badMeeting.error.fields[0].path).toBe('meetingId');
    expect((await t.muni.get('/api/reports')).status).toBe(403);
    expect((await t.leader.get(`/api/reports/${NONE}`)).status).toBe(404);
  });

  it('lets an owner write their own section only, and the leader every section', async () => {
    const s = section(report, '2.1.1');
    const narrative = richTextFromMarkup('Vi har **rullert** 400 PC-er.\n\n- Molde 200\n- Aukra 200');
    report = await json<TReport>(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative }), 200);
    expect(section(report, '2.1.1')).toMatchObject({ narrative, revision: 2, updatedByName: 'Kari Kundeservice' });
    const other = section(report, '2.4');
    expect((await t.desk.patch(`/api/report-sections/${other.id}`, { revision: other.revision, narrative })).status).toBe(403);
    // Owners write the narrative; the title, owners and exemption are the leader's.
    expect((await t.desk.patch(`/api/report-sections/${s.id}`, { revision: 2, title: 'Nytt navn' })).status).toBe(403);
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${other.id}`, { revision: other.revision, narrative: richTextFromMarkup('Byggeprosjekter.') }), 200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(audit.map((a) => a.action)).toEqual(['update']);
  });

  it('refuses a narrative that is not the document shape (400, nothing written)', async () => {
    const s = section(report, '2.1.2');
    const bad = await json(await t.desk.patch(`/api/report-sections/${s.id}`, {
      revision: s.revision, narrative: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] },
    }), 400);
    expect(bad.error.fields[0].path).toMatch(/^narrative\.content\.0/);
    const badLink = await json(await t.desk.patch(`/api/report-sections/${s.id}`, {
      revision: s.revision, narrative: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    }), 400);
    expect(badLink.error.fields[0].path).toContain('href');
    const [row] = await t.database.db.select().from(reportSections).where(eq(reportSections.id, s.id));
    expect(row!.revision).toBe(1);
  });

  it('gives the second of two saves on the same revision a conflict holding the first text', async () => {
    const s = section(report, '2.1.3');
    const mine = richTextFromMarkup('Kundeservice sin tekst.');
    const theirs = richTextFromMarkup('Lederens tekst.');
    await json(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: mine }), 200);
    const lost = await json(await t.leader.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: theirs }), 409);
    expect(lost.error).toMatchObject({ code: 'stale', current: { revision: s.revision + 1, narrative: mine, updatedByName: 'Kari Kundeservice' } });
    // Merged and saved on the revision the conflict named.
    const merged = { type: 'doc', content: [...mine.content, ...theirs.content] };
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${s.id}`, { revision: lost.error.current.revision, narrative: merged }), 200);
    expect(section(report, '2.1.3').narrative).toEqual(merged);
  });

  it('lets exactly one of two simultaneous saves on the same revision through', async () => {
    const s = section(report, '2.1.4');
    const save = (client: typeof t.desk, text: string) => client.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: richTextFromMarkup(text) });
    const results = await Promise.all([save(t.desk, 'Fra kundeservice.'), save(t.leader, 'Fra lederen.')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(reportSections).where(eq(reportSections.id, s.id));
    expect(row!.revision).toBe(s.revision + 1);
    report = await json<TReport>(await t.leader.get(`/api/reports/${report.id}`), 200);
  });

  it('keeps drafts from the council and exempts a section only with a legal basis', async () => {
    expect((await t.council.get(`/api/reports/${report.id}`)).status).toBe(404);
    expect((await json(await t.council.get('/api/reports'), 200)).reports).toEqual([]);
    const s = section(report, '2.4');
    const noBasis = await json(await t.leader.patch(`/api/report-sections/${s.id}`, { revision: s.revision, access: 'unntatt' }), 400);
    expect(noBasis.error.fields[0].path).toBe('legalBasisId');
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${s.id}`, {
      revision: s.revision, access: 'unntatt', legalBasisId: t.world.legalBasisId, narrative: richTextFromMarkup('Hemmelig byggeprosjekt hos leverandør X.'),
    }), 200);
    expect(section(report, '2.4').legalBasis).toMatch(/^Unntatt offentlighet, offl\. § 23/);
  });

  it('goes to review and approval by the leader only, with the revision read', async () => {
    expect((await t.desk.post(`/api/reports/${report.id}/submit`, { revision: report.revision })).status).toBe(403);
    expect((await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision + 5 })).status).toBe(409);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision }), 200);
    expect(report.status).toBe('til_gjennomsyn');
    expect((await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true })).status).toBe(409);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    expect(report).toMatchObject({ status: 'godkjent', approvedByName: 'Fred Gjørtz', mayLead: false });
    expect(report.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const s = section(report, '2.1.1');
    expect(s.mayEdit).toBe(false);
    const locked = await json(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: richTextFromMarkup('Sent') }), 409);
    expect(locked.error.code).toBe('conflict');
  });

  it('shows the council the approved report, exempt section included; the public only once published, without it', async () => {
    const seen = await json<TReport>(await t.council.get(`/api/reports/${report.id}`), 200);
    expect(section(seen, '2.4').narrative).toEqual(richTextFromMarkup('Hemmelig byggeprosjekt hos leverandør X.'));
    expect(section(seen, '2.1.1').owners).toEqual([]);
    expect((await t.anon.get(`/api/public/reports/${report.id}`)).status).toBe(404);
    report = await json<TReport>(await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true }), 200);
    for (const client of [t.anon, t.muni]) {
      const res = await client.get(`/api/public/reports/${report.id}`);
      const text = await res.clone().text();
      expect(text).not.toContain('Hemmelig');
      const pub = await json<TReport>(res, 200);
      const exempt = pub.sections.find((x) => x.number === '2.4')!;
      expect(exempt).toEqual({ id: exempt.id, parentId: exempt.parentId, number: '2.4', depth: 2, access: 'unntatt', legalBasis: expect.stringMatching(/^Unntatt offentlighet/) });
    }
    expect((await json(await t.anon.get('/api/public/reports'), 200)).reports.map((r: any) => r.id)).toEqual([report.id]);
  });

  it('carries the approved report forward to the next one, and shows what the author changed', async () => {
    const next = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2024-03-01' }), 201);
    expect(next).toMatchObject({ title: 'Aktivitetsrapport per 1.3.2024', previousReportId: report.id, status: 'utkast', version: 1 });
    const carried = section(next, '2.1.1');
    expect(carried.narrative).toEqual(section(report, '2.1.1').narrative);
    expect(carried.changes).toEqual({ blocks: ['same', 'same'], removed: [], changed: false });
    expect(section(next, '2.4')).toMatchObject({ access: 'unntatt', legalBasisId: t.world.legalBasisId });
    const edited = richTextFromMarkup('Vi har **rullert** 400 PC-er.\n\nI tillegg 50 elev-PC-er.');
    const after = await json<TReport>(await t.desk.patch(`/api/report-sections/${carried.id}`, { revision: carried.revision, narrative: edited }), 200);
    expect(section(after, '2.1.1').changes).toEqual({ blocks: ['same', 'added'], removed: ['- Molde 200\n- Aukra 200'], changed: true });
  });

  it('reopens an approved report as a new version and keeps the approved one', async () => {
    expect((await t.desk.post(`/api/reports/${report.id}/reopen`, { revision: report.revision })).status).toBe(403);
    const v2 = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/reopen`, { revision: report.revision }), 200);
    expect(v2).toMatchObject({ version: 2, status: 'utkast', previousReportId: report.id, approvedAt: null });
    expect(section(v2, '2.1.1').changes?.changed).toBe(false);
    const old = await json<TReport>(await t.leader.get(`/api/reports/${report.id}`), 200);
    expect(old).toMatchObject({ status: 'godkjent', archived: true, version: 1 });
    expect((await t.leader.post(`/api/reports/${report.id}/reopen`, { revision: old.revision })).status).toBe(409);
  });
});
