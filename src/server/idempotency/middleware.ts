// Idempotency-Key on POST (issue 8: a ticket and its replies were committed after the client's 60 s
// timeout, and the client's retry created them again). Once, for every route: a POST from a signed-in
// user that carries the header is handled at most once per (user, key). The rules, in
// docs/decisions/0018-idempotent-creates.md:
// - the first request claims the key (a row committed on its own, so a repeat sees it at once);
// - every transaction the handler opens through `c.var.db` first marks the key committed, inside that
//   same transaction: the mark is there exactly when the request's writes are;
// - the answer (status, a few headers, body) is stored with the key after the handler; a repeat with
//   the same request gets it back with `Idempotent-Replayed: true`, and nothing runs again;
// - a repeat while the first is still running gets 409 at once; the same key with another request 422;
// - a claim whose request failed before committing is released (the client may retry); one whose
//   process died before committing may be taken over after its lease; one that committed but whose
//   answer was lost is never run again (409 that says so: a duplicate would be the lie).
// Keys are kept for 24 hours and then swept (sweepIdempotencyKeys, a background job).
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AppEnv } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { refusal } from '../openapi.js';
import { multipartBoundary, parseMultipart, stagedUpload } from '../../modules/uploads/form.js';
import { bufferRequestBody } from '../body.js';
import { sha256Of } from '../../lib/files/hash.js';
import { idempotencyKeys } from './schema.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
export const KEY_LIFETIME_MS = 24 * 60 * 60_000;
/** Longer than any request should take to commit; only a repeat after it may redo an uncommitted request. */
export const LEASE_MS = 2 * 60_000;

/** 1–200 printable ASCII characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{1,200}$/;
/** Headers of the first answer that a replay repeats; cookies and per-request ids are not among them. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'location'];

const inProgress = () => new HttpError(409, 'idempotency_in_progress',
  'En forespørsel med samme Idempotency-Key behandles fortsatt; vent litt og prøv igjen');
const mismatch = () => new HttpError(422, 'idempotency_mismatch',
  'Idempotency-Key er brukt før med en annen forespørsel; en ny handling trenger en ny nøkkel');
const outcomeLost = () => new HttpError(409, 'idempotency_outcome_lost',
  'Forespørselen med denne Idempotency-Key ble utført, men svaret gikk tapt; last inn siden for å se resultatet');

type TKeyRow = typeof idempotencyKeys.$inferSelect;
type TClaim = { userId: string; key: string; owner: string };

export const idempotentPosts: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  const user = c.var.user;
  // Without a user there is no one to scope the key to; the route answers 401 or creates nothing of its own.
  if (c.req.method !== 'POST' || key === undefined || !user) return next();
  if (!KEY_PATTERN.test(key)) {
    const message = 'Må være 1–200 skrivbare tegn (ASCII)';
    throw badRequest(`Ugyldig Idempotency-Key: ${message.toLowerCase()}`, [{ path: IDEMPOTENCY_HEADER, message }]);
  }
  const db = c.var.db;
  const claim: TClaim = { userId: user.id, key, owner: randomUUID() };
  const first = await claimKey(db, claim, await requestHash(c), new Date());
  if (first) return replay(first);

  c.set('db', markingCommits(db, claim));
  try {
    await next();
  } catch (err) {
    await releaseUncommitted(db, claim);
    throw err;
  } finally {
    c.set('db', db);
  }
  const [row] = await db.select({ committed: idempotencyKeys.committed }).from(idempotencyKeys).where(owned(claim));
  const succeeded = c.res.status >= 200 && c.res.status < 300;
  // A refusal that wrote nothing is not the request's answer: the client may correct and send it again.
  if (!succeeded && !row?.committed) {
    await releaseUncommitted(db, claim);
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = c.res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = Buffer.from(await c.res.clone().arrayBuffer()).toString('base64');
  await db.update(idempotencyKeys).set({ status: c.res.status, responseHeaders: headers, responseBody: body }).where(owned(claim));
};

const owned = (claim: TClaim) => and(
  eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key), eq(idempotencyKeys.owner, claim.owner),
);

const sameKey = (claim: TClaim) => and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));

/**
 * Claims the key for this request; returns the stored row when the first request's answer is to be
 * replayed instead, and throws when the request must not run (in progress, mismatch, outcome lost).
 */
async function claimKey(db: Db, claim: TClaim, hash: string, now: Date): Promise<TKeyRow | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  await db.delete(idempotencyKeys).where(and(sameKey(claim), lt(idempotencyKeys.expiresAt, now)));
  const [inserted] = await db.insert(idempotencyKeys).values({
    ...claim, requestHash: hash, leaseUntil, expiresAt: new Date(now.getTime() + KEY_LIFETIME_MS),
  }).onConflictDoNothing().returning({ owner: idempotencyKeys.owner });
  if (inserted) return null;
  const [row] = await db.select().from(idempotencyKeys).where(sameKey(claim));
  // Released by a failed first request between our insert and this read: that request wrote nothing.
  if (!row) throw inProgress();
  if (row.requestHash !== hash) throw mismatch();
  if (row.status !== null) return row;
  if (row.committed) throw row.leaseUntil > now ? inProgress() : outcomeLost();
  if (row.leaseUntil > now) throw inProgress();
  // The first request's process stopped before it committed anything: this one takes the key over. The
  // first, should it still be running, then fails its own mark (its owner is no longer on the row).
  const [taken] = await db.update(idempotencyKeys).set({ owner: claim.owner, leaseUntil })
    .where(and(sameKey(claim), eq(idempotencyKeys.owner, row.owner), eq(idempotencyKeys.committed, false), isNull(idempotencyKeys.status)))
    .returning({ owner: idempotencyKeys.owner });
  if (!taken) throw inProgress();
  return null;
}

async function releaseUncommitted(db: Db, claim: TClaim) {
  await db.delete(idempotencyKeys).where(and(owned(claim), eq(idempotencyKeys.committed, false)));
}

/**
 * The handler's database: every transaction it opens marks the key committed as its first statement.
 * The mark also locks the key row until that transaction ends, and fails (409, nothing written) when
 * another request has taken the key over meanwhile.
 */
function markingCommits(db: Db, claim: TClaim): Db {
  const transaction: Db['transaction'] = (work, config) => db.transaction(async (tx) => {
    const marked = await tx.update(idempotencyKeys).set({ committed: true }).where(owned(claim))
      .returning({ key: idempotencyKeys.key });
    if (marked.length === 0) throw inProgress();
    return work(tx);
  }, config);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function replay(row: TKeyRow): Response {
  const headers = new Headers(row.responseHeaders ?? {});
  headers.set(REPLAYED_HEADER, 'true');
  const body = row.status === 204 || row.status === 205 ? null : Buffer.from(row.responseBody ?? '', 'base64');
  return new Response(body, { status: row.status!, headers });
}

/**
 * Method, path with query and body. A multipart body is hashed by its fields, not its bytes: a browser
 * sending the same form again picks a new boundary.
 */
async function requestHash(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<string> {
  const url = new URL(c.req.url);
  const hash = createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n`);
  const contentType = c.req.header('content-type') ?? '';
  // An upload streamed to disk: its fields, and its file by the hash the staging took.
  const upload = stagedUpload(c);
  if (upload) {
    const form = await upload;
    for (const [name, value] of Object.entries(form.fields)) hash.update(`${JSON.stringify(name)}=${JSON.stringify(value)}\n`);
    if (form.file) hash.update(`${JSON.stringify('file')}=file:${JSON.stringify(form.file.name)}:${form.file.sha256}\n`);
    return hash.digest('hex');
  }
  // The route reads the same bytes afterwards: read once, handed on.
  const bytes = await bufferRequestBody(c);
  const boundary = multipartBoundary(contentType);
  if (!boundary) {
    hash.update(contentType.split(';')[0]!.trim()).update('\n').update(bytes);
    return hash.digest('hex');
  }
  let parts: ReturnType<typeof parseMultipart>;
  try {
    parts = parseMultipart(bytes, boundary);
  } catch {
    // Not a readable form: the route refuses it; its bytes identify it well enough until then.
    return hash.update(bytes).digest('hex');
  }
  for (const part of parts) {
    hash.update(`${JSON.stringify(part.name)}=`);
    if (part.filename === null) hash.update(`${JSON.stringify(part.data.toString('utf8'))}\n`);
    // The file by its own hash: a large upload's bytes are hashed by the hash worker, off the event loop.
    else hash.update(`file:${JSON.stringify(part.filename)}:${await sha256Of(part.data)}\n`);
  }
  return hash.digest('hex');
}

/** Deletes keys past their lifetime; run by the scheduler. */
export async function sweepIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const swept = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return swept.length;
}

/**
 * Names the header, and the refusals it brings, on every POST of the API document (called once the
 * routes are registered), so clients reading /api/openapi.json learn they are there. The header is read by the middleware above;
 * the routes' own validation does not see it.
 */
export function documentIdempotencyKey(registry: OpenAPIHono['openAPIRegistry']) {
  const header = z.string().min(1).max(200).optional().openapi({
    description: 'Valgfri nøkkel (1–200 skrivbare ASCII-tegn) som gjør at en gjentatt forespørsel får det første svaret '
      + '(med Idempotent-Replayed: true) i stedet for å bli utført på nytt; se docs/decisions/0018-idempotent-creates.md',
  });
  for (const definition of registry.definitions) {
    if (definition.type !== 'route' || definition.route.method !== 'post') continue;
    const request = (definition.route.request ??= {});
    // No POST declares headers of its own today; one that does keeps its declaration as it is.
    if (!request.headers) request.headers = z.object({ [IDEMPOTENCY_HEADER]: header });
    // The refusals the key brings to every POST: still running or answer lost (409), used for another request (422).
    const responses = definition.route.responses as Record<string, unknown>;
    responses[409] ??= refusal('Konflikt, eller samme Idempotency-Key behandles fortsatt');
    responses[422] ??= refusal('Idempotency-Key er brukt før med en annen forespørsel');
  }
}
