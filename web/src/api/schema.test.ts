// The web's API types are the server's. schema.ts is generated, not committed (decision 0022), and
// `npm run typecheck` writes it before tsc; this fails when the file on disk is older than the routes
// (a route changed and tsc checked the web against the old types), or when it was never generated.
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './generate';

it('web/src/api/schema.ts is what /api/openapi.json makes now (else run `npm run api:types`)', async () => {
  expect(existsSync(SCHEMA_FILE), 'web/src/api/schema.ts is missing: run `npm run api:types` (npm run typecheck does)').toBe(true);
  const onDisk = readFileSync(SCHEMA_FILE, 'utf8');
  const generated = await generateApiTypes();
  expect(onDisk === generated, 'web/src/api/schema.ts is out of date: run `npm run api:types`, then type-check again').toBe(true);
});
