import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import type { SessionUser } from '../../server/context.js';
import { casePresenters, caseVotes } from './schema.js';
import { isRedactedCase, ZMeetingView } from './model.js';
import { readAccessOf } from './policy.js';
import { getMeetingView } from './views.service.js';
import {
  buildAttachment, buildBody, buildCase, buildCooperation, buildMeeting, buildPerson, legalBasisByCode,
} from './test-factories.js';

let database: TestDatabase;
let meetingId: string;
let unpublishedId: string;
const viewer = (role: SessionUser['role']): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000001', email: 'x@y.no', name: 'X', role, municipalityId: null, personId: null,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const coop = await buildCooperation(db);
  const body = await buildBody(db, { cooperationId: coop.id, name: 'Samarbeidsrådet for ROR-IKT' });
  // Published with its notice sent: the public reads the agenda (decision 0016).
  const meeting = await buildMeeting(db, { bodyId: body.id, published: true, noticeVersion: 1 });
  meetingId = meeting.id;
  unpublishedId = (await buildMeeting(db, { bodyId: body.id, number: 5, date: '2023-10-01' })).id;
  const fred = await buildPerson(db, { familyName: 'Gjørtz', givenName: 'Fred' });
  const marianne = await buildPerson(db, { familyName: 'Aasen', givenName: 'Marianne Stokkereit' });
  const basis = await legalBasisByCode(db, 'offl-13-fvl-13-1-2');
  const c1 = await buildCase(db, { bodyId: body.id, meetingId, sequence: 1, title: 'Godkjenning av innkalling og saksliste', standing: 'innkalling' });
  const c2 = await buildCase(db, {
    bodyId: body.id, meetingId, sequence: 2, title: 'Veien videre for nytt sak-arkivsystem', access: 'unntatt',
    publicTitle: 'Anskaffelse', legalBasisId: basis.id, description: 'Hemmelig beskrivelse', proposal: 'Hemmelig forslag',
    decisionKind: 'vedtak', decisionText: 'Hemmelig vedtak', treatment: 'Hemmelig behandling', voted: true,
  });
  await db.insert(casePresenters).values([
    { caseId: c1.id, personId: marianne.id, position: 1 },
    { caseId: c2.id, personId: fred.id, position: 1 },
  ]);
  await db.insert(caseVotes).values({ caseId: c2.id, personId: marianne.id, choice: 'for' });
  await buildAttachment(db, { caseId: c2.id, filename: 'hemmelig-vedlegg.pdf' });
  await buildAttachment(db, { caseId: c1.id, filename: 'saksliste.pdf' });
});
afterAll(() => database.drop());

describe('getMeetingView', () => {
  it('gives staff and council the whole meeting, exempt content included', async () => {
    for (const role of ['admin', 'staff', 'council'] as const) {
      const view = ZMeetingView.parse(await getMeetingView(database.db, meetingId, readAccessOf(viewer(role))));
      expect(view.redacted).toBe(false);
      expect(view.meeting).toMatchObject({ numberLabel: 'M6', date: '2023-12-13', bodyName: 'Samarbeidsrådet for ROR-IKT', published: true });
      const [c1, c2] = view.cases;
      if (!c1 || isRedactedCase(c1) || !c2 || isRedactedCase(c2)) throw new Error('expected full cases');
      expect(c1).toMatchObject({ number: '2023/M6-001', presenters: ['Aasen, Marianne Stokkereit'], standing: 'innkalling' });
      expect(c1.attachments.map((a) => a.filename)).toEqual(['saksliste.pdf']);
      expect(c2).toMatchObject({
        title: 'Veien videre for nytt sak-arkivsystem', presenters: ['Gjørtz, Fred'], access: 'unntatt',
        legalBasis: 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2',
        votes: { for: 1, against: 0, blank: 0, perMember: [{ name: 'Aasen, Marianne Stokkereit', choice: 'for' }] },
      });
    }
  });

  it('reduces an exempt case to number, public title and citation for the public', async () => {
    for (const who of [null, viewer('municipality')]) {
      const view = await getMeetingView(database.db, meetingId, readAccessOf(who));
      ZMeetingView.parse(view);
      expect(view.redacted).toBe(true);
      expect(view.cases[1]).toEqual({
        access: 'unntatt', number: '2023/M6-002', publicTitle: 'Anskaffelse',
        legalBasis: 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2',
      });
      const json = JSON.stringify(view);
      for (const secret of ['Veien videre', 'Hemmelig', 'hemmelig-vedlegg', 'Gjørtz']) expect(json).not.toContain(secret);
      expect(json).toContain('saksliste.pdf');
    }
  });

  it('hides unpublished meetings from the public (404) but not from council', async () => {
    await expect(getMeetingView(database.db, unpublishedId, readAccessOf(null))).rejects.toMatchObject({ status: 404 });
    await expect(getMeetingView(database.db, unpublishedId, readAccessOf(viewer('municipality')))).rejects.toMatchObject({ status: 404 });
    expect((await getMeetingView(database.db, unpublishedId, readAccessOf(viewer('council')))).meeting.number).toBe(5);
    await expect(getMeetingView(database.db, '00000000-0000-4000-8000-000000000009', readAccessOf(viewer('staff')))).rejects.toMatchObject({ status: 404 });
  });
});
