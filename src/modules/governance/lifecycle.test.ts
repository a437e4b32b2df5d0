// One meeting lifecycle (issue 10): a decision recorded in a meeting whose day has come makes it held
// (avholdt), as attendance does, so the status agrees with the year's statistics and with the decisions
// shown; a decision written ahead of the day leaves a future meeting as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { systemActor } from '../../server/context.js';
import { countMeetingsAndCases } from './meetings.service.js';
import { recordDecision } from './minutes.service.js';
import { meetings } from './schema.js';
import { buildBody, buildCase, buildCooperation, buildMeeting } from './test-factories.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.drop());

describe('recordDecision and the meeting status', () => {
  it('marks a meeting whose day has come as held, and leaves a future one', async () => {
    const db = database.db;
    const coop = await buildCooperation(db);
    const body = await buildBody(db, { cooperationId: coop.id, name: 'Rådet' });
    const past = await buildMeeting(db, { bodyId: body.id, year: 2023, number: 1, date: '2023-03-01', status: 'innkalt', noticeVersion: 1 });
    const future = await buildMeeting(db, { bodyId: body.id, year: 2023, number: 2, date: '2999-01-01', status: 'planlagt' });
    const c1 = await buildCase(db, { bodyId: body.id, meetingId: past.id, sequence: 1 });
    const c2 = await buildCase(db, { bodyId: body.id, meetingId: future.id, sequence: 1, number: '2023/M2-001' });

    await recordDecision(db, systemActor, { caseId: c1.id, revision: c1.revision, decisionKind: 'enighet', decisionText: 'Godkjent.' });
    await recordDecision(db, systemActor, { caseId: c2.id, revision: c2.revision, decisionKind: 'enighet', decisionText: 'Skrevet på forhånd.' });

    const status = async (id: string) => (await db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, id)))[0]!.status;
    expect(await status(past.id)).toBe('avholdt');
    expect(await status(future.id)).toBe('planlagt');
    // The statistics count the held meeting and its minuted case, not the future one.
    expect(await countMeetingsAndCases(db, { cooperationId: coop.id, year: 2023 })).toEqual([
      { bodyId: body.id, bodyName: 'Rådet', meetingsHeld: 1, casesMinuted: 1 },
    ]);
  });
});
