// Loads the demo cooperation into an empty database. Filled in by the demo module.
import type { Db } from '../src/db/client.js';

export async function loadDemoIfEmpty(db: Db): Promise<boolean> {
  const existing = await db.query.cooperations.findFirst();
  if (existing) return false;
  return false;
}
