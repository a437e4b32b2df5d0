// Approving minutes and sending a notice set their PDFs before the transaction opens: while a render
// runs, the database answers others (PGlite has one connection) and nobody waits for the meeting's lock;
// a change to what the paper prints in that time is a 409 that writes nothing, never a stored or mailed
// PDF of stale data. The renderer is wrapped so a test can act in the middle of a render.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, type TestClient } from '../../test/app.js';
import type { TestDatabase } from '../../test/db.js';
import { flatText } from '../../documents/pdf-text.js';
import { outbox } from '../mail/schema.js';
import { MINUTES_CHANGED_WHILE_RENDERING } from './minutes.service.js';
import { NOTICE_CHANGED_WHILE_RENDERING } from './notice.service.js';
import { startCycle, type TCycle } from './routes/cycle-fixture.js';
import { archivedDocuments, attendance, cases, meetings, noticeVersions } from './schema.js';

const render = vi.hoisted(() => ({ during: null as null | (() => Promise<void>), calls: 0 }));
vi.mock('../../documents/renderer.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../documents/renderer.js')>();
  return {
    ...actual,
    renderPdf: async (...args: Parameters<typeof actual.renderPdf>) => {
      render.calls++;
      const during = render.during;
      render.during = null;
      if (during) await during();
      return actual.renderPdf(...args);
    },
  };
});

let database: TestDatabase;
let cycle: TCycle;
let staff: TestClient;

beforeAll(async () => {
  ({ database, cycle, staff } = await startCycle());
  // Held and decided, straight in the tables: these tests are about the approval and the send only.
  await database.db.insert(attendance).values({ meetingId: cycle.m6.id, personId: cycle.people.aasen.id, role: 'til_stede', position: 0 });
  await database.db.update(cases).set({ decisionKind: 'enighet', decisionText: 'Referatet godkjennes' }).where(eq(cases.id, cycle.cases.m1Referat.id));
});
afterAll(() => database.drop());

/** Moves the meeting while a render runs, through the database the requests use: it would wait for a lock held across the render. */
const movePlaceDuringRender = (place: string) => {
  render.during = async () => {
    await database.db.update(meetings).set({ place }).where(eq(meetings.id, cycle.m6.id));
  };
};

describe('approving minutes', () => {
  const approve = () => staff.post(`/api/meetings/${cycle.m6.id}/minutes/approve`, { approvedByCaseId: cycle.cases.m1Referat.id });

  it('answers 409 and stores nothing when the meeting changes while its PDFs are set', async () => {
    movePlaceDuringRender('Molde rådhus, møterom 2');
    const res = await json(await approve(), 409);
    expect(res.error.message).toBe(MINUTES_CHANGED_WHILE_RENDERING);
    expect(render.during).toBeNull();
    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, cycle.m6.id));
    expect(m!.status).not.toBe('godkjent');
    expect(m!.place).toBe('Molde rådhus, møterom 2');
    expect(await database.db.select().from(archivedDocuments)).toEqual([]);
  });

  it('approves on the next try, and the stored minutes print the data as it is', async () => {
    await json(await approve(), 200);
    const pdf = await staff.get(`/api/meetings/${cycle.m6.id}/minutes.pdf`);
    expect(pdf.status).toBe(200);
    expect(flatText(Buffer.from(await pdf.arrayBuffer()))).toContain('Molde rådhus, møterom 2');
  });
});

describe('sending the notice', () => {
  // The approved M6 cannot be sent again; M1 has a case and the same members.
  const send = () => staff.post(`/api/meetings/${cycle.m1.id}/notice`);

  it('answers 409 and sends nothing when the meeting changes while the notice is set', async () => {
    render.during = async () => {
      await database.db.update(meetings).set({ place: 'Aukra rådhus' }).where(eq(meetings.id, cycle.m1.id));
    };
    const res = await json(await send(), 409);
    expect(res.error.message).toBe(NOTICE_CHANGED_WHILE_RENDERING);
    expect(await database.db.select().from(noticeVersions).where(eq(noticeVersions.meetingId, cycle.m1.id))).toEqual([]);
    expect(await database.db.select().from(outbox)).toEqual([]);
  });

  it('sends on the next try, with the notice PDF of the data as it is', async () => {
    const calls = render.calls;
    await json(await send(), 201);
    expect(render.calls).toBe(calls + 1);
    const [mail] = await database.db.select().from(outbox).limit(1);
    expect(mail).toBeDefined();
    const versions = await database.db.select().from(noticeVersions).where(eq(noticeVersions.meetingId, cycle.m1.id));
    expect(versions).toHaveLength(1);
    expect((versions[0]!.snapshot as { meeting: { place: string } }).meeting.place).toBe('Aukra rådhus');
  });
});
