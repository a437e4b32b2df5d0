// Contract tests for sending the notice and reading its versions: 401/403/400/404, version 1 frozen with
// mail to the current members (PDF and calendar invitation attached), 409 for a send without changes,
// version 2 listing the changes in words, and nothing half-written when a send is refused.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { json, type TestClient } from '../../../test/app.js';
import { pdfText } from '../../../documents/pdf-text.js';
import { auditLog } from '../../audit/schema.js';
import { outbox } from '../../mail/schema.js';
import { bodies } from '../../org/schema.js';
import { diffNoticeSnapshots, redactSnapshotPair, type TNoticeSnapshot } from '../notice.service.js';
import { casePresenters, cases, meetings, noticeVersions } from '../schema.js';
import { SECRET, startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;

beforeAll(async () => {
  ({ database, cycle, anon, staff, council, muni } = await startCycle());
});
afterAll(() => database.drop());

describe('POST /api/meetings/{id}/notice', () => {
  it('refuses anonymous callers (401), council members (403), a bad id (400) and an unknown meeting (404)', async () => {
    expect((await json(await anon.post(`/api/meetings/${cycle.m6.id}/notice`), 401)).error.code).toBe('unauthorized');
    expect((await json(await council.post(`/api/meetings/${cycle.m6.id}/notice`), 403)).error.code).toBe('forbidden');
    expect((await json(await muni.post(`/api/meetings/${cycle.m6.id}/notice`), 403)).error.code).toBe('forbidden');
    const bad = await json(await staff.post('/api/meetings/not-a-uuid/notice'), 400);
    expect(bad.error.fields.map((f: { path: string }) => f.path)).toEqual(['id']);
    expect((await json(await staff.post(`/api/meetings/${randomUUID()}/notice`), 404)).error.message).toBe('Møtet finnes ikke');
  });

  it('sends version 1 to every current member with the agenda, the notice PDF and an invitation; locks the numbers', async () => {
    const body = await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
    expect(body).toMatchObject({ version: 1, changes: [] });
    expect(body.recipients.sort()).toEqual([
      'kristian.skalhavn@example.no', 'marianne.aasen@example.no', 'per.ersvik@example.no', 'randi.myhre@example.no',
    ]);

    const mails = await database.db.select().from(outbox);
    expect(mails.map((m) => m.to).sort()).toEqual(body.recipients.sort());
    const mail = mails[0]!;
    expect(mail.subject).toBe('Innkalling: Samarbeidsrådet for ROR-IKT 13.12.2023');
    expect(mail.text).toContain('Dato: 13.12.2023');
    expect(mail.text).toContain('Tid: 08:15 - 11:00');
    expect(mail.text).toContain('2023/M6-003 Økonomi- og aktivitetsrapport (Gjørtz, Fred)');
    // The mail body names an exempt case by its public title only.
    expect(mail.text).toContain('2023/M6-004 Anskaffelse av sak-arkivsystem (Unntatt offentlighet, offl. § 23 første ledd)');
    expect(mail.text).not.toContain(SECRET.title);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'text/calendar; method=REQUEST; charset=UTF-8']);
    const pdf = Buffer.from(mail.attachments[0]!.contentBase64, 'base64');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Agenda - 13. desember 2023');
    expect(text).toContain('2023/M6-003 Økonomi- og aktivitetsrapport');
    expect(text).toContain(SECRET.title); // members read the exempt case in full
    const ics = Buffer.from(mail.attachments[1]!.contentBase64, 'base64').toString('utf8').replace(/\r\n /g, '');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20231213T081500');
    expect(ics).toContain('SEQUENCE:0');

    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(m).toMatchObject({ status: 'innkalt', noticeVersion: 1 });
    const locked = await database.db.select({ locked: cases.numberLocked }).from(cases).where(eq(cases.meetingId, cycle.m6.id));
    expect(locked.every((c) => c.locked)).toBe(true);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'notice_version')));
    expect(audit).toHaveLength(1);
  });

  it('refuses to send again without changes (409) and sends nothing', async () => {
    const before = (await database.db.select().from(outbox)).length;
    const res = await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 409);
    expect(res.error.message).toBe('Ingen endringer siden versjon 1; innkallingen er ikke sendt på nytt');
    expect((await database.db.select().from(outbox)).length).toBe(before);
  });

  it('sends version 2 after changes, describing them in words', async () => {
    await database.db.update(cases).set({ title: 'Økonomi- og aktivitetsrapport per 1.12.2023' }).where(eq(cases.id, cycle.cases.c3.id));
    await database.db.update(meetings).set({ startTime: '09:00' }).where(eq(meetings.id, cycle.m6.id));
    await database.db.insert(cases).values({
      bodyId: cycle.body.id, meetingId: cycle.m6.id, year: 2023, position: 5, sequence: 5, number: '2023/M6-005',
      title: 'Orienteringssaker', caseType: 'orientering',
    });
    const body = await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
    expect(body.version).toBe(2);
    expect(body.changes).toEqual([
      'Tid endret: 08:15 - 11:00 → 09:00 - 11:00',
      'Tittel endret for 2023/M6-003: «Økonomi- og aktivitetsrapport» → «Økonomi- og aktivitetsrapport per 1.12.2023»',
      'Ny sak 2023/M6-005 Orienteringssaker',
    ]);
    const latest = (await database.db.select().from(outbox)).filter((m) => m.subject.startsWith('Endret innkalling (versjon 2)'));
    expect(latest).toHaveLength(4);
    expect(latest[0]!.text).toContain('Endringer siden versjon 1:\n- Tid endret: 08:15 - 11:00 → 09:00 - 11:00');
    expect(Buffer.from(latest[0]!.attachments[1]!.contentBase64, 'base64').toString()).toContain('SEQUENCE:1');
  });

  it('keeps an exempt case out of the mail text and the invitation, while the version records it in full', async () => {
    const [secret] = await database.db.insert(cases).values({
      bodyId: cycle.body.id, meetingId: cycle.m6.id, year: 2023, position: 6, sequence: 6, number: '2023/M6-006',
      title: 'Oppsigelse av HEMMELIGNAVN', caseType: 'vedtak', access: 'unntatt', publicTitle: 'Personalsak',
      legalBasisId: cycle.cases.c4.legalBasisId,
    }).returning();
    await database.db.insert(casePresenters).values({ caseId: secret!.id, personId: cycle.people.outsider.id, position: 1 });
    const body = await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
    expect(body.version).toBe(3);
    expect(body.changes).toContain('Ny sak 2023/M6-006 Oppsigelse av HEMMELIGNAVN');
    const mails = (await database.db.select().from(outbox)).filter((m) => m.subject.startsWith('Endret innkalling (versjon 3)'));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.text).toContain('- Ny sak 2023/M6-006 Personalsak');
      const ics = Buffer.from(mail.attachments[1]!.contentBase64, 'base64').toString();
      for (const leak of ['HEMMELIGNAVN', SECRET.title, `${cycle.people.outsider.familyName}, ${cycle.people.outsider.givenName}`]) {
        expect(mail.text).not.toContain(leak);
        expect(ics.replace(/\r\n[ \t]/g, '')).not.toContain(leak);
      }
    }
  });

  it('leaves nothing behind when refused: a body without e-mail addresses gets 409', async () => {
    const [lonely] = await database.db.insert(bodies).values({ cooperationId: cycle.body.cooperationId, name: 'Tomt organ' }).returning();
    const [m] = await database.db.insert(meetings).values({ bodyId: lonely!.id, year: 2024, number: 1, date: '2024-05-01', startTime: '10:00', place: 'Molde' }).returning();
    await database.db.insert(cases).values({ bodyId: lonely!.id, meetingId: m!.id, year: 2024, position: 1, sequence: 1, number: '2024/M1-001', title: 'Sak', caseType: 'vedtak' });
    const before = (await database.db.select().from(outbox)).length;
    const res = await json(await staff.post(`/api/meetings/${m!.id}/notice`), 409);
    expect(res.error.message).toContain('har e-postadresse');
    expect((await database.db.select().from(outbox)).length).toBe(before);
    expect(await database.db.select().from(noticeVersions).where(eq(noticeVersions.meetingId, m!.id))).toEqual([]);
    const [after] = await database.db.select().from(meetings).where(eq(meetings.id, m!.id));
    expect(after).toMatchObject({ status: 'planlagt', noticeVersion: 0 });
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, m!.id)))[0]!.numberLocked).toBe(false);
  });
});

describe('GET /api/meetings/{id}/notice/versions', () => {
  it('refuses anonymous (401) and municipality users (403); 400 for a bad id, 404 for an unknown meeting', async () => {
    await json(await anon.get(`/api/meetings/${cycle.m6.id}/notice/versions`), 401);
    await json(await muni.get(`/api/meetings/${cycle.m6.id}/notice/versions`), 403);
    await json(await staff.get('/api/meetings/nope/notice/versions'), 400);
    await json(await staff.get(`/api/meetings/${randomUUID()}/notice/versions`), 404);
  });

  it('lists the versions newest first for council members', async () => {
    const body = await json(await council.get(`/api/meetings/${cycle.m6.id}/notice/versions`), 200);
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(body.versions[1]).toMatchObject({ changes: expect.arrayContaining(['Ny sak 2023/M6-005 Orienteringssaker']) });
    expect(body.versions[2].snapshot.cases).toHaveLength(4);
    // Council members see how many got it, not their addresses.
    expect(body.versions[0]).toMatchObject({ recipients: [], recipientCount: 4 });
    const forStaff = await json(await staff.get(`/api/meetings/${cycle.m6.id}/notice/versions`), 200);
    expect(forStaff.versions[0].recipients).toHaveLength(4);
  });
});

describe('diffNoticeSnapshots', () => {
  const base: TNoticeSnapshot = {
    meeting: { date: '2023-12-13', startTime: '08:15', endTime: '11:00', place: 'Del' },
    cases: [
      { id: 'a', number: '2023/M6-001', title: 'A', caseType: 'vedtak', presenters: ['X'], description: '', proposal: '', access: 'offentlig', publicTitle: null, attachments: [] },
      { id: 'b', number: '2023/M6-002', title: 'B', caseType: 'vedtak', presenters: [], description: '', proposal: '', access: 'offentlig', publicTitle: null, attachments: ['a.pdf'] },
    ],
  };

  it('names date, place, removed cases, type, presenters, attachments, exemption and order', () => {
    const next: TNoticeSnapshot = {
      meeting: { ...base.meeting, date: '2023-12-14', place: 'Teams' },
      cases: [
        { ...base.cases[1]!, caseType: 'orientering', presenters: ['Y'], attachments: ['b.pdf'], access: 'unntatt', publicTitle: 'P' },
        { ...base.cases[0]! },
      ],
    };
    expect(diffNoticeSnapshots(base, next)).toEqual([
      'Dato endret: 13.12.2023 → 14.12.2023',
      'Sted endret: «Del» → «Teams»',
      'Sakstype endret for 2023/M6-002: Vedtak → Orientering',
      'Saksansvarlig endret for 2023/M6-002: ingen → Y',
      'Sak 2023/M6-002 er unntatt offentlighet',
      'Nytt vedlegg til 2023/M6-002: b.pdf',
      'Vedlegg fjernet fra 2023/M6-002: a.pdf',
      'Rekkefølgen på sakslisten er endret',
    ]);
    expect(diffNoticeSnapshots(base, { ...base, cases: [base.cases[0]!] })).toEqual(['Sak fjernet: 2023/M6-002 B']);
    expect(diffNoticeSnapshots(base, base)).toEqual([]);
  });

  it('compares an exempt case, once redacted, by what the public sees only: its number and public title', () => {
    const exempt = { ...base.cases[1]!, access: 'unntatt', publicTitle: 'Personalsak', title: 'Oppsigelse av HEMMELIG' };
    const prev: TNoticeSnapshot = { ...base, cases: [base.cases[0]!, exempt] };
    const next: TNoticeSnapshot = {
      ...base,
      cases: [base.cases[0]!, {
        ...exempt, title: 'Oppsigelse av HEMMELIG II', caseType: 'orientering', presenters: ['HEMMELIG'], description: 'x', proposal: 'y', attachments: ['hemmelig.pdf'],
      }],
    };
    const [redactedPrev, redactedNext] = redactSnapshotPair(prev, next);
    expect(redactedNext.cases[1]).toEqual({ id: 'b', number: '2023/M6-002', access: 'unntatt', publicTitle: 'Personalsak', redacted: true });
    expect(diffNoticeSnapshots(redactedPrev, redactedNext)).toEqual([]);
    const renumbered = { ...next, cases: [next.cases[0]!, { ...next.cases[1]!, number: '2023/M6-003', publicTitle: 'Personalsak (ny)' }] };
    expect(diffNoticeSnapshots(...redactSnapshotPair(prev, renumbered))).toEqual([
      'Saksnummer endret: 2023/M6-002 → 2023/M6-003 (Personalsak (ny))', 'Offentlig tittel endret for 2023/M6-003',
    ]);
    expect(diffNoticeSnapshots(...redactSnapshotPair(prev, { ...base, cases: [base.cases[0]!] }))).toEqual(['Sak fjernet: 2023/M6-002 Personalsak']);
  });
});

describe('an exempt case changed after the notice went out', () => {
  it('is described to staff in full, while the mail and the invitation say nothing of its type, presenters or texts', async () => {
    const [secret] = await database.db.select().from(cases).where(eq(cases.number, '2023/M6-006'));
    expect(secret).toMatchObject({ access: 'unntatt', caseType: 'vedtak' });
    await database.db.update(cases).set({ caseType: 'orientering', description: 'Ny beskrivelse', proposal: 'Nytt forslag' }).where(eq(cases.id, secret!.id));
    const body = await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
    expect(body.changes).toEqual([
      'Sakstype endret for 2023/M6-006: Vedtak → Orientering', 'Beskrivelse endret for 2023/M6-006', 'Forslag til vedtak endret for 2023/M6-006',
    ]);
    const mails = (await database.db.select().from(outbox)).filter((m) => m.subject.startsWith(`Endret innkalling (versjon ${body.version})`));
    expect(mails.length).toBe(4);
    for (const mail of mails) {
      const ics = Buffer.from(mail.attachments[1]!.contentBase64, 'base64').toString().replace(/\r\n[ \t]/g, '');
      for (const leak of ['Sakstype', 'Vedtak → Orientering', 'Beskrivelse endret', 'Forslag til vedtak endret']) {
        expect(mail.text).not.toContain(leak);
        expect(ics).not.toContain(leak);
      }
      expect(mail.text).toContain(`Endringer siden versjon ${body.version - 1} står i den vedlagte innkallingen.`);
    }
  });
});
