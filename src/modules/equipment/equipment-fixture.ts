// Equipment's shared test fixture: a fresh database holding buildEquipment's world, the app on it, and a
// signed-in client per account (`anon` signed out). Kept apart from test-factories.ts for the benches.
import { buildClients, createTestApp, createTestFileStore } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildEquipment, EQUIPMENT_ACCOUNTS, PASSWORD } from './test-factories.js';

export async function startEquipment(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const app = createTestApp(database.db, env, createTestFileStore());
  const f = await buildEquipment(database.db);
  return { database, app, f, ...(await buildClients(app, EQUIPMENT_ACCOUNTS, PASSWORD)) };
}
export type TEquipmentWorld = Awaited<ReturnType<typeof startEquipment>>;

/** A multipart body for the device import: the file, the month and optionally the saved mapping's source. */
export function deviceUpload(lines: string[] | Uint8Array<ArrayBuffer>, month: string, source?: string, filename = 'intune.csv') {
  const form = new FormData();
  const bytes = Array.isArray(lines) ? new TextEncoder().encode(lines.join('\n')) : lines;
  form.set('file', new File([bytes], filename));
  form.set('month', month);
  if (source) form.set('source', source);
  return form;
}
