import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { systemActor } from '../../server/context.js';
import { countMeetingsAndCases, createMeeting, listMeetings } from './meetings.service.js';
import { cases } from './schema.js';
import { buildBody, buildCase, buildCooperation, buildMeeting } from './test-factories.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.drop());

describe('countMeetingsAndCases', () => {
  it('counts, per body of the cooperation, meetings whose date has come and cases with a decision', async () => {
    const db = database.db;
    const coop = await buildCooperation(db);
    const other = await buildCooperation(db);
    const council = await buildBody(db, { cooperationId: coop.id, name: 'Samarbeidsrådet' });
    const faggruppe = await buildBody(db, { cooperationId: coop.id, name: 'Faggruppe Helse' });
    const foreign = await buildBody(db, { cooperationId: other.id, name: 'Annet råd' });
    const m1 = await buildMeeting(db, { bodyId: council.id, year: 2023, number: 1, date: '2023-02-01' });
    const m2 = await buildMeeting(db, { bodyId: council.id, year: 2023, number: 2, date: '2023-06-01' });
    await buildMeeting(db, { bodyId: council.id, year: 2022, number: 6, date: '2022-12-01' });
    await buildMeeting(db, { bodyId: foreign.id, year: 2023, number: 1, date: '2023-03-01' });
    await buildMeeting(db, { bodyId: faggruppe.id, year: 2023, number: 1, date: '2023-03-01' });
    await buildCase(db, { bodyId: council.id, meetingId: m1.id, sequence: 1, decisionText: 'Innkalling og saksliste godkjent.' });
    await buildCase(db, { bodyId: council.id, meetingId: m1.id, sequence: 2, decisionText: '   ' });
    await buildCase(db, { bodyId: council.id, meetingId: m2.id, sequence: 1, decisionText: 'Tatt til orientering.' });
    await buildCase(db, { bodyId: council.id, meetingId: m2.id, sequence: 2 });
    // Decided in writing between meetings.
    await db.insert(cases).values({ bodyId: council.id, meetingId: null, year: 2023, position: 1, sequence: 9, number: '9/23', title: 'Skriftlig', caseType: 'vedtak', decisionText: 'Vedtatt skriftlig.' });
    // A meeting far in the future has not been held.
    const future = await buildMeeting(db, { bodyId: council.id, year: 2023, number: 3, date: '2999-01-01' });
    await buildCase(db, { bodyId: council.id, meetingId: future.id, sequence: 1, year: 2023, decisionText: 'Forhåndsskrevet' });

    expect(await countMeetingsAndCases(db, { cooperationId: coop.id, year: 2023 })).toEqual([
      { bodyId: faggruppe.id, bodyName: 'Faggruppe Helse', meetingsHeld: 1, casesMinuted: 0 },
      { bodyId: council.id, bodyName: 'Samarbeidsrådet', meetingsHeld: 2, casesMinuted: 3 },
    ]);
    expect(await countMeetingsAndCases(db, { cooperationId: coop.id, year: 2022 })).toEqual([
      { bodyId: council.id, bodyName: 'Samarbeidsrådet', meetingsHeld: 1, casesMinuted: 0 },
    ]);
    expect((await countMeetingsAndCases(db, { year: 2023 })).map((r) => r.bodyName)).toContain('Annet råd');
  });
});

describe('createMeeting', () => {
  it('takes the next free number in the body year, starting again at M1 in a new year', async () => {
    const db = database.db;
    const coop = await buildCooperation(db);
    const body = await buildBody(db, { cooperationId: coop.id, name: 'Arbeidsutvalget' });
    const plan = (date: string, number?: number) => createMeeting(db, systemActor, { bodyId: body.id, date, startTime: '10:00', place: 'Teams', number });
    expect((await plan('2024-01-10')).number).toBe(1);
    expect((await plan('2024-03-10', 3)).number).toBe(3);
    expect((await plan('2024-05-10')).number).toBe(2);
    expect((await plan('2024-06-10')).number).toBe(4);
    expect((await plan('2025-01-10')).number).toBe(1);
    const list = await listMeetings(db, { bodyId: body.id });
    expect(list.map((m) => `${m.year} ${m.numberLabel}`)).toEqual(['2025 M1', '2024 M4', '2024 M2', '2024 M3', '2024 M1']);
    expect(list[0]!.caseCount).toBe(2);
  });
});
