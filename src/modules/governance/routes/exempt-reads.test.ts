// Reads of exempt content land in the audit log (issue 8): the full JSON of an exempt case, and the
// unredacted notice, minutes and saksframlegg PDFs when they hold an exempt case, by staff and council.
// Reads of public content and the public's redacted papers write nothing. Admins see them in GET /api/audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { PASSWORD, startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient, admin: TestClient;
let staffId: string, councilId: string;

beforeAll(async () => {
  let app;
  ({ database, app, cycle, anon, staff, council, muni } = await startCycle());
  admin = await new TestClient(app).login('admin@example.no', PASSWORD);
  staffId = (await (await staff.get('/api/auth/me')).json()).user.id;
  councilId = (await (await council.get('/api/auth/me')).json()).user.id;
});
afterAll(() => database.drop());

type TEntry = { action: string; entity: string; entityId: string; actorUserId: string | null; after: Record<string, unknown> };
const exemptReads = async (query = '') => {
  const res = await admin.get(`/api/audit?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()).entries as TEntry[]).filter((e) => e.action === 'read_exempt');
};

async function read(client: TestClient, path: string) {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  await res.arrayBuffer();
}

/** A read by someone who gets the redacted paper or none (what the public may see is another rule's). */
async function readWhateverComes(client: TestClient, path: string) {
  await (await client.get(path)).arrayBuffer();
}

describe('audit of exempt reads', () => {
  it('records the full read of an exempt case, not of a public one', async () => {
    await read(staff, `/api/cases/${cycle.cases.c3.id}`);
    expect(await exemptReads()).toEqual([]);
    await read(staff, `/api/cases/${cycle.cases.c4.id}`);
    await readWhateverComes(muni, `/api/cases/${cycle.cases.c4.id}`);
    expect(await exemptReads(`entity=case&entityId=${cycle.cases.c4.id}`)).toEqual([
      expect.objectContaining({ entity: 'case', entityId: cycle.cases.c4.id, actorUserId: staffId, after: { read: 'case', number: '2023/M6-004' } }),
    ]);
  });

  it('records unredacted papers that hold an exempt case, by staff and council, and nothing for the public\'s', async () => {
    const before = (await exemptReads()).length;
    await readWhateverComes(anon, `/api/meetings/${cycle.m6.id}/notice.pdf`);
    await readWhateverComes(muni, `/api/meetings/${cycle.m6.id}/notice.pdf`);
    await readWhateverComes(anon, `/api/cases/${cycle.cases.c4.id}/presentation.pdf`);
    await read(staff, `/api/meetings/${cycle.m1.id}/notice.pdf`);
    await read(council, `/api/cases/${cycle.cases.c3.id}/presentation.pdf`);
    expect(await exemptReads()).toHaveLength(before);

    await read(council, `/api/meetings/${cycle.m6.id}/notice.pdf`);
    await read(staff, `/api/meetings/${cycle.m6.id}/minutes.pdf`);
    await read(council, `/api/cases/${cycle.cases.c4.id}/presentation.pdf`);
    const meetingReads = await exemptReads(`entity=meeting&entityId=${cycle.m6.id}`);
    expect(meetingReads).toEqual([
      expect.objectContaining({ actorUserId: staffId, after: { read: 'minutes.pdf', exemptCases: ['2023/M6-004'] } }),
      expect.objectContaining({ actorUserId: councilId, after: { read: 'notice.pdf', exemptCases: ['2023/M6-004'] } }),
    ]);
    expect(await exemptReads(`actor=${councilId}&entity=case`)).toEqual([
      expect.objectContaining({ entityId: cycle.cases.c4.id, after: { read: 'presentation.pdf', exemptCases: ['2023/M6-004'] } }),
    ]);
  });
});
