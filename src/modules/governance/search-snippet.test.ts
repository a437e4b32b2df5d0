// Search snippets (issue 10): « and » mark the hits and nothing else, so a text quoting with Norwegian
// guillemets («sitat») does not read as a hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import type { SessionUser } from '../../server/context.js';
import { searchCases } from './search.service.js';
import { buildBody, buildCase, buildCooperation, buildMeeting } from './test-factories.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.drop());

const staff: SessionUser = { id: '00000000-0000-4000-8000-000000000001', email: 's@example.no', name: 'S', role: 'staff', municipalityId: null, personId: null };

describe('search snippets', () => {
  it('marks only the search word between « and »; the text\'s own guillemets become ‹ and ›', async () => {
    const db = database.db;
    const coop = await buildCooperation(db);
    const body = await buildBody(db, { cooperationId: coop.id, name: 'Rådet' });
    const meeting = await buildMeeting(db, { bodyId: body.id });
    await buildCase(db, {
      bodyId: body.id, meetingId: meeting.id, sequence: 1, title: 'Felles telefoni',
      description: 'Rådet ønsker en «helhetlig plan» for sentralbordet i alle kommunene.',
    });
    const hits = await searchCases(db, staff, { q: 'sentralbordet' });
    expect(hits).toHaveLength(1);
    const marked = [...hits[0]!.snippet.matchAll(/«([^»]*)»/g)].map((m) => m[1]);
    expect(marked).toEqual(['sentralbordet']);
    expect(hits[0]!.snippet).toContain('‹helhetlig plan›');
  });
});
