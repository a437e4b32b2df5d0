// A body's own case-number pattern over HTTP (issue 12): refused with the reason when it cannot number
// the body's cases (400 on casePattern), used for every number on the agenda, starting at the number
// the first meeting names, and frozen once a notice has sent numbers out (409), as the scheme is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { startWithAccounts } from '../../../test/accounts.js';
import { fieldsOf, json, TestClient } from '../../../test/app.js';

let database: TestDatabase;
let admin: TestClient;
let staff: TestClient;
let coopId: string;
let personId: string;

beforeAll(async () => {
  ({ database, admin, staff } = await startWithAccounts());
  coopId = (await json(await admin.post('/api/cooperations', { name: 'Fjordkysten IKT', shortName: 'FKIKT' }), 201)).id;
  personId = (await json(await staff.post('/api/people', { familyName: 'Lid', givenName: 'Åse', email: 'ase.lid@example.no' }), 201)).id;
});
afterAll(() => database.drop());

type TAgenda = { meeting: { id: string }; cases: { number: string; title: string }[] };
const addCase = (meetingId: string, title: string) => staff.post(`/api/meetings/${meetingId}/cases`, { title, caseType: 'orientering' });

describe('a body\'s case-number pattern', () => {
  it('is refused with the reason when it cannot number the cases', async () => {
    const body = (pattern: string, extra: object = {}) => admin.post('/api/bodies', { cooperationId: coopId, name: `Organ ${pattern}`, casePattern: pattern, ...extra });
    for (const [pattern, reason] of [['{yy}', /nøyaktig én gang/], ['{n}/{year}', /Ukjent felt/], ['{n}/{yy}', /\{m\}/], ['{body} {n}/{yy}', /prefiks/]] as const) {
      const refused = await json(await body(pattern, pattern === '{body} {n}/{yy}' ? { caseNumbering: 'running', casePrefix: undefined } : {}), 400);
      expect(fieldsOf(refused), pattern).toEqual(pattern === '{body} {n}/{yy}' ? ['casePrefix'] : ['casePattern']);
      if (pattern !== '{body} {n}/{yy}') expect(refused.error.message, pattern).toMatch(reason);
    }
    const made = await json(await body('{n}/{yy}', { caseNumbering: 'running', casePrefix: 'AU' }), 201);
    expect(made.casePattern).toBe('{n}/{yy}');
    // Taking {body} out of the prefix's reach is refused on an edit too.
    const edit = await json(await admin.patch(`/api/bodies/${made.id}`, { revision: made.revision, casePattern: '{yyyy}-{nnn}', caseNumbering: 'meeting' }), 400);
    expect(edit.error.message).toMatch(/\{m\}/);
  });

  it('numbers the agenda by the pattern, from the start number the first meeting names', async () => {
    const group = await json(await admin.post('/api/bodies', {
      cooperationId: coopId, name: 'Arbeidsutvalget', caseNumbering: 'running', casePrefix: 'AU', casePattern: '{body} {n}/{yy}',
    }), 201);
    const planned = await json<TAgenda>(await staff.post('/api/meetings', {
      bodyId: group.id, date: '2024-03-05', startTime: '09:00', place: 'Molde', standingCases: false, firstCaseSequence: 41,
    }), 201);
    await json(await addCase(planned.meeting.id, 'Budsjett 2025'), 201);
    await json(await addCase(planned.meeting.id, 'Strategi'), 201);
    const agenda = await json<TAgenda>(await staff.get(`/api/meetings/${planned.meeting.id}`), 200);
    expect(agenda.cases.map((c) => c.number)).toEqual(['AU 41/24', 'AU 42/24']);

    const council = await json(await admin.post('/api/bodies', {
      cooperationId: coopId, name: 'Samarbeidsrådet', casePrefix: 'SR', casePattern: '{yyyy}/{body}{m}-{nnn}',
    }), 201);
    const m1 = await json<TAgenda>(await staff.post('/api/meetings', { bodyId: council.id, date: '2024-02-14', startTime: '09:00', place: 'Molde' }), 201);
    expect(m1.cases.map((c) => c.number)).toEqual(['2024/SR1-001', '2024/SR1-002']);
  });

  it('is frozen once a notice has sent numbers out, like the scheme', async () => {
    const body = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Styret', caseNumbering: 'running', casePrefix: 'ST', casePattern: '{n}/{yy}' }), 201);
    await json(await staff.post(`/api/bodies/${body.id}/members`, { personId, role: 'leder', fromDate: '2020-01-01' }), 201);
    const planned = await json<TAgenda>(await staff.post('/api/meetings', { bodyId: body.id, date: '2024-05-02', startTime: '09:00', place: 'Molde' }), 201);
    // Before the notice the pattern may change; the proposals follow it at the next change of the agenda.
    const changed = await json(await admin.patch(`/api/bodies/${body.id}`, { revision: body.revision, casePattern: '{n}/{yyyy}' }), 200);
    await json(await addCase(planned.meeting.id, 'Eventuelt'), 201);
    expect((await json<TAgenda>(await staff.get(`/api/meetings/${planned.meeting.id}`), 200)).cases.map((c) => c.number)).toEqual(['1/2024', '2/2024', '3/2024']);
    await json(await staff.post(`/api/meetings/${planned.meeting.id}/notice`), 201);
    const refused = await json(await admin.patch(`/api/bodies/${body.id}`, { revision: changed.revision, casePattern: '{n}/{yy}' }), 409);
    expect(refused.error.message).toMatch(/sendt ut/);
    // Back to the built-in form is a change as well.
    expect((await admin.patch(`/api/bodies/${body.id}`, { revision: changed.revision, casePattern: '' })).status).toBe(409);
    expect((await json(await admin.patch(`/api/bodies/${body.id}`, { revision: changed.revision, name: 'Styret i FKIKT' }), 200)).casePattern).toBe('{n}/{yyyy}');
  });
});
