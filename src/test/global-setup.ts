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

/**
 * Vitest runs the global setup once per project (vitest.config.ts has two) and once more for the root;
 * they share this process, so the template is built once and each run hands out the same one.
 */
type TTemplates = { pgliteTemplateFile: string | null; postgresTemplate: string | null; remove: () => void };
const shared = globalThis as { samradTestTemplates?: Promise<TTemplates> };

async function buildTemplates(): Promise<TTemplates> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return { postgresTemplate: await ensurePostgresTemplate(serverUrl), pgliteTemplateFile: null, remove: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-template-'));
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, await dumpMigratedPglite());
  return { pgliteTemplateFile: file, postgresTemplate: null, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const templates = await (shared.samradTestTemplates ??= buildTemplates());
  project.provide('pgliteTemplateFile', templates.pgliteTemplateFile);
  project.provide('postgresTemplate', templates.postgresTemplate);
  return templates.remove;
}
