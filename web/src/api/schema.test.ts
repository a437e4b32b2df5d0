// The web's API types are the server's: this fails when a route changed and web/src/api/schema.ts was
// not generated again, so the web cannot compile against an API that no longer exists.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './generate';

it('web/src/api/schema.ts is what /api/openapi.json makes now (else run `npm run api:types`)', async () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  const generated = await generateApiTypes();
  expect(committed === generated, 'web/src/api/schema.ts is out of date: run `npm run api:types` and commit it').toBe(true);
});
