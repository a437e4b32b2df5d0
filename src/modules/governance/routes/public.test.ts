// The public's view of governance, end to end over HTTP: published meetings only, and an exempt case
// reduced to number, public title and legal basis everywhere (lists, meeting JSON, search, downloads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../test/db.js';
import { attendance, cases, meetings } from '../schema.js';
import { buildPerson, legalBasisByCode, SAMPLE_FILES, startGovernanceWorld, TGovernanceWorld, uploadForm } from '../test-factories.js';

let database: TestDatabase;
let w: TGovernanceWorld;
let publishedId: string;
let draftId: string;
let exempt: { id: string; number: string };
let secretAttachmentId: string;
let openAttachmentId: string;
const NONE = '00000000-0000-4000-8000-000000000000';

// Every one of these belongs to the exempt case only and must never reach the public.
const SECRETS = {
  title: 'Zebraprosjektet leverandørbytte',
  description: 'Kvartsklokke forhandlingsposisjon beskrivelse',
  proposal: 'Pelikanforslag til vedtak',
  decision: 'Flamingovedtak om kontrakt',
  treatment: 'Kolibribehandling i møtet',
  presenter: 'Xylofonsen',
  attachment: 'Tapirvedlegg-tilbud.pdf',
};

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('pb'));
  const db = database.db;
  const secretPerson = await buildPerson(db, { familyName: SECRETS.presenter, givenName: 'Hemmelig', municipalityId: w.molde.id });
  const basis = await legalBasisByCode(db, 'offl-13-fvl-13-1-2');
  const plan = async (date: string) =>
    (await (await w.clients.staff.post('/api/meetings', { bodyId: w.council.id, date, startTime: '09:00', endTime: '12:00', place: 'Molde rådhus' })).json()).meeting.id as string;
  publishedId = await plan('2023-12-13');
  draftId = await plan('2024-02-01');
  const open = await (await w.clients.staff.post(`/api/meetings/${publishedId}/cases`, {
    title: 'Økonomi- og aktivitetsrapport', caseType: 'orientering', presenterIds: [w.fred.id],
    description: 'Saken gjelder orientering om økonomistatus og aktiviteter.', proposal: 'Tas til orientering.',
  })).json();
  exempt = await (await w.clients.staff.post(`/api/meetings/${publishedId}/cases`, {
    title: SECRETS.title, caseType: 'vedtak', presenterIds: [secretPerson.id], description: SECRETS.description,
    proposal: SECRETS.proposal, access: 'unntatt', publicTitle: 'Anskaffelse av nytt system', legalBasisId: basis.id,
  })).json();
  await db.update(cases).set({ decisionKind: 'vedtak', decisionText: SECRETS.decision, treatment: SECRETS.treatment }).where(eq(cases.id, exempt.id));
  await db.update(cases).set({ decisionKind: 'enighet', decisionText: 'Rapporten tas til orientering.' }).where(eq(cases.id, open.id));
  secretAttachmentId = (await (await w.clients.staff.post(`/api/cases/${exempt.id}/attachments`, uploadForm(SECRETS.attachment, SAMPLE_FILES.pdf))).json()).id;
  openAttachmentId = (await (await w.clients.staff.post(`/api/cases/${open.id}/attachments`, uploadForm('Aktivitetsrapport.pdf', SAMPLE_FILES.pdf))).json()).id;
  await db.insert(attendance).values({ meetingId: publishedId, personId: w.marianne.id, role: 'til_stede', municipalityId: w.aukra.id });
  await w.clients.staff.post(`/api/meetings/${publishedId}/publish`);
  // The meeting as the public reads it in full: notice sent and minutes approved (decision 0016;
  // public-stages.test.ts covers the stages before).
  await db.update(meetings).set({ noticeVersion: 1, status: 'godkjent', minutesApprovedAt: new Date('2023-12-20T12:00:00Z') }).where(eq(meetings.id, publishedId));
});
afterAll(() => database.drop());

function expectNoSecrets(json: string) {
  for (const [field, secret] of Object.entries(SECRETS)) expect(json, `${field} leaked`).not.toContain(secret);
  // The case's own id is not in the public JSON either, so it cannot be used to probe other routes.
  expect(json).not.toContain(exempt.id);
}

describe('GET /api/public/meetings', () => {
  it('lists published meetings only, newest first, with body, date, number and case count, without sign-in', async () => {
    const res = await w.clients.anon.get('/api/public/meetings');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meetings).toEqual([expect.objectContaining({
      id: publishedId, bodyName: w.council.name, date: '2023-12-13', numberLabel: 'M1', caseCount: 4, published: true,
    })]);
    expect(JSON.stringify(body)).not.toContain(draftId);
    expect((await w.clients.anon.get('/api/public/meetings?year=20x')).status).toBe(400);
  });
});

describe('GET /api/public/meetings/{id}', () => {
  it('shows the exempt case as number, public title and legal basis only; its content appears nowhere', async () => {
    const res = await w.clients.anon.get(`/api/public/meetings/${publishedId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoSecrets(text);
    const view = JSON.parse(text);
    expect(view.redacted).toBe(true);
    expect(view.cases[3]).toEqual({
      access: 'unntatt', number: exempt.number, publicTitle: 'Anskaffelse av nytt system',
      legalBasis: 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2',
    });
    expect(view.cases[2]).toMatchObject({ title: 'Økonomi- og aktivitetsrapport', presenters: ['Gjørtz, Fred'], decisionText: 'Rapporten tas til orientering.' });
    expect(view.cases[2].attachments[0].filename).toBe('Aktivitetsrapport.pdf');
  });

  it('answers 404 for an unpublished or unknown meeting and 400 for a malformed id', async () => {
    expect((await w.clients.anon.get(`/api/public/meetings/${draftId}`)).status).toBe(404);
    expect((await w.clients.anon.get(`/api/public/meetings/${NONE}`)).status).toBe(404);
    expect((await w.clients.anon.get('/api/public/meetings/abc')).status).toBe(400);
  });

  it('gives a signed-in municipality user the same redacted view on the internal routes', async () => {
    const meeting = await w.clients.municipality.get(`/api/meetings/${publishedId}`);
    expectNoSecrets(await meeting.text());
    const single = await w.clients.municipality.get(`/api/cases/${exempt.id}`);
    expect(single.status).toBe(200);
    const text = await single.text();
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect((await w.clients.municipality.get(`/api/meetings/${draftId}`)).status).toBe(404);
  });

  it('refuses the exempt attachment by id with 404 to anonymous and municipality users', async () => {
    for (const client of [w.clients.anon, w.clients.municipality]) {
      expect((await client.get(`/api/attachments/${secretAttachmentId}`)).status).toBe(404);
      expect((await client.get(`/api/attachments/${openAttachmentId}`)).status).toBe(200);
    }
  });
});

describe('search', () => {
  it('finds the exempt case by its content for staff and council, with Norwegian stemming', async () => {
    for (const client of [w.clients.staff, w.clients.council]) {
      const res = await client.get(`/api/search?q=${encodeURIComponent('zebraprosjekt')}`);
      expect(res.status).toBe(200);
      const { hits } = await res.json();
      expect(hits).toEqual([expect.objectContaining({ caseId: exempt.id, number: exempt.number, title: SECRETS.title, access: 'unntatt' })]);
      expect(hits[0].snippet).toContain('«');
    }
    const stem = await (await w.clients.staff.get(`/api/search?q=${encodeURIComponent('økonomistatusen')}`)).json();
    expect(stem.hits.map((h: { title: string }) => h.title)).toContain('Økonomi- og aktivitetsrapport');
  });

  it('never finds the exempt case by its content for the public, and shows only its public title', async () => {
    for (const q of ['zebraprosjekt', 'kvartsklokke', 'pelikanforslag', 'flamingovedtak', 'kolibribehandling', 'xylofonsen', 'tapirvedlegg']) {
      const anon = await w.clients.anon.get(`/api/public/search?q=${q}`);
      expect(anon.status).toBe(200);
      expect((await anon.json()).hits).toEqual([]);
      expect((await (await w.clients.municipality.get(`/api/search?q=${q}`)).json()).hits).toEqual([]);
    }
    const byPublicTitle = await w.clients.anon.get('/api/public/search?q=anskaffelse');
    const text = await byPublicTitle.text();
    expectNoSecrets(text);
    expect(JSON.parse(text).hits).toEqual([expect.objectContaining({
      caseId: null, number: exempt.number, title: 'Anskaffelse av nytt system', caseType: null, access: 'unntatt',
    })]);
    // Without a query the public lists everything public, still without the exempt content.
    const all = await w.clients.anon.get('/api/public/search');
    expect(all.status).toBe(200);
    const allText = await all.text();
    expectNoSecrets(allText);
    expect(JSON.parse(allText).hits.length).toBe(4);
  });

  it('titles every hit by its case number, title, meeting and date; an exempt hit by its public title and legal basis', async () => {
    type THit = { caseId: string | null; number: string; title: string; access: string; legalBasis: string | null; snippet: string; meeting: { bodyName: string; numberLabel: string; date: string; year: number } | null };
    const publicHits = (await (await w.clients.anon.get('/api/public/search?year=2023')).json()).hits as THit[];
    const staffHits = (await (await w.clients.staff.get(`/api/search?body=${w.council.id}&year=2023`)).json()).hits as THit[];
    for (const hits of [publicHits, staffHits]) {
      expect(hits.length).toBe(4);
      for (const hit of hits) {
        expect(hit.number).toMatch(/^2023\/M\d+-\d{3}$/);
        expect(hit.title.trim()).not.toBe('');
        expect(hit.title).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(hit.meeting).toEqual(expect.objectContaining({ bodyName: w.council.name, year: 2023, numberLabel: 'M1', date: '2023-12-13' }));
      }
    }
    const citation = 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2';
    expect(publicHits.find((h) => h.number === exempt.number)).toEqual(expect.objectContaining({
      caseId: null, title: 'Anskaffelse av nytt system', legalBasis: expect.stringContaining('offl. § 13'),
      // Its only text is the public title the hit already shows: no excerpt of anything else.
      snippet: '',
    }));
    expect(publicHits.find((h) => h.number === exempt.number)!.legalBasis).toBe(citation);
    expect(staffHits.find((h) => h.number === exempt.number)).toEqual(expect.objectContaining({ caseId: exempt.id, title: SECRETS.title, legalBasis: citation }));
    for (const hit of [...publicHits, ...staffHits].filter((h) => h.access === 'offentlig')) expect(hit.legalBasis).toBeNull();
    // Searching the public title gives the same hit, and the excerpt still holds nothing of the case.
    const byTitle = await (await w.clients.anon.get('/api/public/search?q=anskaffelse')).text();
    expectNoSecrets(byTitle);
    expect(JSON.parse(byTitle).hits).toEqual([expect.objectContaining({ number: exempt.number, snippet: '', legalBasis: citation })]);
  });

  it('filters by body, year, type and municipality (presenters or attending representatives)', async () => {
    const hits = async (qs: string) => {
      const res = await w.clients.staff.get(`/api/search?${qs}`);
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      return (body.hits as { number: string }[]).map((h) => h.number).sort();
    };
    expect((await hits(`body=${w.council.id}&year=2023`)).length).toBe(4);
    expect(await hits(`body=${w.board.id}`)).toEqual([]);
    expect(await hits('year=2022')).toEqual([]);
    expect((await hits('type=orientering')).length).toBe(1);
    // Molde: Fred presents the report, the secret presenter is from Molde too.
    expect((await hits(`municipality=${w.molde.id}`)).length).toBe(2);
    // Aukra's representative attended the published meeting: all its cases.
    expect((await hits(`municipality=${w.aukra.id}&year=2023`)).length).toBe(4);
    // For the public, the type and presenter filters do not reveal anything about the exempt case.
    const pub = async (qs: string) => ((await (await w.clients.anon.get(`/api/public/search?${qs}`)).json()).hits as { number: string }[]).map((h) => h.number);
    expect(await pub('type=vedtak')).not.toContain(exempt.number);
    expect(await pub(`municipality=${w.molde.id}`)).not.toContain(exempt.number);
  });

  it('answers 401 without sign-in on /api/search and 400 for bad filters', async () => {
    expect((await w.clients.anon.get('/api/search?q=x')).status).toBe(401);
    const bad = await w.clients.staff.get('/api/search?type=beslutning&year=abc&body=1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body', 'type', 'year']);
    expect((await w.clients.anon.get('/api/public/search?municipality=x')).status).toBe(400);
  });

  it('takes any text as a query without a syntax error', async () => {
    for (const q of ['"', 'or', '-', '&&|!', '((']) {
      expect((await w.clients.anon.get(`/api/public/search?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
  });
});

describe('GET /api/governance/stats', () => {
  it('counts meetings held and cases minuted per body for the annual report', async () => {
    const res = await w.clients.staff.get('/api/governance/stats?year=2023');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ year: 2023, bodies: [{ bodyId: w.council.id, bodyName: w.council.name, meetingsHeld: 1, casesMinuted: 2 }] });
    expect((await w.clients.council.get('/api/governance/stats?year=2023')).status).toBe(200);
    expect((await w.clients.municipality.get('/api/governance/stats?year=2023')).status).toBe(403);
    expect((await w.clients.anon.get('/api/governance/stats?year=2023')).status).toBe(401);
    const bad = await w.clients.staff.get('/api/governance/stats');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('year');
  });
});

describe('GET /api/legal-bases', () => {
  it('lists the legal bases with their citations for signed-in users', async () => {
    const res = await w.clients.staff.get('/api/legal-bases');
    expect(res.status).toBe(200);
    const { legalBases } = await res.json();
    expect(legalBases.map((b: { citation: string }) => b.citation)).toEqual(expect.arrayContaining([
      'offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2', 'offl. § 23 første ledd', 'kml. § 11-5 andre ledd',
    ]));
    expect((await w.clients.anon.get('/api/legal-bases')).status).toBe(401);
    expect((await w.clients.staff.get('/api/legal-bases?all=maybe')).status).toBe(400);
  });
});

describe('GET /api/public/meetings order', () => {
  it('lists newest first and filters by body and year', async () => {
    await w.clients.staff.post(`/api/meetings/${draftId}/publish`);
    const { meetings } = await (await w.clients.anon.get('/api/public/meetings')).json();
    expect(meetings.map((m: { id: string }) => m.id)).toEqual([draftId, publishedId]);
    const only2023 = await (await w.clients.anon.get(`/api/public/meetings?year=2023&body=${w.council.id}`)).json();
    expect(only2023.meetings.map((m: { id: string }) => m.id)).toEqual([publishedId]);
    expect((await (await w.clients.anon.get(`/api/public/meetings?body=${w.board.id}`)).json()).meetings).toEqual([]);
  });
});
