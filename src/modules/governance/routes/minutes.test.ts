// Contract tests for attendance, decisions with votes and minutes approval: 401/403/400/404, votes only
// from voting members, approval only through the next meeting's standing case 002 with a decision, the
// stored PDF/A served byte for byte, and 409 for every edit after approval. Each test starts from a fresh
// cycle and brings the meeting to the state it needs (recordAttendance, recordDecisions, approveM6).
import { createHash, randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { fieldsOf, json, type TestClient } from '../../../test/app.js';
import type { FileStore } from '../../../lib/files/store.js';
import { flatText } from '../../../documents/pdf-text.js';
import { auditLog } from '../../audit/schema.js';
import { archivedDocuments, attendance, cases, caseVotes, meetings } from '../schema.js';
import { SECRET, startCycle, type TCycle } from './cycle-fixture.js';
import { putFresh } from './versions.fixture.js';

let database: TestDatabase;
let files: FileStore;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;

beforeEach(async () => {
  ({ database, files, cycle, anon, staff, council, muni } = await startCycle());
});
afterEach(() => database.drop());
const put = (client: TestClient, path: string, body: Record<string, unknown>) => putFresh(database.db)(client, path, body);

/** 2023 M6's attendance: two present, one absent (forfall), an observer, the administration and the referent. */
const attendanceEntries = () => [
  { personId: cycle.people.aasen.id, role: 'til_stede', municipalityId: cycle.molde.id },
  { personId: cycle.people.ersvik.id, role: 'til_stede', municipalityId: cycle.aukra.id },
  { personId: cycle.people.skalhavn.id, role: 'forfall' },
  { personId: cycle.people.myhre.id, role: 'observator', note: 'Tillitsvalgt' },
  { personId: cycle.people.gjortz.id, role: 'administrasjon', note: 'Daglig leder ROR-IKT' },
  { personId: cycle.people.gjortz.id, role: 'referent' },
];
const recordAttendance = async () => json(await put(staff, `/api/meetings/${cycle.m6.id}/attendance`, { entries: attendanceEntries() }), 200);

/** 2023 M6's decisions: case 003 by vote (1 for, 1 blank), 001 by agreement, the exempt 004 with its secrets. */
async function recordDecisions() {
  const body = await json(await put(staff, `/api/cases/${cycle.cases.c3.id}/decision`, {
    decisionKind: 'vedtak', decisionText: 'Rapporten tas til orientering.', treatment: 'Daglig leder orienterte.',
    votes: [{ personId: cycle.people.aasen.id, choice: 'for' }, { personId: cycle.people.ersvik.id, choice: 'blank' }],
  }), 200);
  await json(await put(staff, `/api/cases/${cycle.cases.c1.id}/decision`, { decisionKind: 'enighet', decisionText: 'Innkalling og saksliste godkjent' }), 200);
  await json(await put(staff, `/api/cases/${cycle.cases.c4.id}/decision`, { decisionKind: 'vedtak', decisionText: SECRET.decision, treatment: SECRET.treatment }), 200);
  return body;
}

/** 2024 M1's case 002 decides that 2023 M6's minutes are approved. */
const decideApproval = async () =>
  json(await put(staff, `/api/cases/${cycle.cases.m1Referat.id}/decision`, { decisionKind: 'enighet', decisionText: 'Møtereferat fra møtet 13.12.2023 godkjent' }), 200);

/** 2023 M6 held, decided and its minutes approved by 2024/M1-002. */
async function approveM6() {
  await recordAttendance();
  await recordDecisions();
  await decideApproval();
  return json(await staff.post(`/api/meetings/${cycle.m6.id}/minutes/approve`, { approvedByCaseId: cycle.cases.m1Referat.id }), 200);
}

const sha = (b: Buffer | ArrayBuffer) => createHash('sha256').update(Buffer.from(b as ArrayBuffer)).digest('hex');

describe('PUT /api/meetings/{id}/attendance', () => {
  const url = () => `/api/meetings/${cycle.m6.id}/attendance`;
  const entries = attendanceEntries;

  it('refuses anonymous (401), council and municipality users (403)', async () => {
    await json(await put(anon, url(), { entries: [] }), 401);
    await json(await put(council, url(), { entries: [] }), 403);
    await json(await put(muni, url(), { entries: [] }), 403);
  });

  it('refuses bad input with field-level messages (400) and unknown meetings (404)', async () => {
    const bad = await json(await put(staff, url(), { entries: [{ personId: 'x', role: 'sjef' }] }), 400);
    expect(fieldsOf(bad).sort()).toEqual(['entries.0.personId', 'entries.0.role']);
    const unknown = await json(await put(staff, url(), { entries: [{ personId: randomUUID(), role: 'til_stede' }] }), 400);
    expect(fieldsOf(unknown)).toEqual(['entries.0.personId']);
    const badMunicipality = await json(await put(staff, url(), { entries: [{ personId: cycle.people.aasen.id, role: 'til_stede', municipalityId: randomUUID() }] }), 400);
    expect(badMunicipality.error.fields).toEqual([{ path: 'entries.0.municipalityId', message: 'Kommunen finnes ikke' }]);
    const dup = await json(await put(staff, url(), { entries: [entries()[0], entries()[0]] }), 400);
    expect(fieldsOf(dup)).toEqual(['entries.1']);
    await json(await put(staff, `/api/meetings/${randomUUID()}/attendance`, { entries: [] }), 404);
    expect(await database.db.select().from(attendance)).toEqual([]);
  });

  it('records the attendance and marks the meeting held', async () => {
    const body = await json(await put(staff, url(), { entries: entries() }), 200);
    expect(body.entries).toHaveLength(6);
    expect(body.entries[3]).toEqual({ personId: cycle.people.myhre.id, role: 'observator', municipalityId: null, note: 'Tillitsvalgt' });
    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(m!.status).toBe('avholdt');
    // Replacing keeps one list, not two.
    await json(await put(staff, url(), { entries: entries() }), 200);
    expect(await database.db.select().from(attendance).where(eq(attendance.meetingId, cycle.m6.id))).toHaveLength(6);
  });
});

describe('PUT /api/cases/{id}/decision', () => {
  const url = (id = cycle.cases.c3.id) => `/api/cases/${id}/decision`;

  it('refuses anonymous (401), council (403), bad input (400) and unknown cases (404)', async () => {
    await json(await put(anon, url(), { decisionKind: 'enighet', decisionText: 'x' }), 401);
    await json(await put(council, url(), { decisionKind: 'enighet', decisionText: 'x' }), 403);
    const bad = await json(await put(staff, url(), { decisionKind: 'beslutning', decisionText: '' }), 400);
    expect(fieldsOf(bad).sort()).toEqual(['decisionKind', 'decisionText']);
    const badVote = await json(await put(staff, url(), { decisionKind: 'vedtak', decisionText: 'x', votes: [{ personId: cycle.people.aasen.id, choice: 'ja' }] }), 400);
    expect(fieldsOf(badVote)).toEqual(['votes.0.choice']);
    await json(await put(staff, url(randomUUID()), { decisionKind: 'enighet', decisionText: 'x' }), 404);
  });

  it('takes votes only from voting members of the body, and writes nothing otherwise', async () => {
    for (const personId of [cycle.people.outsider.id, cycle.people.myhre.id, cycle.people.former.id]) {
      const res = await json(await put(staff, url(), {
        decisionKind: 'vedtak', decisionText: 'Vedtatt', votes: [{ personId: cycle.people.aasen.id, choice: 'for' }, { personId, choice: 'mot' }],
      }), 400);
      expect(res.error.fields).toEqual([{ path: 'votes.1.personId', message: 'Bare medlemmer av organet kan stemme' }]);
    }
    const [c] = await database.db.select().from(cases).where(eq(cases.id, cycle.cases.c3.id));
    expect(c!.decisionText).toBeNull();
    expect(await database.db.select().from(caseVotes)).toEqual([]);
  });

  it('refuses a vote from a member recorded as absent (forfall), writing nothing', async () => {
    await recordAttendance();
    const res = await json(await put(staff, url(), {
      decisionKind: 'vedtak', decisionText: 'Vedtatt',
      votes: [{ personId: cycle.people.aasen.id, choice: 'for' }, { personId: cycle.people.skalhavn.id, choice: 'blank' }],
    }), 400);
    expect(res.error.fields).toEqual([{ path: 'votes.1.personId', message: 'Medlemmet har forfall og kan ikke stemme' }]);
    const [c] = await database.db.select().from(cases).where(eq(cases.id, cycle.cases.c3.id));
    expect(c!.decisionText).toBeNull();
  });

  it('records the decision, the treatment and the votes', async () => {
    await recordAttendance();
    const body = await recordDecisions();
    expect(body).toMatchObject({ caseId: cycle.cases.c3.id, decisionKind: 'vedtak', voted: true, votes: { for: 1, against: 0, blank: 1 } });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, cycle.cases.c3.id));
    expect(audit.at(-1)!.after).toMatchObject({ decisionText: 'Rapporten tas til orientering.' });
  });
});

describe('POST /api/meetings/{id}/minutes/approve', () => {
  const url = (id = cycle.m6.id) => `/api/meetings/${id}/minutes/approve`;

  it('refuses anonymous (401), council (403), bad input (400) and unknown meetings (404)', async () => {
    await json(await anon.post(url(), { approvedByCaseId: cycle.cases.m1Referat.id }), 401);
    await json(await council.post(url(), { approvedByCaseId: cycle.cases.m1Referat.id }), 403);
    expect(fieldsOf(await json(await staff.post(url(), {}), 400))).toEqual(['approvedByCaseId']);
    await json(await staff.post(url(randomUUID()), { approvedByCaseId: cycle.cases.m1Referat.id }), 404);
  });

  it('accepts only the standing case 002 of the next meeting of the same body, with a decision', async () => {
    await recordAttendance();
    await recordDecisions();
    const refuse = async (caseId: string, message: string) => {
      const res = await json(await staff.post(url(), { approvedByCaseId: caseId }), 400);
      expect(res.error.fields).toEqual([{ path: 'approvedByCaseId', message }]);
    };
    await refuse(randomUUID(), 'Saken som godkjenner referatet finnes ikke');
    await refuse(cycle.cases.m1Other.id, 'Referatet godkjennes i en fast sak «Godkjenning av møtereferat»');
    await refuse(cycle.cases.otherReferat.id, 'Saken hører til et annet organ');
    await refuse(cycle.cases.c2.id, 'Referatet godkjennes i neste møte i samme organ');
    // 2024 M2 comes after 2024 M1, so its case 002 may approve M1's minutes but not those of 2023 M6.
    const [m2Referat] = await database.db.insert(cases).values({
      bodyId: cycle.m2.bodyId, meetingId: cycle.m2.id, year: 2024, position: 2, sequence: 2, number: '2024/M2-002',
      title: 'Godkjenning av møtereferat', caseType: 'vedtak', standing: 'referat', decisionKind: 'enighet', decisionText: 'Godkjent',
    }).returning();
    await refuse(m2Referat!.id, 'Referatet godkjennes i neste møte i samme organ');
    await database.db.delete(cases).where(eq(cases.id, m2Referat!.id));
    await refuse(cycle.cases.m1Referat.id, 'Sak 2024/M1-002 har ikke noe vedtak ennå');
    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(m).toMatchObject({ status: 'avholdt', minutesApprovedAt: null, minutesPdfSha256: null });
    expect(await database.db.select().from(archivedDocuments)).toEqual([]);
  });

  it('approves: stores the PDF/A with its SHA-256 and serves it byte for byte', async () => {
    await recordAttendance();
    await recordDecisions();
    await decideApproval();
    const body = await json(await staff.post(url(), { approvedByCaseId: cycle.cases.m1Referat.id }), 200);
    expect(body).toMatchObject({ meetingId: cycle.m6.id, status: 'godkjent', approvedByCaseNumber: '2024/M1-002', minutesPdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(m).toMatchObject({ status: 'godkjent', minutesPdfSha256: body.minutesPdfSha256, minutesApprovedByCaseId: cycle.cases.m1Referat.id });
    const stored = await database.db.select().from(archivedDocuments).where(eq(archivedDocuments.meetingId, cycle.m6.id));
    const full = stored.find((d) => d.kind === 'minutes')!;
    const fullPdf = await buffer(await files.open(full.sha256));
    expect(sha(fullPdf)).toBe(body.minutesPdfSha256);
    expect(full.size).toBe(fullPdf.length);
    expect(fullPdf.toString('latin1')).toMatch(/pdfaid:part(>|=")2/);

    const res = await council.get(`/api/meetings/${cycle.m6.id}/minutes.pdf`);
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    expect(sha(served)).toBe(body.minutesPdfSha256);
    const text = flatText(served);
    expect(text).toContain('Godkjent i sak 2024/M1-002 i møtet 14.02.2024');
    expect(text).toContain('Vedtak: Rapporten tas til orientering.');
    expect(text).toContain('Votering: 1 for, 0 mot, 1 blanke');
    expect(text).toContain(SECRET.decision);

    // The public copy was stored at the same time, without the exempt content.
    const pub = Buffer.from(await (await anon.get(`/api/meetings/${cycle.m6.id}/minutes.pdf`)).arrayBuffer());
    expect(sha(pub)).toBe(stored.find((d) => d.kind === 'minutes-public')!.sha256);
    const pubText = flatText(pub);
    for (const secret of Object.values(SECRET)) expect(pubText).not.toContain(secret);
    expect(pubText).toContain('2023/M6-004 - Anskaffelse av sak-arkivsystem');
  });

  it('refuses every edit of approved minutes with 409, and a second approval', async () => {
    await approveM6();
    const locked = 'Referatet er godkjent; rettelser krever nytt vedtak';
    expect((await json(await put(staff, `/api/meetings/${cycle.m6.id}/attendance`, { entries: [] }), 409)).error.message).toBe(locked);
    expect((await json(await put(staff, `/api/cases/${cycle.cases.c3.id}/decision`, { decisionKind: 'enighet', decisionText: 'Endret' }), 409)).error.message).toBe(locked);
    await json(await staff.post(url(), { approvedByCaseId: cycle.cases.m1Referat.id }), 409);
    expect(await database.db.select().from(attendance).where(eq(attendance.meetingId, cycle.m6.id))).toHaveLength(6);
    const [c] = await database.db.select().from(cases).where(eq(cases.id, cycle.cases.c3.id));
    expect(c!.decisionText).toBe('Rapporten tas til orientering.');
  });

  it('keeps what approved the minutes: its decision cannot change, its case and meeting cannot go', async () => {
    await approveM6();
    const res = await json(await put(staff, `/api/cases/${cycle.cases.m1Referat.id}/decision`, { decisionKind: 'enighet', decisionText: 'Ikke godkjent likevel' }), 409);
    expect(res.error.message).toBe('Vedtaket godkjente referatet fra møte 2023/M6; det kan ikke endres');
    await expect(database.db.delete(cases).where(eq(cases.id, cycle.cases.m1Referat.id))).rejects.toThrow();
    await expect(database.db.delete(meetings).where(eq(meetings.id, cycle.m1.id))).rejects.toThrow();
    const [c] = await database.db.select().from(cases).where(eq(cases.id, cycle.cases.m1Referat.id));
    expect(c!.decisionText).toBe('Møtereferat fra møtet 13.12.2023 godkjent');
  });

  it('reopens approved minutes for correction only by a decision of a later meeting, keeping the approved PDFs', async () => {
    await approveM6();
    const reopen = (client: TestClient, body: unknown, id = cycle.m6.id) => client.post(`/api/meetings/${id}/minutes/reopen`, body);
    await json(await reopen(anon, { decidedByCaseId: cycle.cases.m1Other.id }), 401);
    await json(await reopen(council, { decidedByCaseId: cycle.cases.m1Other.id }), 403);
    expect(fieldsOf(await json(await reopen(staff, {}), 400))).toEqual(['decidedByCaseId']);
    await json(await reopen(staff, { decidedByCaseId: cycle.cases.m1Other.id }, randomUUID()), 404);
    const refuse = async (caseId: string, message: string) => {
      expect((await json(await reopen(staff, { decidedByCaseId: caseId }), 400)).error.fields).toEqual([{ path: 'decidedByCaseId', message }]);
    };
    await refuse(cycle.cases.c3.id, 'Retting vedtas i et senere møte');
    await refuse(cycle.cases.otherReferat.id, 'Saken hører til et annet organ');
    await refuse(cycle.cases.m1Other.id, 'Sak 2024/M1-003 har ikke noe vedtak ennå');
    const [before] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(before).toMatchObject({ status: 'godkjent' });

    await json(await put(staff, `/api/cases/${cycle.cases.m1Other.id}/decision`, { decisionKind: 'vedtak', decisionText: 'Referatet fra 13.12.2023 rettes: Myhre var til stede.' }), 200);
    const reopened = await json(await reopen(staff, { decidedByCaseId: cycle.cases.m1Other.id }), 200);
    expect(reopened).toMatchObject({ status: 'avholdt', decidedByCaseNumber: '2024/M1-003', supersededPdfSha256: before!.minutesPdfSha256 });
    const kinds = (await database.db.select().from(archivedDocuments).where(eq(archivedDocuments.meetingId, cycle.m6.id))).map((d) => d.kind);
    expect(kinds).toHaveLength(2);
    expect(kinds.every((k) => /^minutes(-public)?@\d{4}-/.test(k))).toBe(true);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'reopen_minutes'));
    expect(audit).toHaveLength(1);

    // Now the correction can be made, and the corrected minutes approved again by the next meeting's 002.
    await json(await put(staff, `/api/meetings/${cycle.m6.id}/attendance`, { entries: [
      { personId: cycle.people.aasen.id, role: 'til_stede', municipalityId: cycle.molde.id },
      { personId: cycle.people.myhre.id, role: 'til_stede' },
    ] }), 200);
    const again = await json(await staff.post(url(), { approvedByCaseId: cycle.cases.m1Referat.id }), 200);
    expect(again.minutesPdfSha256).not.toBe(before!.minutesPdfSha256);
    expect(await database.db.select().from(archivedDocuments).where(eq(archivedDocuments.meetingId, cycle.m6.id))).toHaveLength(4);
    await json(await reopen(staff, { decidedByCaseId: cycle.cases.m1Other.id }, cycle.m2.id), 409);
  });

  it('approves only minutes of a meeting with attendance recorded, by a meeting already held', async () => {
    // 2024 M1 has no attendance yet; 2024 M2 lies ahead of the clock passed in below.
    const [m2Referat] = await database.db.insert(cases).values({
      bodyId: cycle.m2.bodyId, meetingId: cycle.m2.id, year: 2024, position: 2, sequence: 2, number: '2024/M2-002',
      title: 'Godkjenning av møtereferat', caseType: 'vedtak', standing: 'referat', decisionKind: 'enighet', decisionText: 'Godkjent',
    }).returning();
    const noAttendance = await json(await staff.post(`/api/meetings/${cycle.m1.id}/minutes/approve`, { approvedByCaseId: m2Referat!.id }), 409);
    expect(noAttendance.error.message).toBe('Møtet har ikke registrert oppmøte; referatet kan ikke godkjennes ennå');
    const [m1] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m1.id));
    expect(m1!.minutesApprovedAt).toBeNull();
    await database.db.delete(cases).where(eq(cases.id, m2Referat!.id));
  });

  it('freezes what the approval cites on the approving meeting: its date, year and number, its case number, the meeting itself (409)', async () => {
    await approveM6();
    const m1 = cycle.m1.id;
    const [approved] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(approved!.minutesApprovedByCaseId).toBe(cycle.cases.m1Referat.id);
    const current = async () => (await json(await staff.get(`/api/meetings/${m1}`), 200)).meeting;
    const auditCount = async () => (await database.db.select({ id: auditLog.id }).from(auditLog)).length;
    const before = await current();
    const audited = await auditCount();
    for (const patch of [{ date: '2024-02-15' }, { date: '2025-02-14' }, { number: 7 }, { firstCaseSequence: 5 }, { date: '2024-02-13', place: 'Et annet sted' }]) {
      const refused = await json(await staff.patch(`/api/meetings/${m1}`, { revision: before.revision, ...patch }), 409);
      expect(refused.error.message, JSON.stringify(patch)).toBe('Møtet godkjente referatet fra møte 2023/M6 i sak 2024/M1-002; dato og møtenummer står i godkjenningen og kan ikke endres');
    }
    const refusedDelete = await json(await staff.delete(`/api/meetings/${m1}`), 409);
    expect(refusedDelete.error.message).toMatch(/godkjente referatet fra møte 2023\/M6/);
    expect(await current()).toMatchObject({ date: '2024-02-14', year: 2024, number: 1, place: before.place, revision: before.revision });
    expect(await auditCount()).toBe(audited);

    // What the approval does not cite may still be corrected; sending the same date again is no move.
    const moved = await json(await staff.patch(`/api/meetings/${m1}`, { revision: before.revision, date: '2024-02-14', startTime: '09:00', place: 'Molde rådhus' }), 200);
    expect(moved.meeting).toMatchObject({ date: '2024-02-14', startTime: '09:00', place: 'Molde rådhus' });
    // The approving case keeps the number the minutes cite when the agenda around it changes.
    const view = await json(await staff.get(`/api/meetings/${m1}`), 200);
    const order = view.cases.map((c: { id: string }) => c.id).reverse();
    expect(order[0]).not.toBe(cycle.cases.m1Referat.id);
    await json(await put(staff, `/api/meetings/${m1}/agenda`, { order }), 200);
    const [referat] = await database.db.select().from(cases).where(eq(cases.id, cycle.cases.m1Referat.id));
    expect(referat).toMatchObject({ number: '2024/M1-002', numberLocked: true });
  });
});
