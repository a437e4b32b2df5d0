// Contract tests for every service-desk route: 401 without sign-in, 403 for the wrong role, 400 with
// field-level messages, 404 for unknown ids, the answer's shape, and nothing half-written on failure.
// Internal notes are searched for in every serialized answer the requester gets, and in the outbox.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { createTestApp, fieldsOf, json, TestClient } from '../../../test/app.js';
import { listAudit } from '../../audit/service.js';
import { outbox } from '../../mail/schema.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { sdPolicies, sdTicketEvents, sdTickets } from '../schema.js';
import { PASSWORD, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';

let database: TestDatabase;
let f: TServiceDeskFixture;
let anon: TestClient;
let admin: TestClient;
let agent: TestClient;
let council: TestClient;
let anne: TestClient;
let bjorn: TestClient;

beforeAll(async () => {
  ({ database, desk: f, anon, admin, agent, council, anne, bjorn } = await startServiceDesk({ PUBLIC_URL: 'https://samrad.example.no' }));
});
afterAll(() => database.drop());

/** The ticket's revision as the desk reads it, for a PATCH (optimistic concurrency). */
const revisionOf = async (id: string) => (await json(await agent.get(`/api/servicedesk/tickets/${id}`), 200)).revision as number;
const counts = async () => ({
  tickets: (await database.db.select({ n: count() }).from(sdTickets))[0]!.n,
  events: (await database.db.select({ n: count() }).from(sdTicketEvents))[0]!.n,
  mails: (await database.db.select({ n: count() }).from(outbox))[0]!.n,
});

const X = randomUUID();
// 'portal' = municipality users and the desk; 'staff' = the desk; 'admin'; 'requester' = municipality users.
const ROUTES: [method: string, path: string, who: 'portal' | 'staff' | 'admin' | 'requester'][] = [
  ['GET', '/api/servicedesk/tickets', 'portal'], ['POST', '/api/servicedesk/tickets', 'portal'],
  ['GET', `/api/servicedesk/tickets/${X}`, 'portal'], ['PATCH', `/api/servicedesk/tickets/${X}`, 'staff'],
  ['POST', `/api/servicedesk/tickets/${X}/replies`, 'portal'], ['POST', `/api/servicedesk/tickets/${X}/notes`, 'staff'],
  ['POST', `/api/servicedesk/tickets/${X}/reopen`, 'portal'], ['POST', `/api/servicedesk/tickets/${X}/survey`, 'requester'],
  ['POST', `/api/servicedesk/tickets/${X}/confirm`, 'requester'],
  ['POST', `/api/servicedesk/tickets/${X}/contact-attempts`, 'staff'], ['POST', '/api/servicedesk/phone-calls', 'staff'],
  ['POST', '/api/servicedesk/tickets/bulk-assign', 'staff'],
  ['GET', `/api/servicedesk/policy?cooperationId=${X}`, 'staff'], ['PUT', '/api/servicedesk/policy', 'admin'],
  ['POST', '/api/servicedesk/sla/recompute', 'admin'], ['GET', '/api/servicedesk/teams', 'staff'], ['POST', '/api/servicedesk/teams', 'admin'],
  ['PUT', `/api/servicedesk/portal-sharing/${X}`, 'admin'], ['POST', '/api/servicedesk/jobs/close-unconfirmed', 'admin'],
  ['POST', `/api/servicedesk/tickets/${X}/attachments`, 'portal'], ['GET', `/api/servicedesk/attachments/${X}`, 'portal'],
];
const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describe('access', () => {
  it.each(ROUTES)('%s %s refuses anonymous callers with 401', async (method, path) => {
    expect((await json(await anon.request(method, path, bodyFor(method)), 401)).error.code).toBe('unauthorized');
  });

  it.each(ROUTES)('%s %s refuses the wrong role with 403', async (method, path, who) => {
    const caller = who === 'portal' ? council : who === 'staff' ? anne : who === 'admin' ? agent : council;
    expect((await json(await caller.request(method, path, bodyFor(method)), 403)).error.code).toBe('forbidden');
  });

  it.each([
    ['GET', `/api/servicedesk/tickets/${X}`, undefined],
    ['PATCH', `/api/servicedesk/tickets/${X}`, { status: 'under_arbeid', revision: 1 }],
    ['POST', `/api/servicedesk/tickets/${X}/replies`, { text: 'Hei' }],
    ['POST', `/api/servicedesk/tickets/${X}/notes`, { text: 'Hei' }],
    ['POST', `/api/servicedesk/tickets/${X}/reopen`, {}],
    ['POST', `/api/servicedesk/tickets/${X}/contact-attempts`, { method: 'telefon' }],
    ['GET', `/api/servicedesk/policy?cooperationId=${X}`, undefined],
    ['PUT', `/api/servicedesk/portal-sharing/${X}`, { seesMunicipality: true }],
    ['POST', '/api/servicedesk/tickets/bulk-assign', { ticketIds: [X], assigneeUserId: null }],
    ['GET', `/api/servicedesk/attachments/${X}`, undefined],
  ])('%s %s answers 404 for an unknown id', async (method, path, body) => {
    expect((await json(await admin.request(method, path, body), 404)).error.message).toMatch(/finnes ikke/);
  });

  it('answers 404 for an unknown ticket in the survey route', async () => {
    expect((await json(await anne.post(`/api/servicedesk/tickets/${X}/survey`, { score: 3 }), 404)).error.code).toBe('not_found');
  });

  it('refuses a malformed id with 400', async () => {
    expect(fieldsOf(await json(await agent.get('/api/servicedesk/tickets/nope'), 400))).toEqual(['id']);
  });
});

describe('tickets through HTTP', () => {
  let ticketId: string;
  const NOTE = 'HEMMELIG-NOTAT-7f3a: lisensen er utløpt';

  it('validates a new ticket field by field and writes nothing on failure', async () => {
    const before = await counts();
    const bad = await json(await anne.post('/api/servicedesk/tickets', { type: 'klage', category: '', title: 'x'.repeat(201) }), 400);
    expect(fieldsOf(bad)).toEqual(['category', 'description', 'title', 'type']);
    const unknownCategory = await json(await anne.post('/api/servicedesk/tickets', { type: 'feilmelding', category: 'Kaffe', title: 'Kaffe', description: 'Tom' }), 400);
    expect(fieldsOf(unknownCategory)).toEqual(['category']);
    const outside = await json(await agent.post('/api/servicedesk/tickets', { type: 'feilmelding', category: 'Infrastruktur', title: 'Nett', description: 'Nede', municipalityId: f.outside.id, requesterName: 'X' }), 400);
    expect(fieldsOf(outside)).toEqual(['municipalityId']);
    expect(await counts()).toEqual(before);
  });

  it('creates a portal ticket with the portal shape', async () => {
    const created = await json(await anne.post('/api/servicedesk/tickets', {
      type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Visma starter ikke', description: 'Feil ved oppstart', priority: 'kritisk', channel: 'telefon',
    }), 201);
    // A portal user cannot choose priority or channel; the desk sets them.
    expect(created).toMatchObject({
      number: expect.any(Number), type: 'feilmelding', category: 'Fagapplikasjoner', channel: 'portal', priority: 'medium', status: 'ny',
      municipalityName: 'Molde', requesterName: 'Anne Molde', conversation: [], survey: null, canReopen: false, canAnswerSurvey: false,
    });
    expect(created.sla).toBeUndefined();
    expect(created.events).toBeUndefined();
    ticketId = created.id;
  });

  it('lets the desk work the ticket and keeps notes from the requester', async () => {
    const patched = await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, { status: 'under_arbeid', priority: 'hoy', assigneeUserId: f.agent.id, revision: await revisionOf(ticketId) }), 200);
    expect(patched).toMatchObject({ status: 'under_arbeid', priority: 'hoy', assigneeUserId: f.agent.id, sla: { priority: 'hoy', resolution: { targetMillis: 4 * 3_600_000 } } });
    const revision = patched.revision;
    expect(fieldsOf(await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, { revision }), 400))).toEqual(['(body)']);
    expect(fieldsOf(await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, {}), 400))).toEqual(['revision']);
    expect(fieldsOf(await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, { assigneeUserId: f.anne.id, revision }), 400))).toEqual(['assigneeUserId']);
    expect(fieldsOf(await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, { status: 'parkert', revision }), 400))).toEqual(['status']);
    const note = await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/notes`, { text: NOTE }), 201);
    expect(note).toMatchObject({ kind: 'note', text: NOTE, byDesk: true });
    const reply = await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/replies`, { text: 'Vi ser på det' }), 201);
    expect(reply).toMatchObject({ kind: 'reply', text: 'Vi ser på det', authorName: 'Kari Kundeservice' });
    expect(fieldsOf(await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/replies`, { text: '  ' }), 400))).toEqual(['text']);
    await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/replies`, { text: 'Takk' }), 201);
    const desk = await json(await agent.get(`/api/servicedesk/tickets/${ticketId}`), 200);
    expect(desk.conversation.map((c: { kind: string }) => c.kind)).toEqual(['note', 'reply', 'reply']);
    expect(desk.sla.firstResponse.met).toBe(true);
  });

  it('never shows the internal note to the requester in any answer or e-mail', async () => {
    const answers = [
      await (await anne.get(`/api/servicedesk/tickets/${ticketId}`)).text(),
      await (await anne.get('/api/servicedesk/tickets')).text(),
      await (await anne.get('/api/servicedesk/tickets?status=open')).text(),
      await (await anne.post(`/api/servicedesk/tickets/${ticketId}/replies`, { text: 'En til' })).text(),
    ];
    for (const text of answers) expect(text).not.toContain('HEMMELIG-NOTAT-7f3a');
    const mails = await database.db.select().from(outbox);
    expect(mails.some((m) => m.text.includes('Vi ser på det'))).toBe(true);
    expect(JSON.stringify(mails)).not.toContain('HEMMELIG-NOTAT-7f3a');
    expect(await (await agent.get(`/api/servicedesk/tickets/${ticketId}`)).text()).toContain('HEMMELIG-NOTAT-7f3a');
  });

  it('hides another requester’s ticket as 404 and lets the desk queue it', async () => {
    expect((await json(await bjorn.get(`/api/servicedesk/tickets/${ticketId}`), 404)).error.code).toBe('not_found');
    expect((await json(await bjorn.post(`/api/servicedesk/tickets/${ticketId}/replies`, { text: 'Hei' }), 404)).error.code).toBe('not_found');
    expect((await json(await bjorn.get('/api/servicedesk/tickets'), 200)).tickets).toEqual([]);
    expect(fieldsOf(await json(await bjorn.get('/api/servicedesk/tickets?queue=mine'), 400))).toEqual(['queue']);
    const mine = await json(await agent.get('/api/servicedesk/tickets?queue=mine&status=open'), 200);
    expect(mine.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
    expect(mine.tickets[0]).toMatchObject({ assigneeName: 'Kari Kundeservice', slaDueAt: expect.any(String), slaBreached: expect.any(Boolean) });
    expect(fieldsOf(await json(await agent.get('/api/servicedesk/tickets?limit=0&priority=akutt'), 400))).toEqual(['limit', 'priority']);
    expect(fieldsOf(await json(await agent.get('/api/servicedesk/tickets?cursor=xyz'), 400))).toEqual(['cursor']);
  });

  it('takes attachments, keeps internal ones from the requester, and checks the type by content', async () => {
    const upload = (client: TestClient, name: string, text: string, internal?: string) => {
      const form = new FormData();
      form.set('file', new File([text], name, { type: 'text/plain' }));
      if (internal) form.set('internal', internal);
      return client.post(`/api/servicedesk/tickets/${ticketId}/attachments`, form);
    };
    const mine = await json(await upload(anne, 'feilmelding.txt', 'Feil 0x80070005'), 201);
    expect(mine).toMatchObject({ filename: 'feilmelding.txt', contentType: 'text/plain; charset=utf-8', internal: false, uploadedByName: 'Anne Molde', size: 15 });
    expect(fieldsOf(await json(await upload(anne, 'x.txt', 'x', 'true'), 400))).toEqual(['internal']);
    const secret = await json(await upload(agent, 'lisens-intern.txt', 'HEMMELIG-NOTAT-7f3a i fil', 'true'), 201);
    expect((await json(await upload(agent, 'bilde.png', 'ikke et bilde'), 415)).error.code).toBe('unsupported_media_type');
    expect(fieldsOf(await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/attachments`, new FormData()), 400))).toEqual(['file']);
    const asRequester = await (await anne.get(`/api/servicedesk/tickets/${ticketId}`)).text();
    expect(asRequester).toContain('feilmelding.txt');
    expect(asRequester).not.toContain('lisens-intern.txt');
    expect((await json(await anne.get(`/api/servicedesk/attachments/${secret.id}`), 404)).error.code).toBe('not_found');
    expect((await json(await bjorn.get(`/api/servicedesk/attachments/${mine.id}`), 404)).error.code).toBe('not_found');
    const download = await anne.get(`/api/servicedesk/attachments/${mine.id}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('Feil 0x80070005');
    expect(await (await agent.get(`/api/servicedesk/attachments/${secret.id}`)).text()).toContain('HEMMELIG-NOTAT-7f3a');
    expect((await json(await agent.get(`/api/servicedesk/tickets/${ticketId}`), 200)).attachments).toHaveLength(2);
  });

  it('solves, logs contact attempts, refuses a second survey and reopens', async () => {
    expect((await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'telefon' }), 409)).error.code).toBe('conflict');
    await json(await agent.patch(`/api/servicedesk/tickets/${ticketId}`, { status: 'lost', revision: await revisionOf(ticketId) }), 200);
    expect(fieldsOf(await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'brevdue' }), 400))).toEqual(['method']);
    expect(fieldsOf(await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'teams', at: 'i går' }), 400))).toEqual(['at']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(fieldsOf(await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'teams', at: future }), 400))).toEqual(['at']);
    expect(fieldsOf(await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'teams', at: '2020-01-01T10:00:00+01:00' }), 400))).toEqual(['at']);
    const attempt = await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/contact-attempts`, { method: 'teams', note: 'Ikke svar' }), 201);
    expect(attempt).toMatchObject({ kind: 'contact_attempt', internal: true, data: { method: 'teams', note: 'Ikke svar' } });
    expect(await (await anne.get(`/api/servicedesk/tickets/${ticketId}`)).text()).not.toContain('Ikke svar');
    // Only the requester confirms (confirm.test.ts has the rest of the rule).
    expect((await json(await agent.post(`/api/servicedesk/tickets/${ticketId}/confirm`), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/survey`, { score: 7 }), 400))).toEqual(['score']);
    expect(await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/survey`, { score: 5, comment: 'Rask hjelp' }), 201)).toMatchObject({ score: 5, comment: 'Rask hjelp' });
    // Answering the survey on a solved ticket confirms it: closed, no 3-2-1.
    expect((await json(await anne.get(`/api/servicedesk/tickets/${ticketId}`), 200)).status).toBe('lukket');
    expect((await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/survey`, { score: 1 }), 409)).error.code).toBe('conflict');
    const reopened = await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/reopen`, { reason: 'Virker ikke likevel' }), 200);
    expect(reopened).toMatchObject({ status: 'under_arbeid', survey: { score: 5 } });
    expect((await json(await anne.post(`/api/servicedesk/tickets/${ticketId}/reopen`, {}), 409)).error.code).toBe('conflict');
  });

  it('logs phone calls under the phone policy', async () => {
    const call = { category: 'Infrastruktur', title: 'Nett nede', description: 'Hele rådhuset', municipalityId: f.molde.id, requesterName: 'Sentralbord' };
    const bad = await json(await agent.post('/api/servicedesk/phone-calls', { ...call, priority: 'lav', solvedOnCall: true }), 400);
    expect(fieldsOf(bad)).toEqual(['solvedOnCall']);
    expect(fieldsOf(await json(await agent.post('/api/servicedesk/phone-calls', { title: 'x' }), 400))).toEqual(['category', 'description', 'municipalityId', 'priority', 'requesterName']);
    const solved = await json(await agent.post('/api/servicedesk/phone-calls', { ...call, priority: 'kritisk', solvedOnCall: true }), 201);
    expect(solved).toMatchObject({ channel: 'telefon', status: 'lost', priority: 'kritisk', sla: { resolution: { met: true } } });
  });
});

describe('rules, teams, sharing and jobs', () => {
  it('keeps the policy as validated data and writes nothing when it is wrong', async () => {
    // The fixture stores ROR-IKT's rules; without them the cooperation runs on the neutral default.
    expect(await json(await agent.get(`/api/servicedesk/policy?cooperationId=${f.coop.id}`), 200))
      .toMatchObject({ isDefault: false, revision: 1, document: { reopenWindowDays: 14, closeRule: { attempts: 3, days: 2 }, phoneSolvablePriorities: ['hoy', 'kritisk'] } });
    await database.db.delete(sdPolicies);
    const audited = (await listAudit(database.db, { entity: 'sd_policy' })).length;
    const got = await json(await agent.get(`/api/servicedesk/policy?cooperationId=${f.coop.id}`), 200);
    expect(got).toMatchObject({ isDefault: true, revision: 0, document: { categories: ['Generelt'], survey: { enabled: true } } });
    expect(got.document.categories).not.toContain('Fagapplikasjoner');
    const broken = { ...DEMO_POLICY, targets: { ...DEMO_POLICY.targets, lav: { ...DEMO_POLICY.targets.lav, calendar: 'finnes-ikke' } }, pausedStatuses: ['lost'] };
    const bad = await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: broken, revision: 0 }), 400);
    expect(fieldsOf(bad)).toEqual(['document.pausedStatuses.0', 'document.targets.lav.calendar']);
    expect(fieldsOf(await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: DEMO_POLICY }), 400))).toEqual(['revision']);
    expect(await database.db.select().from(sdPolicies)).toEqual([]);
    const saved = await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: { ...DEMO_POLICY, reopenWindowDays: 30 }, revision: 0 }), 200);
    expect(saved).toMatchObject({ isDefault: false, revision: 1, document: { reopenWindowDays: 30 } });
    // A second admin who opened the defaults before that save is refused, and nothing of theirs is kept.
    const late = await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: { ...DEMO_POLICY, reopenWindowDays: 2 }, revision: 0 }), 409);
    expect(late).toMatchObject({ error: { code: 'stale', current: { revision: 1 } } });
    expect((await listAudit(database.db, { entity: 'sd_policy' }))).toHaveLength(audited + 1);
    // Two saves on the same revision at once: one wins.
    const both = await Promise.all([7, 8].map((days) => admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: { ...DEMO_POLICY, reopenWindowDays: days }, revision: 1 })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, document: { ...DEMO_POLICY, reopenWindowDays: 30 }, revision: 2 }), 200))
      .toMatchObject({ revision: 3 });
    const perMunicipality = await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, municipalityId: f.aukra.id, document: DEMO_POLICY, revision: 0 }), 200);
    expect(perMunicipality.isDefault).toBe(false);
    // A municipality without rules of its own shows the cooperation's.
    expect(await json(await agent.get(`/api/servicedesk/policy?cooperationId=${f.coop.id}&municipalityId=${f.molde.id}`), 200))
      .toMatchObject({ isDefault: true, revision: 0, document: { reopenWindowDays: 30 } });
  });

  it('creates teams of desk staff and fills the team queue', async () => {
    expect(fieldsOf(await json(await admin.post('/api/servicedesk/teams', { cooperationId: f.coop.id, name: 'Førstelinje', memberUserIds: [f.anne.id] }), 400))).toEqual(['memberUserIds']);
    const team = await json(await admin.post('/api/servicedesk/teams', { cooperationId: f.coop.id, name: 'Førstelinje', memberUserIds: [f.agent.id] }), 201);
    expect(team).toMatchObject({ name: 'Førstelinje', memberUserIds: [f.agent.id] });
    expect((await json(await agent.get('/api/servicedesk/teams'), 200)).teams).toHaveLength(1);
    const t = await json(await agent.post('/api/servicedesk/tickets', { type: 'annet', category: 'Rådgiving', title: 'Råd', description: 'Spørsmål', municipalityId: f.molde.id, requesterName: 'X', channel: 'chat' }), 201);
    await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { teamId: team.id, revision: t.revision }), 200);
    const queue = await json(await agent.get('/api/servicedesk/tickets?queue=team'), 200);
    expect(queue.tickets.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await json(await agent.get('/api/servicedesk/tickets?queue=unassigned'), 200)).tickets.map((x: { id: string }) => x.id)).toContain(t.id);
  });

  it('bulk-assigns all or nothing', async () => {
    const mk = async (title: string) => (await json(await agent.post('/api/servicedesk/tickets', { type: 'annet', category: 'Rådgiving', title, description: 'd', municipalityId: f.aukra.id, requesterName: 'Y' }), 201)).id as string;
    const a = await mk('Bulk A');
    const b = await mk('Bulk B');
    expect(fieldsOf(await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: [] }), 400))).toEqual(['assigneeUserId', 'ticketIds']);
    const before = await counts();
    expect((await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: [a, randomUUID(), b], assigneeUserId: f.agent2.id }), 404)).error.code).toBe('not_found');
    expect(await counts()).toEqual(before);
    expect((await json(await agent.get(`/api/servicedesk/tickets/${a}`), 200)).assigneeUserId).toBeNull();
    expect(await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: [a, b, a], assigneeUserId: f.agent2.id }), 200)).toEqual({ tickets: 2, changed: 2 });
    expect(await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: [a, b], assigneeUserId: f.agent2.id }), 200)).toEqual({ tickets: 2, changed: 0 });
    expect((await json(await agent.get(`/api/servicedesk/tickets/${b}`), 200)).assigneeUserId).toBe(f.agent2.id);
  });

  it('shares a municipality’s tickets with one portal user', async () => {
    expect(fieldsOf(await json(await admin.put(`/api/servicedesk/portal-sharing/${f.agent.id}`, { seesMunicipality: true }), 400))).toEqual(['userId']);
    expect(await json(await admin.put(`/api/servicedesk/portal-sharing/${f.bjorn.id}`, { seesMunicipality: true }), 200)).toEqual({ userId: f.bjorn.id, seesMunicipality: true });
    expect((await json(await bjorn.get('/api/servicedesk/tickets'), 200)).tickets.length).toBeGreaterThan(0);
  });

  it('recomputes SLA as an audited admin action and runs the 3-2-1 job on demand', async () => {
    const result = await json(await admin.post('/api/servicedesk/sla/recompute', { cooperationId: f.coop.id }), 200);
    expect(result).toEqual({ tickets: expect.any(Number), changed: expect.any(Number) });
    expect(result.tickets).toBeGreaterThan(0);
    expect((await listAudit(database.db, { entity: 'sd_sla' }))[0]).toMatchObject({ action: 'recompute', actorName: 'Admin' });
    expect(fieldsOf(await json(await admin.post('/api/servicedesk/sla/recompute', { createdFrom: 'i går' }), 400))).toEqual(['createdFrom']);
    expect(await json(await admin.post('/api/servicedesk/jobs/close-unconfirmed'), 200)).toEqual({ ran: true, closed: [] });
  });
});


describe('the test clock (SAMRAD_TEST_CLOCK=on, end-to-end tests only)', () => {
  it('lets a test run the 3-2-1 rule over two days through HTTP, and is ignored when off', async () => {
    const clocked = createTestApp(database.db, { SAMRAD_TEST_CLOCK: 'on', PUBLIC_URL: 'https://samrad.example.no' });
    const desk = await new TestClient(clocked).login('agent@ror.no', PASSWORD);
    const requester = await new TestClient(clocked).login('cecilie@aukra.kommune.no', PASSWORD);
    const at = (iso: string) => ({ 'x-samrad-now': iso });
    const created = await json(await requester.request('POST', '/api/servicedesk/tickets', { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Word krasjer', description: 'Ved lagring' }, at('2025-06-02T09:00:00+02:00')), 201);
    expect(created.createdAt).toBe('2025-06-02T07:00:00.000Z');
    await json(await desk.request('PATCH', `/api/servicedesk/tickets/${created.id}`, { status: 'lost', revision: 1 }, at('2025-06-02T10:00:00+02:00')), 200);
    for (const when of ['2025-06-02T11:00:00+02:00', '2025-06-02T14:00:00+02:00', '2025-06-03T09:00:00+02:00']) {
      await json(await desk.request('POST', `/api/servicedesk/tickets/${created.id}/contact-attempts`, { method: 'telefon' }, at(when)), 201);
    }
    const adminClock = await new TestClient(clocked).login('admin@ror.no', PASSWORD);
    const run = await json(await adminClock.request('POST', '/api/servicedesk/jobs/close-unconfirmed', {}, at('2025-06-03T09:05:00+02:00')), 200);
    expect(run.closed).toContain(created.number);
    const mails = (await database.db.select().from(outbox)).filter((m) => m.to === 'cecilie@aukra.kommune.no' && m.subject.includes(`Sak ${created.number} er lukket`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`https://samrad.example.no/kundeservice/saker/${created.id}?gjenapne=1`);
    const reopened = await json(await requester.request('POST', `/api/servicedesk/tickets/${created.id}/reopen`, {}, at('2025-06-05T08:00:00+02:00')), 200);
    expect(reopened.status).toBe('under_arbeid');
    expect(fieldsOf(await json(await requester.request('GET', '/api/servicedesk/tickets', undefined, at('i morgen')), 400))).toEqual(['x-samrad-now']);
    // Without the flag the header means nothing.
    const real = await json(await anne.request('POST', '/api/servicedesk/tickets', { type: 'annet', category: 'Rådgiving', title: 'Klokke', description: 'd' }, at('2020-01-01T00:00:00Z')), 201);
    expect(real.createdAt.startsWith('2020')).toBe(false);
  });
});
