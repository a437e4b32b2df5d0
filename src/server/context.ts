// What every request handler can reach: the database, the file store, the configuration and the signed-in user.
import type { Db } from '../db/client.js';
import type { FileStore } from '../lib/files/store.js';
import type { TPaperCaches } from '../documents/cached-papers.js';
import type { TRole } from '../modules/org/vocabulary.js';
import type { TEnv } from './env.js';

/** The account roles (org's vocabulary); requireRole and the modules' policies compare them. */
export type Role = TRole;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  municipalityId: string | null;
  personId: string | null;
};

export type AppEnv = {
  Variables: {
    db: Db;
    env: TEnv;
    /** Where attachment and archive bytes live (src/lib/files). */
    files: FileStore;
    /** Papers on disk per meeting version, one cache per read access (src/documents/cached-papers.ts). */
    papers: TPaperCaches;
    user: SessionUser | null;
    /** This request's id: in the access log, the X-Request-Id header and every error body. */
    requestId: string;
    /** How long the request waited at the admission gate (src/server/admission.ts), when it waited a millisecond or more. */
    queuedMs?: number;
  };
};

/** Who did something, for the audit log. */
export type Actor = { userId: string | null; name: string };

export const systemActor: Actor = { userId: null, name: 'system' };

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, name: user.name };
}
