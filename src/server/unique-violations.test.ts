// A write refused by a unique index answers 409 with the field and a sentence in bokmål, never the
// database's detail (column names and another row's values), for every unique index of the schema.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../test/db.js';
import type { TestClient } from '../test/app.js';
import { startEconomy } from '../modules/economy/economy-fixture.js';
import { httpErrorFromPostgres } from './errors.js';
import { UNIQUE_VIOLATIONS, UNLISTED_UNIQUE_MESSAGE } from './unique-violations.js';

let database: TestDatabase;
let staff: TestClient;

beforeAll(async () => {
  ({ database, staff } = await startEconomy());
});
afterAll(() => database.drop());

describe('a duplicate refused by a unique index', () => {
  it('answers 409 naming the field, without the database detail', async () => {
    expect((await staff.post('/api/economy/lines', { kind: 'drift', name: 'Lønn' })).status).toBe(201);
    const res = await staff.post('/api/economy/lines', { kind: 'drift', name: 'Lønn' });
    const text = await res.text();
    expect(res.status, text).toBe(409);
    const { error } = JSON.parse(text);
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Det finnes allerede en linje med dette navnet',
      fields: [{ path: 'name', message: 'Det finnes allerede en linje med dette navnet' }],
    });
    expect(text).not.toMatch(/Key \(|cooperation_id|already exists|Lønn/);
  });

  it('is listed with a field and a sentence for every unique index in the schema; any other says nothing of the row', async () => {
    const result = await database.db.execute(sql`
      select c.relname as indexname, i.indisprimary as primary
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where i.indisunique and n.nspname = 'public'`);
    const { rows } = result as unknown as { rows: { indexname: string; primary: boolean }[] };
    const unique = rows.filter((r) => !r.primary).map((r) => r.indexname).sort();
    expect(unique.length).toBeGreaterThan(20);
    expect(unique.filter((name) => !(name in UNIQUE_VIOLATIONS)), 'list these in src/server/unique-violations.ts').toEqual([]);
    for (const { indexname, primary } of rows) {
      const err = httpErrorFromPostgres({ code: '23505', constraint: indexname, detail: 'Key (cooperation_id, name)=(x, HEMMELIG) already exists.' })!;
      expect(err.status).toBe(409);
      expect(err.message).not.toMatch(/HEMMELIG|Key|already/);
      if (!primary) expect(err.fields).toEqual([{ path: UNIQUE_VIOLATIONS[indexname]!.field, message: err.message }]);
    }
    expect(httpErrorFromPostgres({ code: '23505', detail: 'Key (id)=(HEMMELIG) already exists.' })!.message).toBe(UNLISTED_UNIQUE_MESSAGE);
  });
});
