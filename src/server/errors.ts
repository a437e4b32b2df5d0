// One error shape for every 4xx: { error: { code, message, fields? } }. Services throw these;
// the app's error handler turns them into responses, so routes stay free of status juggling.
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { uniqueViolation } from './unique-violations.js';

export type TFieldIssue = { path: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields?: TFieldIssue[],
    /** What the server holds now, when that helps the client recover (a stale version: the current one). */
    readonly current?: Record<string, unknown>,
    /** More of the answer beside code and message, e.g. a refused file's row issues and their count. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: TFieldIssue[]) => new HttpError(400, 'bad_request', message, fields);
export const unauthorized = (message = 'Du må logge inn') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'Du har ikke tilgang til dette') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} finnes ikke`);
/**
 * What a 409 says happened, so the page can say it in its own language (web/src/i18n/errors.ts); the
 * message is the bokmål text with the particulars. `conflict` is the general case.
 */
export type TConflictCode = 'conflict' | 'minutes_approved' | 'minutes_already_approved' | 'ticket_closed' | 'reopen_window_closed' | 'standstill_running';
export const conflict = (message: string, code: TConflictCode = 'conflict', details?: Record<string, unknown>) =>
  new HttpError(409, code, message, undefined, undefined, details);
/** Every 413, whichever limit refused the body (the app's, an upload kind's): one code for the web. */
export const tooLarge = (message: string) => new HttpError(413, 'too_large', message);
/** An edit made on a version someone has since changed: nothing is written; `current` is the version now. */
export const stale = (message: string, current: Record<string, unknown>) => new HttpError(409, 'stale', message, undefined, current);

export function zodFieldIssues(error: ZodError): TFieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function validationErrorBody(error: ZodError) {
  const fields = zodFieldIssues(error);
  const first = fields[0];
  return {
    error: {
      code: 'validation',
      message: first ? `Ugyldig verdi for ${first.path}: ${first.message}` : 'Ugyldig forespørsel',
      fields,
    },
  };
}

/** The request id for an error body, so a person can quote it and an operator find the request in the log. */
export function requestIdOf(c: Context): { requestId?: string } {
  const requestId = (c.var as { requestId?: string }).requestId;
  return requestId ? { requestId } : {};
}

export function errorResponse(c: Context, err: HttpError) {
  // A limit that lifts by itself (429) says when, so a client waits instead of hammering.
  const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (retryAfter !== undefined) c.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return c.json({ error: {
    code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.current ? { current: err.current } : {}),
    ...requestIdOf(c),
    ...(err.details ?? {}),
  } }, err.status);
}

/** Postgres error codes that mean the client sent something the data cannot hold. */
export function httpErrorFromPostgres(err: unknown): HttpError | null {
  const code = (err as { code?: string } | null)?.code;
  if (code === '23505') {
    // The detail names columns and another row's values: the answer comes from the index's name only.
    const { message, fields } = uniqueViolation((err as { constraint?: string }).constraint);
    return new HttpError(409, 'conflict', message, fields);
  }
  if (code === '23503' || code === '23001') return new HttpError(409, 'reference', 'Det finnes data som peker hit, eller en referanse finnes ikke');
  if (code === '22P02') return badRequest('Ugyldig identifikator eller verdi');
  // Values zod let through but Postgres cannot hold: year 0, out-of-range dates, NUL bytes in text.
  if (code === '22007' || code === '22008') return badRequest('Ugyldig dato eller tidspunkt');
  if (code === '22021' || code === '22P05') return badRequest('Teksten inneholder tegn som ikke kan lagres');
  if (code === '22003') return badRequest('Tallet er for stort');
  if (code === '40001') return conflict('Samtidig endring; prøv igjen');
  // Two transactions waited on each other's locks and Postgres ended one; nothing of it was written.
  if (code === '40P01') return conflict('Samtidig endring av de samme dataene; prøv igjen');
  return null;
}
