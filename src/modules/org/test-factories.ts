// Helpers for tests that edit the organisation through HTTP.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { TestClient } from '../../test/app.js';
import { bodies, bodyMembers, cooperations, departments, memberships, municipalities, people, positions, users } from './schema.js';

/** The table behind each editable resource's path (`/api/<resource>/<id>`). */
export const REVISED_TABLES = {
  cooperations, municipalities, memberships, departments, people, positions, bodies, 'body-members': bodyMembers, users,
} as const;

/** The revision of a row as stored now. */
export async function storedRevision(db: Db, path: string): Promise<number> {
  const [, , resource, id] = path.split('/');
  const table = REVISED_TABLES[resource as keyof typeof REVISED_TABLES];
  if (!table || !id) throw new Error(`no editable organisation row at ${path}`);
  const [row] = await db.select({ revision: table.revision }).from(table).where(eq(table.id, id));
  return row?.revision ?? 1;
}

/**
 * A PATCH made on the revision stored now (decision 0024), for tests about what an edit does rather than
 * about two people editing at once; the body's own `revision` wins when it names one.
 */
export async function patchAtStoredRevision(db: Db, client: TestClient, path: string, body: Record<string, unknown>) {
  return client.patch(path, { revision: await storedRevision(db, path), ...body });
}
