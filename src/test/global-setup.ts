// vitest's globalSetup: builds the migrated database every test file starts from, once per run (see
// template.ts), and tells the test files where it is through vitest's provide/inject.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpMigratedPglite, ensurePostgresTemplate } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the tar file of a migrated data directory. */
    pgliteTemplateFile: string | null;
    /** PostgreSQL (DATABASE_URL set): the migrated template database to copy. */
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    project.provide('postgresTemplate', await ensurePostgresTemplate(serverUrl));
    project.provide('pgliteTemplateFile', null);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-template-'));
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, await dumpMigratedPglite());
  project.provide('pgliteTemplateFile', file);
  project.provide('postgresTemplate', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
