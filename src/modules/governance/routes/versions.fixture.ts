// The governance writes that carry the version the client read: a case's decision (the case's
// `revision`), a meeting's attendance (`attendanceRevision`) and its agenda order (`agendaRevision`).
// Most tests play a page that has just loaded, so `putFresh` sends the version stored now; the tests of
// the version rule itself send their versions explicitly (a field given in the body wins).
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { TestClient } from '../../../test/app.js';
import { cases, meetings } from '../schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version field a versioned PUT needs, as stored now; 1 for an id that does not exist (a 404 test). */
export async function currentVersionFor(db: Db, path: string): Promise<Record<string, number>> {
  const [, resource, id, action] = path.match(/^\/api\/(cases|meetings)\/([^/]+)\/(decision|attendance|agenda)$/) ?? [];
  if (!resource || !id || !action) return {};
  const known = UUID.test(id);
  if (action === 'decision') {
    const [row] = known ? await db.select({ v: cases.revision }).from(cases).where(eq(cases.id, id)) : [];
    return { revision: row?.v ?? 1 };
  }
  const [row] = known
    ? await db.select({ attendance: meetings.attendanceRevision, agenda: meetings.agendaRevision }).from(meetings).where(eq(meetings.id, id))
    : [];
  return action === 'attendance' ? { attendanceRevision: row?.attendance ?? 1 } : { agendaRevision: row?.agenda ?? 1 };
}

/** `put(client, path, body)`: the client's PUT with the current version added. */
export function putFresh(db: Db) {
  return async (client: TestClient, path: string, body: Record<string, unknown>) =>
    client.put(path, { ...(await currentVersionFor(db, path)), ...body });
}
